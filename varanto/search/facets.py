"""Facets of a result list: section, information system, disclosure and technical interface.

Each facet counts the results that the other chosen facets leave, so a resident sees how many
results each choice would give.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from varanto.public.labels import API, DISCLOSURE

from .models import SearchDocument

# (query parameter, label): the parameters of the results page.
FACETS = (
    ("section", _("Section")),
    ("system", _("Information system")),
    ("disclosure", _("Disclosure of data")),
    ("api", _("Technical interface")),
    ("organization", _("Organisation")),
)
FACET_NAMES = tuple(name for name, _label in FACETS)
# Searching one organisation, its name is no choice.
ORGANIZATION_FACETS = tuple(name for name in FACET_NAMES if name != "organization")


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


@dataclass(frozen=True)
class Facet:
    name: str
    label: str
    values: tuple[FacetValue, ...]

    @property
    def selected(self) -> FacetValue | None:
        return next((v for v in self.values if v.selected), None)


def document_values(document: SearchDocument, facet: str) -> list[tuple[str, str]]:
    """(value, label) pairs of one document for one facet."""
    if facet == "section":
        return [(document.section_key, document.section_name)] if document.section_key else []
    if facet == "system":
        return [(name, name) for name in document.systems]
    if facet == "disclosure" and document.disclosure_level:
        return [(document.disclosure_level, str(DISCLOSURE.get(document.disclosure_level, document.disclosure_level)))]
    if facet == "organization":
        organization = document.index.organization
        return [(organization.slug, organization.name)]
    if facet == "api" and document.api_availability:
        return [(document.api_availability, str(API.get(document.api_availability, document.api_availability)))]
    return []


def matches_filters(document: SearchDocument, filters: Mapping[str, str], *, ignore: str | None = None) -> bool:
    return all(
        any(value == wanted for value, _label in document_values(document, facet))
        for facet, wanted in filters.items()
        if facet != ignore
    )


def facet_counts(
    documents: Sequence[SearchDocument], filters: Mapping[str, str], names: Sequence[str] = FACET_NAMES
) -> list[Facet]:
    groups: dict[str, list[tuple[str, str, int]]] = {}
    for name in names:
        counts: Counter[str] = Counter()
        labels: dict[str, str] = {}
        for document in documents:
            if matches_filters(document, filters, ignore=name):
                for value, value_label in document_values(document, name):
                    counts[value] += 1
                    labels[value] = value_label
        groups[name] = [(value, labels[value], count) for value, count in counts.items()]
    return facets_of(groups, filters, names)


def facets_of(
    groups: Mapping[str, Sequence[tuple[str, str, int]]], filters: Mapping[str, str], names: Sequence[str]
) -> list[Facet]:
    """The facets of (value, label, count) groups: the chosen value first, then by count and label."""
    facets = []
    for name, label in FACETS:
        if name not in names:
            continue
        counts = {value: count for value, _label, count in groups.get(name, ())}
        labels = {value: _value_label(name, value, value_label) for value, value_label, _count in groups.get(name, ())}
        wanted = filters.get(name)
        if wanted and wanted not in counts:
            counts[wanted] = 0
            labels[wanted] = wanted
        values = sorted(counts, key=lambda v: (v != wanted, -counts[v], labels[v].casefold()))
        facets.append(Facet(name, str(label), tuple(FacetValue(v, labels[v], counts[v], v == wanted) for v in values)))
    return facets


def _value_label(name: str, value: str, label: str) -> str:
    if name == "disclosure":
        return str(DISCLOSURE.get(value, value))
    if name == "api":
        return str(API.get(value, value))
    return label
