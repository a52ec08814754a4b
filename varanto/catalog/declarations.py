"""Every record kind and every content field, declared once (kenttäluettelo).

A `FieldDeclaration` says WHAT a field is: its model attribute, its canonical path in
`varanto.catalog/1`, its value type, whether an editor writes it, its public label and its
search weight. Whether it is internal is not declared again: it is the model's own marking
(`varanto.catalog.fields.internal`), read through `FieldDeclaration.internal`.

A `RecordKind` lists a kind's fields in canonical order. Consumers (the canonical format,
the write services and history, public labels, search) read `KINDS`; each maps value types
to its own codec, widget or renderer, so this module imports no consumer.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from varanto.catalog.fields import is_internal
from varanto.catalog.models import (
    ContactPerson,
    DataResource,
    DataService,
    InformationSystem,
    OpenDataset,
    Organization,
    Process,
    Section,
    ServiceLayer,
)


class ValueType(enum.Enum):
    """What a field holds; each consumer maps these to its own codec, widget and renderer."""

    KEY = "key"  # the record's stable key (tunniste)
    TEXT = "text"  # one line
    LONG_TEXT = "long_text"  # paragraphs
    LINES = "lines"  # an ordered list of strings
    LINKS = "links"  # [{title, url, kind}]
    FLOWS = "flows"  # [{target, description}]
    TEXTS = "texts"  # [{title, text}]
    CHOICE = "choice"  # one of the model field's choices
    FLAG = "flag"  # yes / no / not stated
    DATE = "date"
    COUNT = "count"
    REFERENCE = "reference"  # a foreign key, written by key beside the plain fields
    TRANSLATIONS = "translations"  # {language: {field: text}}


@dataclass(frozen=True)
class FieldDeclaration:
    """One content field of a record kind."""

    attr: str  # the model attribute
    path: str  # the canonical JSON path; dots nest ("disclosure.level")
    type: ValueType
    label: str | None = None  # public heading; None: the model field's verbose name
    editable: bool = True  # written through the kind's service (RecordSpec.fields)
    canonical: bool = True  # part of the canonical dict (`_dump`/`_load`)
    search_weight: str | None = None  # "A".."D" in the public search document, None: not searched

    def model_field(self, model: type[models.Model]) -> models.Field:
        return model._meta.get_field(self.attr)


@dataclass(frozen=True)
class RecordKind:
    """One kind of record: its model, key and fields in canonical order."""

    name: str  # the canonical location ("resources", "open_data.datasets")
    model: type[models.Model]
    fields: tuple[FieldDeclaration, ...]
    relations: tuple[str, ...] = ()  # written by the kind's service beside the fields
    bookkeeping: tuple[str, ...] = ()  # model fields that are deliberately not content

    def internal(self, decl: FieldDeclaration) -> bool:
        return is_internal(self.model, decl.attr)

    def label(self, decl: FieldDeclaration) -> str:
        if decl.label is not None:
            return decl.label
        verbose = decl.model_field(self.model).verbose_name
        return _capitalised(verbose)

    def field(self, attr: str) -> FieldDeclaration:
        return next(d for d in self.fields if d.attr == attr)


def _capitalised(text) -> str:
    from django.utils.text import capfirst

    return capfirst(text)


F = FieldDeclaration
T = ValueType

# Bookkeeping common to the organisation-owned kinds (not content an editor describes).
OWNED = ("id", "organization", "position", "version")

RESPONSIBLE = (
    F("responsible_title", "responsible.title", T.TEXT, _("Responsible")),
    F("responsible_organization", "responsible.organization", T.TEXT, _("Responsible organisation")),
    F("responsible_unit", "responsible.unit", T.TEXT, _("Responsible unit")),
)
KEY = F("key", "key", T.KEY, editable=False)
NAME = F("name", "name", T.TEXT, _("Name"), search_weight="A")
DESCRIPTION = F("description", "description", T.LONG_TEXT, _("Description"), search_weight="C")
PURPOSE = F("purpose", "purpose", T.LONG_TEXT, _("Purpose"), search_weight="B")
TRANSLATIONS = F("translations", "translations", T.TRANSLATIONS)
SECURITY = F("security_measures", "security_measures", T.LONG_TEXT)
INTERNAL_NOTES = F("internal_notes", "internal_notes", T.LONG_TEXT)

ORGANIZATION = RecordKind(
    "organization",
    Organization,
    (
        F("name", "name", T.TEXT, _("Name")),
        F("business_id", "business_id", T.TEXT, _("Business ID")),
        F("organization_type", "type", T.CHOICE, pgettext_lazy("record type", "Type")),
        F("homepage", "homepage", T.TEXT, _("Home page")),
        F("languages", "languages", T.LINES, _("Languages"), editable=False),
        F("updated", "updated", T.DATE, _("The organisation's own update date"), editable=False),
        F("descriptions", "descriptions", T.TEXTS, _("Description texts"), editable=False),
        F("registry_name", "information_requests.registry_office.name", T.TEXT, _("Registry office")),
        F(
            "registry_address",
            "information_requests.registry_office.address",
            T.LONG_TEXT,
            _("Registry office postal address"),
        ),
        F("registry_email", "information_requests.registry_office.email", T.TEXT, _("Registry office e-mail")),
        F("registry_phone", "information_requests.registry_office.phone", T.TEXT, _("Registry office phone")),
        F("registry_hours", "information_requests.registry_office.hours", T.TEXT, _("Registry office opening hours")),
        F(
            "deciding_authority",
            "information_requests.deciding_authority",
            T.TEXT,
            _("Authority deciding on information requests"),
        ),
        F(
            "request_instructions",
            "information_requests.instructions",
            T.LONG_TEXT,
            _("Instructions for information requests"),
        ),
        TRANSLATIONS,
    ),
    relations=("contacts",),
    bookkeeping=("id", "slug", "version"),
)

CONTACT = RecordKind(
    "organization.contacts",
    ContactPerson,
    tuple(F(a, a, T.TEXT) for a in ("name", "title", "phone", "email")),
    bookkeeping=("id", "organization", "position"),
)

SECTION = RecordKind(
    "sections",
    Section,
    (
        KEY,
        NAME,
        F("kind", "kind", T.CHOICE, pgettext_lazy("section kind", "Kind")),
        F("members", "members", T.LINES, _("Member municipalities")),
        F("description", "description", T.LONG_TEXT, _("Description")),
        TRANSLATIONS,
    ),
    bookkeeping=OWNED,
)

RESOURCE = RecordKind(
    "resources",
    DataResource,
    (
        KEY,
        NAME,
        F("section", "section", T.REFERENCE, _("Section"), canonical=False),
        *RESPONSIBLE,
        PURPOSE,
        F("key_datasets", "key_datasets", T.LINES, _("Key data sets"), search_weight="B"),
        F("disclosure_level", "disclosure.level", T.CHOICE, _("Disclosure")),
        F("disclosure_recipients", "disclosure.recipients", T.LINES, _("Recipients of disclosures")),
        F("disclosure_text", "disclosure.text", T.LONG_TEXT, _("Disclosure, as worded")),
        F("disclosure_authority", "disclosure.deciding_authority", T.TEXT, _("Authority deciding on disclosure")),
        F("api_availability", "api.availability", T.CHOICE, _("Technical interface")),
        F("api_text", "api.text", T.LONG_TEXT, _("Technical interface, as worded")),
        F("notes", "notes", T.LONG_TEXT, _("Other information"), search_weight="C"),
        F("search_criteria", "search_criteria", T.LINES, _("Search criteria"), search_weight="C"),
        F("keywords", "keywords", T.LINES, _("Keywords"), search_weight="A"),
        F("partners", "partners", T.LINES, _("Partners")),
        F("data_flows", "data_flows", T.FLOWS, _("Data flows")),
        F("links", "links", T.LINKS, _("Links and privacy notices")),
        F("personal_data", "personal_data", T.FLAG, _("Holds personal data")),
        F("retention_period", "retention.period", T.TEXT, _("Retention period")),
        F("archiving", "retention.archiving", T.CHOICE, _("Archiving")),
        F("retention_text", "retention.text", T.LONG_TEXT, _("Retention and archiving, as worded")),
        SECURITY,
        INTERNAL_NOTES,
        F("last_reviewed", "review.last_reviewed", T.DATE, editable=False),
        F("review_cycle_months", "review.cycle_months", T.COUNT),
        TRANSLATIONS,
    ),
    relations=("systems", "processes"),
    bookkeeping=(*OWNED, "review_status", "review_comment"),
)

SYSTEM = RecordKind(
    "systems",
    InformationSystem,
    (
        KEY,
        NAME,
        F("vendor", "vendor", T.TEXT, _("Vendor")),
        PURPOSE,
        DESCRIPTION,
        *RESPONSIBLE,
        SECURITY,
        INTERNAL_NOTES,
        TRANSLATIONS,
    ),
    relations=("interfaces",),
    bookkeeping=OWNED,
)

PROCESS = RecordKind(
    "processes",
    Process,
    (
        KEY,
        NAME,
        PURPOSE,
        *RESPONSIBLE,
        F("function_class", "function_class", T.TEXT, _("Function class")),
        F("links", "links", T.LINKS, _("Links and privacy notices")),
        INTERNAL_NOTES,
        TRANSLATIONS,
    ),
    relations=("systems",),
    bookkeeping=OWNED,
)

DATASET = RecordKind(
    "open_data.datasets",
    OpenDataset,
    (
        KEY,
        NAME,
        F("description", "description", T.LONG_TEXT, _("Description")),
        F("url", "url", T.TEXT, _("Address")),
        F("produced_externally", "produced_externally", T.FLAG, _("Produced from outside sources")),
        F("license", "license", T.TEXT, _("Licence")),
        TRANSLATIONS,
    ),
    relations=("resource",),
    bookkeeping=OWNED,
)

SERVICE = RecordKind(
    "open_data.services",
    DataService,
    (
        KEY,
        NAME,
        F("service_type", "type", T.TEXT, pgettext_lazy("record type", "Type")),
        F("endpoint_url", "url", T.TEXT, _("Address")),
        F("description", "description", T.LONG_TEXT, _("Description")),
        TRANSLATIONS,
    ),
    relations=("layers",),
    bookkeeping=OWNED,
)

LAYER = RecordKind(
    "open_data.services.layers",
    ServiceLayer,
    (F("title", "title", T.TEXT), F("name", "name", T.TEXT)),
    bookkeeping=("id", "service", "position"),
)

KINDS: tuple[RecordKind, ...] = (ORGANIZATION, CONTACT, SECTION, RESOURCE, SYSTEM, PROCESS, DATASET, SERVICE, LAYER)
BY_MODEL: dict[type[models.Model], RecordKind] = {k.model: k for k in KINDS}


def kind_of(model: type[models.Model]) -> RecordKind:
    return BY_MODEL[model]


def canonical_pairs(kind: RecordKind) -> tuple[tuple[str, str], ...]:
    """The kind's (canonical path, model attribute) pairs, in canonical order."""
    return tuple((d.path, d.attr) for d in kind.fields if d.canonical)
