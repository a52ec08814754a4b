"""The search document reads every declared field of a data resource with its declared weight."""

import pytest

from varanto.catalog import declarations
from varanto.catalog.declarations import UNSEARCHED, ValueType
from varanto.search import documents

RESOURCE = declarations.RESOURCE


@pytest.mark.parametrize("decl", RESOURCE.fields, ids=lambda d: d.path)
def test_every_public_resource_field_is_searched_or_explicitly_not(decl):
    if RESOURCE.internal(decl) or decl.type in (ValueType.KEY, ValueType.TRANSLATIONS):
        assert decl.search_weight is None, f"{decl.path}: internal and structural fields are never indexed"
        return
    assert decl.search_weight is not None, f"{decl.path}: declare a search_weight or UNSEARCHED"
    if decl.search_weight != UNSEARCHED:
        assert decl.search_weight in documents.FIELD_WEIGHTS, f"{decl.path}: unknown weight class"
        assert decl.type in documents.ITEMS, f"{decl.path}: the search document cannot read a {decl.type}"


def test_fields_that_make_one_text_share_a_weight():
    weights: dict[str, set[str]] = {}
    for decl in documents.SEARCHED:
        weights.setdefault(decl.path.split(".")[0], set()).add(decl.search_weight)
    assert all(len(w) == 1 for w in weights.values()), weights


def _nested(path: str, value) -> dict:
    head, _, rest = path.partition(".")
    return {head: _nested(rest, value) if rest else value}


def _merge(into: dict, other: dict) -> None:
    for key, value in other.items():
        if isinstance(value, dict) and isinstance(into.get(key), dict):
            _merge(into[key], value)
        else:
            into[key] = value


def test_each_searched_field_is_in_the_document_with_its_weight():
    values = {
        ValueType.TEXT: lambda word: word,
        ValueType.LONG_TEXT: lambda word: word,
        ValueType.LINES: lambda word: [word],
        ValueType.LINKS: lambda word: [{"title": word, "url": "https://example.org", "kind": "other"}],
        ValueType.FLOWS: lambda word: [{"target": word, "description": ""}],
    }
    resource: dict = {"key": "r", "section": "s", "name": "n"}
    words = {}
    for i, decl in enumerate(documents.SEARCHED):
        words[decl.path] = f"sana{i}x"
        _merge(resource, _nested(decl.path, values[decl.type](words[decl.path])))
    content = {"organization": {"name": ""}, "sections": [{"key": "s", "name": ""}], "resources": [resource]}
    (document,) = documents.publication_documents(content)
    for decl in documents.SEARCHED:
        found = [(field, label) for field, label, text in document.texts if words[decl.path] in text]
        assert found == [(decl.search_weight, decl.path.split(".")[0])], decl.path
