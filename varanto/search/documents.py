"""A publication's data resources as search documents, and the weighted terms of each.

Everything comes from `Publication.content`, the public canonical dict, so nothing internal
can be indexed. Where a word stands decides how much it counts: the name most, then the
resource's keywords (asiasanat) and key data sets, then the other descriptive fields, and
notes least. Each field's weight class is declared with the field
(`varanto.catalog.declarations`, `search_weight`); the texts a resource takes from the records
it refers to (section, systems, processes, open data, organisation) are added here. A whole-word match counts more than a match on a compound part; compound parts
are indexed with their role ("valo-" in "valokuvat", "-valo" in "katuvalot", see
analysis.base.modifier_term) and derived words also under the words they come from
("vuokraus" under vuokrata and vuokra).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from django.utils.translation import gettext_lazy as _

from varanto.catalog import declarations
from varanto.catalog.declarations import UNSEARCHED, FieldDeclaration, ValueType

from .analysis import Analyzer, analyse_text, word_terms
from .analysis.base import bare_term
from .analysis.text import COMPOUND, PART, ROOT, WHOLE
from .languages import LANGUAGES, foreign_text_terms

NAME, KEYWORDS, DATASETS, OTHER, NOTES = "name", "keywords", "datasets", "other", "notes"
FIELD_WEIGHTS = {NAME: 100, KEYWORDS: 80, DATASETS: 60, OTHER: 30, NOTES: 15}
KIND_PERCENT = {WHOLE: 100, COMPOUND: 80, PART: 60, ROOT: 50}
# A term found in several fields is more central to the resource: each further field adds a fifth.
SPREAD_PERCENT = 20

# What each stored text is, for the label of a snippet.
LABELS: dict[str, Any] = {
    "name": _("Name"),
    "keywords": _("Keywords"),
    "key_datasets": _("Key data sets"),
    "purpose": _("Purpose"),
    "section": _("Section"),
    "systems": _("Information systems"),
    "search_criteria": _("Search criteria"),
    "disclosure": _("Disclosure"),
    "api": _("Technical interface"),
    "partners": _("Partners"),
    "data_flows": _("Data transfers"),
    "responsible": _("Responsible"),
    "retention": _("Retention"),
    "processes": _("Processes"),
    "open_data": _("Open data"),
    "links": _("Links"),
    "notes": _("Other information"),
    "organization": _("Organisation"),
}

# The resource's searched fields, from the declaration.
SEARCHED: tuple[FieldDeclaration, ...] = tuple(
    d for d in declarations.RESOURCE.fields if d.search_weight not in (None, UNSEARCHED)
)
for _decl in SEARCHED:
    LABELS.setdefault(_decl.path.split(".")[0], declarations.RESOURCE.label(_decl))

# The items of a searched field's value, by value type.
ITEMS: dict[ValueType, Callable[[Any], list[str]]] = {
    ValueType.TEXT: lambda value: [value or ""],
    ValueType.LONG_TEXT: lambda value: [value or ""],
    ValueType.LINES: lambda value: list(value or []),
    ValueType.LINKS: lambda value: [link.get("title", "") for link in value or []],
    ValueType.FLOWS: lambda value: [_flow_label(flow) for flow in value or []],
}
# The order of a document's texts, as the resource page shows them: a snippet shows the first of
# equally good texts. Fields not listed follow the listed ones, in declared order.
ORDER = (
    "name",
    "keywords",
    "key_datasets",
    "purpose",
    "section",
    "systems",
    "search_criteria",
    "disclosure.text",
    "disclosure.recipients",
    "api.text",
    "partners",
    "data_flows",
    "responsible.title",
    "responsible.unit",
    "responsible.organization",
    "retention.period",
    "retention.text",
    "processes",
    "open_data",
    "links",
    "notes",
    "system_descriptions",
    "organization",
)


@dataclass
class DocumentSource:
    """What the index keeps of one data resource of a publication."""

    position: int
    resource_key: str
    name: str
    section_key: str
    section_name: str
    systems: list[str]
    disclosure_level: str
    api_availability: str
    texts: list[tuple[str, str, str]]  # (field, label, text)
    # The organisation's own Swedish and English texts: (field, language, text).
    translated: list[tuple[str, str, str]] = field(default_factory=list)


@dataclass
class Posting:
    weight: int
    field: str
    kind: str


@dataclass
class IndexedDocument:
    source: DocumentSource
    postings: dict[str, Posting] = field(default_factory=dict)


def publication_documents(content: dict) -> list[DocumentSource]:
    organization = content.get("organization", {}).get("name", "")
    sections = {s["key"]: s for s in content.get("sections", [])}
    systems = {s["name"]: s for s in content.get("systems", [])}
    processes = {p["key"]: p["name"] for p in content.get("processes", [])}
    open_data: dict[str, list[str]] = {}
    for dataset in content.get("open_data", {}).get("datasets", []):
        if dataset.get("resource"):
            open_data.setdefault(dataset["resource"], []).append(dataset["name"])
    documents = []
    for position, resource in enumerate(content.get("resources", [])):
        section = sections.get(resource.get("section"), {})
        used = [s["name"] for s in resource.get("systems", [])]
        documents.append(
            DocumentSource(
                position=position,
                resource_key=resource["key"],
                name=resource["name"],
                section_key=resource.get("section", ""),
                section_name=section.get("name", ""),
                systems=used,
                disclosure_level=(resource.get("disclosure") or {}).get("level") or "",
                api_availability=(resource.get("api") or {}).get("availability") or "",
                texts=list(
                    _texts(resource, section, [systems.get(n, {}) for n in used], processes, open_data, organization)
                ),
                translated=list(_translated(resource)),
            )
        )
    return documents


def _texts(resource, section, systems, processes, open_data, organization) -> Iterable[tuple[str, str, str]]:
    """(field, label, text) of a resource in the order its page shows them; empty texts left out.

    Fields that share a label ("disclosure.text" and "disclosure.recipients") make one text;
    the translations of a field follow it as texts of their own."""
    translations = list((resource.get("translations") or {}).values())
    parts = [  # (order path, weight class, label, items, translated texts)
        (
            decl.path,
            str(decl.search_weight),
            decl.path.split(".")[0],
            ITEMS[decl.type](_at(resource, decl.path)),
            [t.get(decl.attr, "") for t in translations],
        )
        for decl in SEARCHED
    ]
    parts += [
        ("section", OTHER, "section", [section.get("name", "")], []),
        ("systems", OTHER, "systems", [_system_label(s) for s in resource.get("systems", [])], []),
        ("processes", OTHER, "processes", [processes.get(k, "") for k in resource.get("processes", [])], []),
        ("open_data", OTHER, "open_data", open_data.get(resource["key"], []), []),
        ("system_descriptions", NOTES, "systems", [_system_description(s) for s in systems], []),
        ("organization", NOTES, "organization", [organization], []),
    ]
    parts.sort(key=lambda part: ORDER.index(part[0]) if part[0] in ORDER else len(ORDER))
    candidates: list[tuple[str, str, list[str], list[str]]] = []  # (weight, label, items, translated)
    for _path, weight, label, items, translated in parts:
        if candidates and candidates[-1][:2] == (weight, label):
            candidates[-1][2].extend(items)
            candidates[-1][3].extend(translated)
        else:
            candidates.append((weight, label, list(items), list(translated)))
    seen = set()
    for field_name, label, items, translated in candidates:
        for text in (_joined(items), *translated):
            text = (text or "").strip()
            if text and (label, text) not in seen:
                seen.add((label, text))
                yield field_name, label, text


def _translated(resource: dict) -> Iterable[tuple[str, str, str]]:
    """(field, language, text) of the resource's Swedish and English translations of searched fields."""
    for language, values in sorted((resource.get("translations") or {}).items()):
        if language not in LANGUAGES:
            continue
        for decl in SEARCHED:
            text = (values or {}).get(decl.attr)
            if isinstance(text, str) and text.strip():
                yield str(decl.search_weight), language, text


