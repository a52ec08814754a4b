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

import builtins
import enum
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from varanto.catalog.fields import is_internal

if TYPE_CHECKING:
    from django.utils.functional import _StrOrPromise
from varanto.catalog.models import (
    ContactPerson,
    DataResource,
    DataService,
    DocumentType,
    InformationSystem,
    OpenDataset,
    Organization,
    Process,
    ProcessAction,
    Section,
    ServiceLayer,
    SystemInterface,
    TaskClass,
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


# The longest text a field of each type may hold, in characters (for lists: each text in it); a
# model field's own max_length is tighter where it has one. A translation is held to the limit
# of the field it translates. Enough for any real description, small enough that no field slows
# a search or a publication down (a field may override it with `FieldDeclaration.max_length`).
LENGTH_LIMITS: dict[ValueType, int] = {
    ValueType.TEXT: 1_000,
    ValueType.LONG_TEXT: 10_000,
    ValueType.LINES: 1_000,
    ValueType.LINKS: 2_000,
    ValueType.FLOWS: 2_000,
    ValueType.TEXTS: 10_000,
}
# The most items a list field (lines, links, flows, texts) may hold.
LIST_LIMIT = 500


@dataclass(frozen=True)
class FieldDeclaration:
    """One content field of a record kind."""

    # Hashed by identity of meaning, not by every attribute: a label is a lazy translation whose
    # hash would change with the active language, and declarations are keys of the consumers' tables.
    def __hash__(self) -> int:
        return hash((self.attr, self.path))

    attr: str  # the model attribute
    path: str  # the canonical JSON path; dots nest ("disclosure.level")
    type: ValueType
    label: _StrOrPromise | None = None  # public heading; None: the model field's verbose name
    editable: bool = True  # written through the kind's service (RecordSpec.fields)
    canonical: bool = True  # part of the canonical dict (`_dump`/`_load`)
    # How much the field's words count in a data resource's search document (a weight class of
    # `varanto.search.documents.FIELD_WEIGHTS`), UNSEARCHED when deliberately not indexed.
    search_weight: str | None = None
    # The §5/§28 completeness item the field fills (`backoffice.selectors.completeness`); an item
    # several fields declare is met when any of them is filled.
    completeness: str | None = None
    # The XLSX/CSV column: (Finnish heading, a line of help), both part of the file format; None: no column.
    column: tuple[str, str] | None = None
    # Where an editor writes it and the back office shows it: the name of one of the kind's `groups`.
    group: str | None = None
    rows: int | None = None  # the text box's height, for LONG_TEXT and LINES
    help_text: _StrOrPromise | None = None  # the form's line of help under the field
    radios: bool = False  # a CHOICE offered as radio buttons rather than a drop-down
    # A rendering of its own on pages (e.g. "disclosure"); fields naming the same one are shown
    # together, where the first of them stands. Pages without it fall back to the value type's.
    display: str | None = None
    always_shown: bool = False  # the public page says "Not stated" rather than leaving it out
    # The longest text the field takes; None: LENGTH_LIMITS of its type.
    max_length: int | None = None

    @property
    def length_limit(self) -> int | None:
        return self.max_length or LENGTH_LIMITS.get(self.type)

    # `builtins.type`: the dataclass's own `type` field shadows the builtin in this class body.
    def model_field(self, model: builtins.type[models.Model]) -> models.Field:
        field = model._meta.get_field(self.attr)
        assert isinstance(field, models.Field), f"{model.__name__}.{self.attr} is declared but is no concrete field"
        return field


@dataclass(frozen=True)
class Relation:
    """A relation a kind's service writes beside its fields, and its plain form in history states.

    The shape follows from the model: a many-to-many `accessor` is a sorted list of ids; child
    rows are a list of dicts, either a link (`link`: the state key and the child's attribute
    naming the linked record, `text`: the attribute describing the link) or plain `fields`.
    A relation without an accessor is written by the import only (not kept in history).
    """

    name: str  # the key in the service's data and in history states
    accessor: str | None = None  # the record's manager ("system_links", "processes")
    link: tuple[str, str] | None = None  # (state key, child attribute): ("system", "target")
    text: str | None = None  # the link's description attribute ("usage")
    fields: tuple[str, ...] = ()  # plain child rows: their fields (contact persons)
    noun: _StrOrPromise | None = None  # what a linked record is, in restore's warnings ("system")
    group: str | None = None  # the form group it is edited in (a list of rows, or ticks for many-to-many)

    def descriptor(self, model: type[models.Model]):
        assert self.accessor is not None
        return model._meta.get_field(self.accessor)

    def many_to_many(self, model: type[models.Model]) -> bool:
        return bool(self.descriptor(model).many_to_many)

    def linked_model(self, model: type[models.Model]) -> type[models.Model]:
        """The model of the records the relation names (for child links, the link's target)."""
        descriptor = self.descriptor(model)
        if descriptor.many_to_many:
            return descriptor.related_model
        assert self.link is not None
        return descriptor.related_model._meta.get_field(self.link[1]).related_model


@dataclass(frozen=True)
class Group:
    """A fieldset of a kind's edit form, and a section of its back-office page."""

    name: str
    title: _StrOrPromise
    internal: bool = False  # shown as never published
    # Fields of the group that read better at its end than in canonical order.
    last: tuple[str, ...] = ()


@dataclass(frozen=True)
class RecordKind:
    """One kind of record: its model, key and fields in canonical order."""

    # Hashed by identity of meaning, not by every attribute: a label is a lazy translation whose
    # hash would change with the active language, and declarations are keys of the consumers' tables.
    def __hash__(self) -> int:
        return hash(self.name)

    name: str  # the canonical location ("resources", "open_data.datasets")
    model: type[models.Model]
    fields: tuple[FieldDeclaration, ...]
    relations: tuple[Relation, ...] = ()  # written by the kind's service beside the fields
    bookkeeping: tuple[str, ...] = ()  # model fields that are deliberately not content
    groups: tuple[Group, ...] = ()  # the edit form's fieldsets, in order
    # The public page's entries in order: field attributes (a display stands where its first
    # field is named), relations and what a page adds ("datasets"). Public fields not named
    # follow at the end, in canonical order.
    page: tuple[str, ...] = ()

    @property
    def relation_names(self) -> tuple[str, ...]:
        return tuple(r.name for r in self.relations)

    def internal(self, decl: FieldDeclaration) -> bool:
        return is_internal(self.model, decl.attr)

    def label(self, decl: FieldDeclaration) -> _StrOrPromise:
        if decl.label is not None:
            return decl.label
        verbose = decl.model_field(self.model).verbose_name
        return _capitalised(verbose)

    def field(self, attr: str) -> FieldDeclaration:
        return next(d for d in self.fields if d.attr == attr)

    def group_fields(self, group: Group) -> list[FieldDeclaration]:
        """The group's fields in form order: canonical, but those the group names `last` at its end."""
        fields = [d for d in self.fields if d.group == group.name]
        return sorted(fields, key=lambda d: group.last.index(d.attr) + 1 if d.attr in group.last else 0)

    def group_relations(self, group: Group) -> list[Relation]:
        return [r for r in self.relations if r.group == group.name]

    def relation(self, name: str) -> Relation:
        return next(r for r in self.relations if r.name == name)

    # How the back office, the API and restore treat the kind (`catalog.services.registry` adds its services).
    slug: str = ""  # one record's name in URLs, service keywords and the API ("resource"); "" for a part
    noun: _StrOrPromise | None = None  # what one record is ("data resource")
    parent: str | None = "organization"  # the foreign key to the record it belongs to; None: the organisation
    part: bool = False  # written as a part of its parent (contact persons, map layers), no record of its own
    reviewed: bool = False  # a change, a restore too, leaves it ready for review (tarkistettavana)

    def permission_object(self, record: models.Model) -> models.Model:
        """What the access checks look at: the record itself (an editor is assigned records), a part's parent."""
        if self.part:
            assert self.parent is not None
            parent = getattr(record, self.parent)
            return kind_of(type(parent)).permission_object(parent)
        return record


def _capitalised(text) -> str:
    from django.utils.text import capfirst

    return capfirst(text)


F = FieldDeclaration
UNSEARCHED = "unsearched"
T = ValueType

# Bookkeeping common to the organisation-owned kinds (not content an editor describes).
OWNED = ("id", "organization", "position", "version")

RESPONSIBLE = tuple(
    replace(d, group="basic", display="responsible")
    for d in (
        F("responsible_title", "responsible.title", T.TEXT, _("Responsible")),
        F("responsible_organization", "responsible.organization", T.TEXT, _("Responsible organisation")),
        F("responsible_unit", "responsible.unit", T.TEXT, _("Responsible unit")),
    )
)


def responsible(what: str) -> tuple[FieldDeclaration, ...]:
    """The responsible party's fields, their column help naming `what` ("Tietovarannosta")."""
    title, organization, unit = RESPONSIBLE
    return (
        replace(title, column=("Vastuutaho", f"{what} vastaavan tehtävänimike, esim. hallintopäällikkö.")),
        replace(organization, column=("Vastuuorganisaatio", "Ulkopuolinen vastuutaho, esim. Meita.")),
        replace(unit, column=("Vastuuyksikkö", "Yksikkö, johon vastuutaho kuuluu.")),
    )


def purpose(help_line: str) -> FieldDeclaration:
    return F("purpose", "purpose", T.LONG_TEXT, _("Purpose"), column=("Käyttötarkoitus", help_line), group="basic")


KEY = F(
    "key",
    "key",
    T.KEY,
    editable=False,
    column=("Tunniste", "Pysyvä lyhyt tunniste (a–z, 0–9, väliviiva); tyhjään tehdään nimestä."),
)
NAME = F("name", "name", T.TEXT, _("Name"), column=("Nimi", "Pakollinen."), group="basic")
FREE_DESCRIPTION = ("Kuvaus", "Vapaa kuvaus.")
DESCRIPTION = F("description", "description", T.LONG_TEXT, _("Description"), column=FREE_DESCRIPTION, group="basic")
TRANSLATIONS = F("translations", "translations", T.TRANSLATIONS)
NEVER_PUBLISHED = "Sisäinen: ei koskaan julkaista."
SECURITY = F(
    "security_measures",
    "security_measures",
    T.LONG_TEXT,
    column=("Tietoturvatoimenpiteet", NEVER_PUBLISHED),
    group="internal",
)
INTERNAL_NOTES = F(
    "internal_notes", "internal_notes", T.LONG_TEXT, column=("Sisäiset huomiot", NEVER_PUBLISHED), group="internal"
)
INTERNAL = Group("internal", _("Internal: never published"), internal=True)
# When a record was last confirmed current and how often it is due again (data resources, systems).
REVIEW_CYCLE = (
    F(
        "last_reviewed",
        "review.last_reviewed",
        T.DATE,
        editable=False,
        column=("Tarkistettu", "Sisäinen: viimeisin tarkistuspäivä."),
    ),
    F(
        "review_cycle_months",
        "review.cycle_months",
        T.COUNT,
        column=("Tarkistusväli (kk)", "Sisäinen: tyhjä on 12 kuukautta."),
        group="internal",
        display="months",
    ),
)

ORGANIZATION = RecordKind(
    "organization",
    Organization,
    (
        F("name", "name", T.TEXT, _("Name"), column=NAME.column, group="basic"),
        F(
            "business_id",
            "business_id",
            T.TEXT,
            _("Business ID"),
            column=("Y-tunnus", "Esim. 0123456-7."),
            group="basic",
        ),
        F(
            "organization_type",
            "type",
            T.CHOICE,
            pgettext_lazy("record type", "Type"),
            column=("Tyyppi", "Organisaation laji; tyhjä on kunta."),
            group="basic",
        ),
        F(
            "homepage",
            "homepage",
            T.TEXT,
            _("Home page"),
            column=("Verkkosivut", "Organisaation kotisivun osoite."),
            group="basic",
        ),
        F(
            "languages",
            "languages",
            T.LINES,
            _("Languages"),
            editable=False,
            column=("Kielet", "Kuvauksen kielet kielikoodeina, yksi kullekin riville (fi, sv)."),
        ),
        F(
            "updated",
            "updated",
            T.DATE,
            _("The organisation's own update date"),
            editable=False,
            column=("Päivitetty", "Kuvauksen päivityspäivä, esim. 21.2.2023."),
        ),
        F("descriptions", "descriptions", T.TEXTS, _("Description texts"), editable=False),
        F(
            "registry_name",
            "information_requests.registry_office.name",
            T.TEXT,
            _("Registry office"),
            column=("Kirjaamo", "Minne tietopyynnöt osoitetaan."),
            group="requests",
        ),
        F(
            "registry_address",
            "information_requests.registry_office.address",
            T.LONG_TEXT,
            _("Registry office postal address"),
            completeness="registry_office",
            column=("Kirjaamon osoite", "Postiosoite."),
            group="requests",
            rows=2,
        ),
        F(
            "registry_email",
            "information_requests.registry_office.email",
            T.TEXT,
            _("Registry office e-mail"),
            completeness="registry_office",
            column=("Kirjaamon sähköposti", "Sähköpostiosoite."),
            group="requests",
        ),
        F(
            "registry_phone",
            "information_requests.registry_office.phone",
            T.TEXT,
            _("Registry office phone"),
            column=("Kirjaamon puhelin", "Puhelinnumero."),
            group="requests",
        ),
        F(
            "registry_hours",
            "information_requests.registry_office.hours",
            T.TEXT,
            _("Registry office opening hours"),
            column=("Kirjaamon aukioloajat", "Esim. ma–pe 9–15."),
            group="requests",
        ),
        F(
            "deciding_authority",
            "information_requests.deciding_authority",
            T.TEXT,
            _("Authority deciding on information requests"),
            completeness="request_authority",
            column=(
                "Tietopyynnöistä päättää",
                "Viranomainen, joka päättää tietojen luovuttamisesta, ellei tietovarannolle ole merkitty muuta.",
            ),
            group="requests",
        ),
        F(
            "request_instructions",
            "information_requests.instructions",
            T.LONG_TEXT,
            _("Instructions for information requests"),
            column=("Ohjeet tietopyyntöön", "Ohje tietopyynnön tekijälle."),
            group="requests",
            rows=4,
        ),
        TRANSLATIONS,
    ),
    relations=(Relation("contacts", "contacts", fields=("name", "title", "phone", "email"), group="contacts"),),
    bookkeeping=("id", "slug", "version", "own_approval_allowed", "show_responsible_persons"),
    groups=(
        Group("requests", _("Information requests")),
        Group("contacts", _("Contact persons for the description")),
        Group("basic", _("Organisation")),
    ),
    slug="organization",
    noun=_("organisation"),
    parent=None,
)

CONTACT = RecordKind(
    "organization.contacts",
    ContactPerson,
    (
        F("name", "name", T.TEXT, column=NAME.column),
        F("title", "title", T.TEXT, column=("Nimike", "Tehtävänimike.")),
        F("phone", "phone", T.TEXT, column=("Puhelin", "Puhelinnumero.")),
        F("email", "email", T.TEXT, column=("Sähköposti", "Sähköpostiosoite.")),
    ),
    bookkeeping=("id", "organization", "position"),
    part=True,
)

SECTION = RecordKind(
    "sections",
    Section,
    (
        KEY,
        NAME,
        F(
            "kind",
            "kind",
            T.CHOICE,
            pgettext_lazy("section kind", "Kind"),
            column=("Tyyppi", "Ryhmän laji; tyhjä on toimiala."),
            group="basic",
            radios=True,
        ),
        F(
            "members",
            "members",
            T.LINES,
            _("Member municipalities"),
            column=("Jäsenkunnat", "Seudullisen palvelun jäsenkunnat, yksi kullekin riville."),
            group="basic",
            help_text=_("For a hosted regional body. One per line."),
        ),
        DESCRIPTION,
        TRANSLATIONS,
    ),
    bookkeeping=OWNED,
    groups=(Group("basic", _("Section")),),
    slug="section",
    noun=_("section"),
)

RESOURCE = RecordKind(
    "resources",
    DataResource,
    (
        KEY,
        replace(NAME, search_weight="name"),
        F(
            "section",
            "section",
            T.REFERENCE,
            _("Section"),
            canonical=False,
            search_weight=UNSEARCHED,  # its name is, through the section (search.documents)
            column=("Toimiala", "Pakollinen. Toimialan nimi tai tunniste."),
            group="basic",
            display="section",
        ),
        *(
            replace(
                d,
                search_weight="other",
                completeness="responsible" if d.attr != "responsible_unit" else None,
                always_shown=True,
            )
            for d in responsible("Tietovarannosta")
        ),
        replace(purpose("Mihin tietoja käytetään."), search_weight="other", completeness="purpose", always_shown=True),
        F(
            "key_datasets",
            "key_datasets",
            T.LINES,
            _("Key data sets"),
            search_weight="datasets",
            completeness="key_datasets",
            column=("Keskeiset tietoaineistot", "Yksi aineisto kullekin riville."),
            group="basic",
            rows=5,
            always_shown=True,
        ),
        F(
            "disclosure_level",
            "disclosure.level",
            T.CHOICE,
            _("Disclosure"),
            search_weight=UNSEARCHED,
            completeness="disclosure",
            column=("Tietojen luovutus", "Luovutetaanko tietoja."),
            group="disclosure",
            display="disclosure",
            always_shown=True,
            radios=True,
        ),
        F(
            "disclosure_recipients",
            "disclosure.recipients",
            T.LINES,
            _("Recipients of disclosures"),
            search_weight="other",
            column=("Luovutuksensaajat", "Kenelle tietoja luovutetaan, yksi kullekin riville."),
            group="disclosure",
            display="disclosure",
            always_shown=True,
        ),
        F(
            "disclosure_text",
            "disclosure.text",
            T.LONG_TEXT,
            _("Disclosure, as worded"),
            search_weight="other",
            column=("Luovutus, sanamuoto", "Luovutus alkuperäisin sanoin."),
            group="disclosure",
            display="disclosure",
            always_shown=True,
            rows=2,
        ),
        F(
            "disclosure_authority",
            "disclosure.deciding_authority",
            T.TEXT,
            _("Authority deciding on disclosure"),
            search_weight=UNSEARCHED,
            completeness="deciding_authority",
            column=("Luovutuksesta päättää", "Jos muu kuin organisaation päättäjä."),
            group="disclosure",
            display="disclosure",
            always_shown=True,
        ),
        F(
            "api_availability",
            "api.availability",
            T.CHOICE,
            _("Technical interface"),
            search_weight=UNSEARCHED,
            completeness="api",
            column=("Tekninen rajapinta", "Saako tiedot teknisen rajapinnan kautta."),
            group="api",
            display="api",
            always_shown=True,
            radios=True,
        ),
        F(
            "api_text",
            "api.text",
            T.LONG_TEXT,
            _("Technical interface, as worded"),
            search_weight="other",
            column=("Rajapinta, sanamuoto", "Rajapinnan saatavuus alkuperäisin sanoin."),
            group="api",
            display="api",
            always_shown=True,
            rows=2,
        ),
        F(
            "notes",
            "notes",
            T.LONG_TEXT,
            _("Other information"),
            search_weight="notes",
            column=("Huomiot", "Julkiset lisätiedot."),
            group="basic",
        ),
        F(
            "search_criteria",
            "search_criteria",
            T.LINES,
            _("Search criteria"),
            search_weight="other",
            completeness="search_criteria",
            column=("Hakutekijät", "Millä tiedoilla asiakirjoja haetaan (diaarinumero, nimi …)."),
            group="search",
            help_text=_("How documents can be found: case number, name, date … One per line."),
            always_shown=True,
        ),
        F(
            "keywords",
            "keywords",
            T.LINES,
            _("Keywords"),
            search_weight="keywords",
            column=("Asiasanat", "Sanat, joilla asukas etsii tätä, yksi kullekin riville."),
            group="basic",
            help_text=_("Words residents use for this, one per line."),
            display="inline",
        ),
        F(
            "partners",
            "partners",
            T.LINES,
            _("Partners"),
            search_weight="other",
            column=("Yhteistyötahot", "Yksi kullekin riville."),
            group="partners",
        ),
        F(
            "data_flows",
            "data_flows",
            T.FLOWS,
            _("Data flows"),
            search_weight="other",
            column=("Tietovirrat", "Minne tietoja siirtyy: Koski: mitä siirretään."),
            group="partners",
        ),
        F(
            "links",
            "links",
            T.LINKS,
            _("Links and privacy notices"),
            search_weight="other",
            column=("Linkit", "Otsikko <https://…>; tietosuojaselosteen perään [tietosuojaseloste]."),
            group="links",
        ),
        F(
            "personal_data",
            "personal_data",
            T.FLAG,
            _("Holds personal data"),
            search_weight=UNSEARCHED,
            column=("Henkilötietoja", "Sisältääkö henkilötietoja: kyllä, ei tai tyhjä."),
            group="links",
            display="personal_data",
        ),
        F(
            "retention_period",
            "retention.period",
            T.TEXT,
            _("Retention period"),
            search_weight="other",
            completeness="retention",
            column=("Säilytysaika", "Esim. 10 vuotta."),
            group="retention",
            display="retention",
        ),
        F(
            "archiving",
            "retention.archiving",
            T.CHOICE,
            _("Archiving"),
            search_weight=UNSEARCHED,
            completeness="retention",
            column=("Arkistointi", "Säilytetäänkö pysyvästi."),
            group="retention",
            display="retention",
        ),
        F(
            "retention_text",
            "retention.text",
            T.LONG_TEXT,
            _("Retention and archiving, as worded"),
            search_weight="other",
            column=("Säilytys, sanamuoto", "Säilytys ja arkistointi alkuperäisin sanoin."),
            group="retention",
            display="retention",
            rows=2,
        ),
        replace(SECURITY, completeness="security"),
        INTERNAL_NOTES,
        *REVIEW_CYCLE,
        F(
            "next_review",
            "review.next_review",
            T.DATE,
            column=(
                "Seuraava tarkistus",
                "Sisäinen: sovittu tarkistuspäivä, esim. 1.3.2027; tyhjä: tarkistusväli viimeisestä tarkistuksesta.",
            ),
            group="internal",
        ),
        TRANSLATIONS,
    ),
    relations=(
        Relation("systems", "system_links", link=("system", "system"), text="usage", noun=_("system"), group="systems"),
        Relation("processes", "processes", noun=_("process"), group="processes"),
    ),
    bookkeeping=(*OWNED, "review_status", "review_comment", "starter_draft"),
    groups=(
        Group("basic", _("Basic information"), last=("notes",)),
        Group("systems", _("Information systems")),
        Group("disclosure", _("Disclosure")),
        Group("api", _("Technical interface")),
        Group("search", _("Search criteria")),
        Group("partners", _("Partners and data flows")),
        Group("links", _("Links and privacy notices")),
        Group("retention", _("Retention and archiving")),
        Group("processes", _("Processes")),
        INTERNAL,
    ),
    page=(
        "section",
        "responsible_title",
        "purpose",
        "key_datasets",
        "search_criteria",
        "disclosure_level",
        "api_availability",
        "systems",
        "partners",
        "data_flows",
        "links",
        "personal_data",
        "retention_period",
        "processes",
        "datasets",
        "document_types",
        "notes",
        "keywords",
    ),
    slug="resource",
    noun=_("data resource"),
    reviewed=True,
)

SYSTEM = RecordKind(
    "systems",
    InformationSystem,
    (
        KEY,
        NAME,
        F("vendor", "vendor", T.TEXT, _("Vendor"), column=("Toimittaja", "Järjestelmän toimittaja."), group="basic"),
        purpose("Mihin järjestelmää käytetään."),
        DESCRIPTION,
        *responsible("Järjestelmästä"),
        SECURITY,
        INTERNAL_NOTES,
        *REVIEW_CYCLE,
        TRANSLATIONS,
    ),
    bookkeeping=OWNED,
    groups=(Group("basic", _("Basic information")), INTERNAL),
    page=("vendor", "purpose", "description", "responsible_title", "interfaces", "processes"),
    slug="system",
    noun=_("information system"),
)

PROCESS = RecordKind(
    "processes",
    Process,
    (
        KEY,
        F(
            "code",
            "code",
            T.TEXT,
            _("Process code"),
            column=("Koodi", "Prosessin tunnus, esim. 02.03; sijoittaa sen prosessihierarkiaan."),
            group="basic",
        ),
        NAME,
        F(
            "parent",
            "parent",
            T.REFERENCE,
            _("Parent process"),
            canonical=False,  # by key, beside the fields (interchange.canonical)
            column=("Yläprosessi", "Sen prosessin tunniste, jonka osa tämä on."),
            group="basic",
        ),
        purpose("Prosessin tarkoitus."),
        *responsible("Prosessista"),
        F(
            "function_class",
            "function_class",
            T.TEXT,
            _("Function class"),
            column=("Tehtäväluokka", "Esim. 00 Hallintoasiat."),
            group="basic",
        ),
        F(
            "task_class",
            "task_class",
            T.REFERENCE,
            _("Task class"),
            canonical=False,
            column=("Tehtäväluokka (TOS)", "Tiedonohjaussuunnitelman tehtäväluokan tunniste."),
            group="basic",
            completeness="process_task_class",
        ),
        F(
            "links",
            "links",
            T.LINKS,
            _("Links and privacy notices"),
            column=("Linkit", "Otsikko <https://…>."),
            group="links",
        ),
        INTERNAL_NOTES,
        TRANSLATIONS,
    ),
    relations=(
        Relation("systems", "systems", noun=_("system"), group="systems"),
        Relation("inputs", "inputs", noun=_("process"), group="inputs"),
    ),
    bookkeeping=OWNED,
    groups=(
        Group("basic", _("Process"), last=tuple(d.attr for d in RESPONSIBLE)),
        Group("systems", _("Information systems")),
        Group("inputs", _("Inputs from other processes")),
        Group("links", _("Links")),
        INTERNAL,
    ),
    slug="process",
    noun=_("process"),
)

# --- system interfaces (liittymät) ---------------------------------------------------------

INTERFACE = RecordKind(
    "interfaces",
    SystemInterface,
    (
        KEY,
        replace(NAME, column=("Nimi", "Vapaa nimi; tyhjänä liittymä nimetään järjestelmistään.")),
        F(
            "source",
            "from",
            T.REFERENCE,
            _("From system"),
            canonical=False,  # by name, beside the fields (interchange.canonical)
            column=("Lähdejärjestelmä", "Pakollinen. Järjestelmä, josta tiedot lähtevät."),
            group="basic",
        ),
        F(
            "target",
            "to",
            T.REFERENCE,
            _("To system"),
            canonical=False,
            column=("Kohdejärjestelmä", "Pakollinen. Järjestelmä, johon tiedot siirtyvät."),
            group="basic",
        ),
        F(
            "method",
            "method",
            T.CHOICE,
            _("Transfer method"),
            column=("Siirtotapa", "Rajapinta, tiedostosiirto, tietokantayhteys, sanomanvälitys, manuaalinen tai muu."),
            group="basic",
            completeness="interface_method",
        ),
        F(
            "direction",
            "direction",
            T.CHOICE,
            _("Direction"),
            column=("Suunta", "Yksisuuntainen (lähteestä kohteeseen) tai kaksisuuntainen."),
            group="basic",
            radios=True,
        ),
        F(
            "data",
            "data",
            T.LONG_TEXT,
            _("Main data transferred"),
            column=("Siirrettävät tiedot", "Keskeiset tiedot, jotka liittymässä siirtyvät."),
            group="basic",
            rows=2,
        ),
        F(
            "personal_data",
            "personal_data",
            T.FLAG,
            _("Personal data moves"),
            column=("Henkilötietoja", "Siirtyykö henkilötietoja: kyllä, ei tai tyhjä."),
            group="basic",
        ),
        DESCRIPTION,
        INTERNAL_NOTES,
        TRANSLATIONS,
    ),
    bookkeeping=OWNED,
    groups=(Group("basic", _("System interface")), INTERNAL),
    page=("source", "target", "method", "direction", "data", "personal_data", "description"),
    slug="interface",
    noun=_("system interface"),
)

DATASET = RecordKind(
    "open_data.datasets",
    OpenDataset,
    (
        KEY,
        NAME,
        F("description", "description", T.LONG_TEXT, _("Description"), column=FREE_DESCRIPTION),
        F("url", "url", T.TEXT, _("Address"), column=("Osoite", "Aineiston osoite, esim. avoindata.fi:ssä.")),
        F(
            "produced_externally",
            "produced_externally",
            T.FLAG,
            _("Produced from outside sources"),
            column=("Ulkoisista lähteistä", "Tuotettu ulkoisista lähteistä: kyllä tai ei."),
        ),
        F("license", "license", T.TEXT, _("Licence"), column=("Lisenssi", "Esim. CC BY 4.0.")),
        TRANSLATIONS,
    ),
    relations=(Relation("resource"),),
    bookkeeping=OWNED,
    slug="dataset",
    noun=_("open data set"),
)

SERVICE = RecordKind(
    "open_data.services",
    DataService,
    (
        KEY,
        NAME,
        F(
            "service_type",
            "type",
            T.TEXT,
            pgettext_lazy("record type", "Type"),
            column=("Tyyppi", "Esim. WMS, WFS, REST."),
        ),
        F("endpoint_url", "url", T.TEXT, _("Address"), column=("Osoite", "Palvelun osoite.")),
        F("description", "description", T.LONG_TEXT, _("Description"), column=FREE_DESCRIPTION),
        TRANSLATIONS,
    ),
    relations=(Relation("layers", "layers", fields=("title", "name")),),
    bookkeeping=OWNED,
    slug="service",
    noun=_("data service"),
)

LAYER = RecordKind(
    "open_data.services.layers",
    ServiceLayer,
    (
        F("title", "title", T.TEXT, column=("Otsikko", "Pakollinen. Tason otsikko.")),
        F("name", "name", T.TEXT, column=("Tekninen nimi", "Tason tekninen nimi palvelussa.")),
    ),
    bookkeeping=("id", "service", "position"),
    parent="service",
    part=True,
)


# --- the records management plan (tiedonohjaussuunnitelma, JHS 191) ----------------------------

# Usage restrictions and retention (käyttörajoitus- ja säilytysaikatiedot), as a task class's handling
# process and a document type both hold them.
RECORDS_METADATA = (
    F(
        "publicity_class",
        "restrictions.publicity_class",
        T.CHOICE,
        _("Publicity class"),
        column=(
            "Julkisuusluokka",
            "JHS 191: 1 julkinen, 2 osittain salassa pidettävä, 3 salassa pidettävä, 4 ei-julkinen.",
        ),
        group="restrictions",
    ),
    F(
        "secrecy_period",
        "restrictions.secrecy_period",
        T.COUNT,
        _("Secrecy period (years)"),
        column=("Salassapitoaika", "Vuosina; pakollinen salassa pidettävälle."),
        group="restrictions",
    ),
    F(
        "secrecy_ground",
        "restrictions.secrecy_ground",
        T.TEXT,
        _("Secrecy ground"),
        column=("Salassapitoperuste", "Esim. JulkL 24.1 § 25 k; pakollinen salassa pidettävälle."),
        group="restrictions",
    ),
    F(
        "secrecy_counting",
        "restrictions.secrecy_counting",
        T.TEXT,
        _("Secrecy counted from"),
        column=("Salassapidon laskentaperuste", "Esim. asian ratkaisu."),
        group="restrictions",
    ),
    F(
        "personal_data",
        "restrictions.personal_data",
        T.CHOICE,
        _("Personal data"),
        column=("Henkilötietoluonne", "1 ei henkilötietoja, 2 sisältää henkilötietoja, 3 erityisiä henkilötietoja."),
        group="restrictions",
    ),
    F(
        "protection_level",
        "restrictions.protection_level",
        T.CHOICE,
        column=("Suojaustaso", "Sisäinen: ST I–ST IV (1–4)."),
        group="internal",
    ),
    F(
        "security_class",
        "restrictions.security_class",
        T.CHOICE,
        column=("Turvallisuusluokka", "Sisäinen: 1–4."),
        group="internal",
    ),
    F(
        "retention_period",
        "retention.period",
        T.COUNT,
        _("Retention period (years)"),
        column=("Säilytysaika", "Vuosina; −1 on pysyvä säilytys."),
        group="retention",
    ),
    F(
        "retention_reason",
        "retention.reason",
        T.TEXT,
        _("Retention reason"),
        column=("Säilytysajan peruste", "Laki tai Arkistolaitoksen päätös; pakollinen säilytysajalle."),
        group="retention",
    ),
    F(
        "retention_counting",
        "retention.counting",
        T.TEXT,
        _("Retention counted from"),
        column=("Säilytysajan laskentaperuste", "Esim. asian lopullinen ratkaisu; ei pysyvälle."),
        group="retention",
    ),
    F(
        "system_name",
        "system_name",
        T.TEXT,
        _("Information system (as named in the plan)"),
        column=("Tietojärjestelmä (TOS)", "Järjestelmän nimi tiedonohjaussuunnitelmassa."),
        group="retention",
    ),
)
# What a document type's restrictions and retention fill of completeness (a task class's are its defaults).
DOCUMENT_COMPLETENESS = {
    "publicity_class": "document_type_publicity",
    "secrecy_ground": "document_type_secrecy_ground",
    "retention_period": "document_type_retention",
}
RECORDS_GROUPS = (
    Group("restrictions", _("Usage restrictions")),
    Group("retention", _("Retention")),
    INTERNAL,
)

TASK_CLASS = RecordKind(
    "records_management.task_classes",
    TaskClass,
    (
        KEY,
        F("code", "code", T.TEXT, _("Code"), column=("Luokitustunnus", "Pakollinen, esim. 10 03 03."), group="basic"),
        F("name", "name", T.TEXT, _("Class title"), column=("Nimeke", "Pakollinen."), group="basic"),
        F(
            "parent",
            "parent",
            T.REFERENCE,
            _("Parent class"),
            canonical=False,
            column=("Yläluokka", "Yläluokan tunniste; tyhjä on pääluokka."),
            group="basic",
        ),
        replace(DESCRIPTION, label=_("Description")),
        *RECORDS_METADATA,
        INTERNAL_NOTES,
        TRANSLATIONS,
    ),
    bookkeeping=OWNED,
    groups=(Group("basic", _("Task class")), *RECORDS_GROUPS),
    slug="task_class",
    noun=_("task class"),
)

PROCESS_ACTION = RecordKind(
    "records_management.actions",
    ProcessAction,
    (
        KEY,
        F(
            "task_class",
            "task_class",
            T.REFERENCE,
            _("Task class"),
            canonical=False,
            column=("Tehtäväluokka", "Pakollinen. Tehtäväluokan tunniste."),
            group="basic",
        ),
        F(
            "parent",
            "parent",
            T.REFERENCE,
            _("Phase"),
            canonical=False,
            column=("Vaihe", "Vaiheen tunniste; tyhjä on käsittelyprosessin vaihe."),
            group="basic",
        ),
        NAME,
        F(
            "action_class",
            "action_class",
            T.TEXT,
            _("Action class"),
            column=("Toimenpideluokka", "Esim. vireilletulo, valmistelu, päätöksenteko."),
            group="basic",
        ),
        DESCRIPTION,
        F(
            "system_name",
            "system_name",
            T.TEXT,
            _("Information system (as named in the plan)"),
            column=("Tietojärjestelmä (TOS)", "Järjestelmän nimi tiedonohjaussuunnitelmassa."),
            group="basic",
        ),
        TRANSLATIONS,
    ),
    bookkeeping=OWNED,
    groups=(Group("basic", _("Phase or action")),),
    slug="action",
    noun=_("phase or action"),
)

DOCUMENT_TYPE = RecordKind(
    "records_management.document_types",
    DocumentType,
    (
        KEY,
        F(
            "action",
            "action",
            T.REFERENCE,
            _("Action"),
            canonical=False,
            column=("Toimenpide", "Pakollinen. Toimenpiteen tunniste."),
            group="basic",
        ),
        F(
            "document_class",
            "document_class",
            T.TEXT,
            _("Document class"),
            column=("Asiakirjaluokka", "Pakollinen, esim. Päätös."),
            group="basic",
        ),
        replace(NAME, column=("Nimi", "Pakollinen. Tarkenne, esim. Rakennuslupapäätös.")),
        F(
            "system",
            "system",
            T.REFERENCE,
            _("Information system"),
            canonical=False,
            column=("Järjestelmä", "Järjestelmä, jossa asiakirjaa säilytetään (nimi)."),
            group="basic",
        ),
        F(
            "resource",
            "resource",
            T.REFERENCE,
            _("Data resource"),
            canonical=False,
            column=("Tietovaranto", "Tietovarannon tunniste."),
            group="basic",
        ),
        *(replace(d, completeness=DOCUMENT_COMPLETENESS.get(d.attr)) for d in RECORDS_METADATA),
        INTERNAL_NOTES,
        TRANSLATIONS,
    ),
    bookkeeping=OWNED,
    groups=(Group("basic", _("Document type")), *RECORDS_GROUPS),
    slug="document_type",
    noun=_("document type"),
)

KINDS: tuple[RecordKind, ...] = (
    ORGANIZATION,
    CONTACT,
    SECTION,
    RESOURCE,
    SYSTEM,
    PROCESS,
    INTERFACE,
    DATASET,
    SERVICE,
    LAYER,
    TASK_CLASS,
    PROCESS_ACTION,
    DOCUMENT_TYPE,
)
BY_MODEL: dict[type[models.Model], RecordKind] = {k.model: k for k in KINDS}


def kind_of(model: type[models.Model]) -> RecordKind:
    return BY_MODEL[model]


def canonical_pairs(kind: RecordKind) -> tuple[tuple[str, str], ...]:
    """The kind's (canonical path, model attribute) pairs, in canonical order."""
    return tuple((d.path, d.attr) for d in kind.fields if d.canonical)
