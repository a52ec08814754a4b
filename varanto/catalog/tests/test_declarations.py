"""Every content field of a declared model is declared once, with what a field needs."""

import pytest
from django.utils import translation

from varanto.catalog import declarations
from varanto.catalog.declarations import ValueType
from varanto.catalog.services import specs

KINDS = declarations.KINDS


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_every_content_field_of_the_model_is_declared(kind):
    concrete = {f.name for f in kind.model._meta.get_fields() if f.concrete and not f.many_to_many}
    declared = {d.attr for d in kind.fields}
    undeclared = concrete - declared - set(kind.relations) - set(kind.bookkeeping)
    assert not undeclared, f"{kind.name}: declare these fields or list them as bookkeeping: {sorted(undeclared)}"
    assert set(kind.bookkeeping) <= concrete, "bookkeeping names a field the model does not have"


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_declarations_are_unique_and_name_model_fields(kind):
    attrs = [d.attr for d in kind.fields]
    paths = [d.path for d in kind.fields]
    assert len(attrs) == len(set(attrs)) and len(paths) == len(set(paths))
    for decl in kind.fields:
        kind.model._meta.get_field(decl.attr)  # raises when the model has no such field


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_every_public_field_has_a_translated_label(kind):
    for decl in kind.fields:
        if decl.type in (ValueType.KEY, ValueType.TRANSLATIONS) or kind.internal(decl):
            continue
        with translation.override("en"):
            english = str(kind.label(decl))
        assert english, f"{kind.name}.{decl.attr} has no label"
        for language in ("fi", "sv"):
            with translation.override(language):
                assert str(kind.label(decl)) != english, f"{kind.name}.{decl.attr}: label not translated ({language})"


def test_write_specs_follow_the_declarations():
    for kind in (declarations.RESOURCE, declarations.SYSTEM, declarations.PROCESS, declarations.SECTION):
        spec = specs.SPECS[kind.model]
        assert list(spec.fields) == [d.attr for d in kind.fields if d.editable]
        assert spec.relations == kind.relations
        for decl in kind.fields:
            if decl.editable and decl.type in specs.NORMALISERS:
                assert spec.fields[decl.attr] is specs.NORMALISERS[decl.type]
