"""A publication's data resources as search documents, and the weighted terms of each.

Everything comes from `Publication.content`, the public canonical dict, so nothing internal
can be indexed. Where a word stands decides how much it counts: the name most, then the
resource's keywords (asiasanat) and key data sets, then the other descriptive fields, and
notes least. A whole-word match counts more than a match on a compound part; compound parts
are indexed with their role ("valo-" in "valokuvat", "-valo" in "katuvalot", see
analysis.base.modifier_term) and derived words also under the words they come from
("vuokraus" under vuokrata and vuokra).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from django.utils.translation import gettext_lazy as _

from .analysis import Analyzer, analyse_text, word_terms
from .analysis.base import bare_term
from .analysis.text import COMPOUND, PART, ROOT, WHOLE

NAME, KEYWORDS, DATASETS, OTHER, NOTES = "name", "keywords", "datasets", "other", "notes"
FIELD_WEIGHTS = {NAME: 100, KEYWORDS: 80, DATASETS: 60, OTHER: 30, NOTES: 15}
KIND_PERCENT = {WHOLE: 100, COMPOUND: 80, PART: 60, ROOT: 50}
# A term found in several fields is more central to the resource: each further field adds a fifth.
SPREAD_PERCENT = 20

# What each stored text is, for the label of a snippet.
LABELS = {
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
            )
        )
    return documents


def _texts(resource, section, systems, processes, open_data, organization) -> Iterable[tuple[str, str, str]]:
    """(field, label, text) of a resource in the order its page shows them; empty texts left out."""
    disclosure = resource.get("disclosure") or {}
    api = resource.get("api") or {}
    retention = resource.get("retention") or {}
    responsible = resource.get("responsible") or {}
    translations = resource.get("translations") or {}
    candidates = [
        (NAME, "name", resource["name"]),
        *((NAME, "name", t.get("name", "")) for t in translations.values()),
        (KEYWORDS, "keywords", _joined(resource.get("keywords"))),
        (DATASETS, "key_datasets", _joined(resource.get("key_datasets"))),
        (OTHER, "purpose", resource.get("purpose", "")),
        *((OTHER, "purpose", t.get("purpose", "")) for t in translations.values()),
        (OTHER, "section", section.get("name", "")),
        (OTHER, "systems", _joined(_system_label(s) for s in resource.get("systems", []))),
        (OTHER, "search_criteria", _joined(resource.get("search_criteria"))),
        (OTHER, "disclosure", _joined([disclosure.get("text", ""), *disclosure.get("recipients", [])])),
        (OTHER, "api", api.get("text", "")),
        (OTHER, "partners", _joined(resource.get("partners"))),
        (OTHER, "data_flows", _joined(_flow_label(f) for f in resource.get("data_flows", []))),
        (OTHER, "responsible", _joined(responsible.get(k, "") for k in ("title", "unit", "organization"))),
        (OTHER, "retention", _joined([retention.get("period", ""), retention.get("text", "")])),
        (OTHER, "processes", _joined(processes.get(k, "") for k in resource.get("processes", []))),
        (OTHER, "open_data", _joined(open_data.get(resource["key"], []))),
        (OTHER, "links", _joined(link.get("title", "") for link in resource.get("links", []))),
        (NOTES, "notes", resource.get("notes", "")),
        *((NOTES, "notes", t.get("notes", "")) for t in translations.values()),
        (NOTES, "systems", _joined(_system_description(s) for s in systems)),
        (NOTES, "organization", organization),
    ]
    seen = set()
    for field_name, label, text in candidates:
        text = (text or "").strip()
        if text and (label, text) not in seen:
            seen.add((label, text))
            yield field_name, label, text


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