def _at(record: dict, path: str) -> Any:
    """The value at a canonical path ("disclosure.text"), None where a level is missing."""
    value: Any = record
    for part in path.split("."):
        value = (value or {}).get(part)
    return value


def _joined(values) -> str:
    return ", ".join(v.strip() for v in values or [] if v and v.strip())


def _system_label(link: dict) -> str:
    return f"{link['name']} ({link['usage']})" if link.get("usage") else link["name"]


def _flow_label(flow: dict) -> str:
    return " – ".join(v for v in (flow.get("target", ""), flow.get("description", "")) if v)


def _system_description(system: dict) -> str:
    return " ".join(v for v in (system.get("purpose", ""), system.get("description", "")) if v)


@lru_cache(maxsize=50_000)
def text_terms(text: str, analyzer: Analyzer) -> tuple[tuple[str, str], ...]:
    """(term, kind) of every word of a text. Cached: catalogues repeat texts (section and system
    names, "Soveltuvin osin", the organisation's name in every document)."""
    return tuple((term, kind) for word in analyse_text(text, analyzer) for term, kind in word_terms(word).items())


def index_document(source: DocumentSource, analyzer: Analyzer) -> IndexedDocument:
    """The weighted terms of one document: each term's best field, plus a share of the others.

    The share counts the word in any role: "tila" in the name "Tilavaraus" (as "tila-") makes
    the word central to the resource, whichever of its terms a query matches.
    """
    best: dict[str, dict[str, tuple[int, str]]] = {}  # term → field → (weight, kind)
    for field_name, _label, text in source.texts:
        for term, kind in text_terms(text, analyzer):
            weight = FIELD_WEIGHTS[field_name] * KIND_PERCENT[kind] // 100
            by_field = best.setdefault(term, {})
            if weight > by_field.get(field_name, (0, ""))[0]:
                by_field[field_name] = (weight, kind)
    # Swedish and English texts under their language's stems ("sv:bygglov"), as whole words.
    for field_name, language, text in source.translated:
        for term in foreign_text_terms(text, language):
            by_field = best.setdefault(term, {})
            if FIELD_WEIGHTS[field_name] > by_field.get(field_name, (0, ""))[0]:
                by_field[field_name] = (FIELD_WEIGHTS[field_name], WHOLE)
    roles: dict[str, list[str]] = {}  # word → its terms ("tila", "tila-", "-tila")
    for term in best:
        roles.setdefault(bare_term(term), []).append(term)
    document = IndexedDocument(source)
    for terms in roles.values():
        # field → the word's best weight there, in any role
        fields = {f: w for f, (w, _) in best[terms[0]].items()}
        for term in terms[1:]:
            for field_name, (weight, _kind) in best[term].items():
                fields[field_name] = max(weight, fields.get(field_name, 0))
        total = sum(fields.values())
        for term in terms:
            by_field = best[term]
            top_field, (top_weight, top_kind) = (
                next(iter(by_field.items()))
                if len(by_field) == 1
                else min(by_field.items(), key=lambda item: (-item[1][0], item[0]))
            )
            spread = (total - fields[top_field]) * SPREAD_PERCENT // 100
            document.postings[term] = Posting(top_weight + spread, top_field, top_kind)
    return document


def document_words(document: IndexedDocument) -> set[str]:
    """What a document counts for in document frequencies: the word of each of its terms, in
    whatever role, so that "tila" is counted for "Tilavaraus" ("tila-") as well as for "tilat"."""
    return {bare_term(term) for term in document.postings}
