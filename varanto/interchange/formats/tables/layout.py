"""The tabular layout of a catalogue, shared by the CSV and XLSX formats: one table per kind of record.

Each table says where its records sit in the canonical dict, which model checks their values
(by the canonical field specs of `interchange.canonical`), and its columns in order: the
Finnish heading a person sees, the canonical path the column holds ("disclosure.level" is
nested), the cell codec, and a line of guidance for the instructions sheet. A field's heading
and help are declared with the field (`varanto.catalog.declarations`); its codec follows from
its value type (`CODECS`). Relation columns (systems, processes, interfaces, the resource of a
data set) are placed here, after the field they follow. The words used for choices are part
of the file format, not of the user interface, so they are fixed here rather than translated.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import models

from varanto.catalog import declarations
from varanto.catalog.declarations import FieldDeclaration, RecordKind, ValueType, canonical_pairs
from varanto.catalog.models import Organization
from varanto.interchange import canonical

from .cells import (
    Choice,
    Codec,
    Count,
    Day,
    Flag,
    Flows,
    Lines,
    Links,
    Reference,
    Text,
    system_interfaces,
    system_uses,
)

LANGUAGES = {"sv": "ruotsiksi", "en": "englanniksi"}

# The words of each choice field, by canonical location and path.
CHOICE_WORDS: dict[tuple[str, str], dict[str, str]] = {
    ("organization", "type"): {
        "municipality": "kunta",
        "joint_authority": "kuntayhtymä",
        "wellbeing_county": "hyvinvointialue",
        "agency": "valtion virasto",
        "other": "muu julkinen toimija",
    },
    ("sections", "kind"): {"sector": "toimiala", "regional": "seudullinen palvelu", "theme": "teema"},
    ("resources", "disclosure.level"): {
        "public": "julkinen",
        "partial": "osittain",
        "restricted": "vain nimetyille saajille",
        "internal": "vain sisäiseen käyttöön",
        "none": "ei luovuteta",
    },
    ("resources", "api.availability"): {"yes": "kyllä", "partial": "osittain", "no": "ei"},
    ("interfaces", "method"): {
        "api": "rajapinta",
        "file_transfer": "tiedostosiirto",
        "database": "tietokantayhteys",
        "message": "sanomanvälitys",
        "manual": "manuaalinen",
        "other": "muu",
    },
    ("interfaces", "direction"): {"one_way": "yksisuuntainen", "both_ways": "kaksisuuntainen"},
    ("resources", "retention.archiving"): {
        "permanent": "säilytetään pysyvästi",
        "destroy": "hävitetään",
        "mixed": "osin pysyvästi, osin hävitetään",
    },
}


# The records management plan's codes (JHS 191), as its two kinds hold them.
PLAN_WORDS: dict[str, dict[str, str]] = {
    "restrictions.publicity_class": {
        "1": "julkinen",
        "2": "osittain salassa pidettävä",
        "3": "salassa pidettävä",
        "4": "ei-julkinen",
    },
    "restrictions.personal_data": {
        "1": "ei henkilötietoja",
        "2": "sisältää henkilötietoja",
        "3": "sisältää erityisiä henkilötietoja",
    },
    "restrictions.protection_level": {"1": "ST I", "2": "ST II", "3": "ST III", "4": "ST IV"},
    "restrictions.security_class": {
        "1": "erittäin salainen",
        "2": "salainen",
        "3": "luottamuksellinen",
        "4": "käyttö rajoitettu",
    },
}
for _kind in ("records_management.task_classes", "records_management.document_types"):
    CHOICE_WORDS.update({(_kind, path): words for path, words in PLAN_WORDS.items()})


def _choice(kind: RecordKind, decl: FieldDeclaration, field: models.Field) -> Codec:
    return Choice(CHOICE_WORDS[(kind.name, decl.path)], nullable=field.blank)


def _reference(kind: RecordKind, decl: FieldDeclaration, field: models.Field) -> Codec:
    related = field.related_model
    assert isinstance(related, type), f"{kind.name}.{decl.path}: a reference names a model"
    return Reference(declarations.kind_of(related).name, required=not field.null)


# The cell codec of each value type; text of any length is one cell.
CODECS: dict[ValueType, Callable[[RecordKind, FieldDeclaration, models.Field], Codec]] = {
    ValueType.KEY: lambda kind, decl, field: Text(),
    ValueType.TEXT: lambda kind, decl, field: Text(),
    ValueType.LONG_TEXT: lambda kind, decl, field: Text(),
    ValueType.LINES: lambda kind, decl, field: Lines(),
    ValueType.LINKS: lambda kind, decl, field: Links(),
    ValueType.FLOWS: lambda kind, decl, field: Flows(),
    ValueType.CHOICE: _choice,
    ValueType.FLAG: lambda kind, decl, field: Flag(nullable=field.null),
    ValueType.DATE: lambda kind, decl, field: Day(),
    ValueType.COUNT: lambda kind, decl, field: Count(nullable=field.null),
    ValueType.REFERENCE: _reference,
}
# Held elsewhere than in one column: translations as a column per language, description texts as a table.
NOT_A_COLUMN = frozenset({ValueType.TRANSLATIONS, ValueType.TEXTS})


@dataclass(frozen=True)
class Column:
    heading: str
    path: str
    codec: Codec
    help: str
    internal: bool = False  # never in a publication; written only when the data holds it


@dataclass(frozen=True)
class Table:
    """One kind of record as a sheet of a workbook or one CSV file."""

    title: str  # the sheet's name, at most 31 characters (Excel's limit)
    file_name: str
    location: tuple[str, ...]  # where the records sit in the catalogue dict
    columns: tuple[Column, ...]
    model: type[models.Model]
    spec: canonical.Spec
    description: str
    single: bool = False  # the organisation: exactly one row
    parent: str | None = None  # layers: the heading of the column naming the record they belong to
    required: tuple[str, ...] = ("name",)
    translatable: tuple[str, ...] = field(default=())
    # Columns of older files, read but no longer written (the canonical reader lifts what they hold).
    read_only: tuple[Column, ...] = ()

    def column(self, path: str) -> Column | None:
        return next((c for c in self.columns if c.path == path), None)

    def translation_heading(self, attr: str, language: str) -> str:
        """ "Nimi (ruotsiksi)": the heading of a model field's translation."""
        path = next((p for p, a in self.spec if a == attr), attr)
        column = self.column(path)
        return f"{column.heading if column else attr} ({LANGUAGES[language]})"


def field_column(kind: RecordKind, decl: FieldDeclaration) -> Column:
    """The declared field's column: its declared heading and help, its value type's codec."""
    if decl.column is None:
        raise LookupError(f"{kind.name}.{decl.path} declares no column")
    heading, help_line = decl.column
    codec = CODECS[decl.type](kind, decl, decl.model_field(kind.model))
    return Column(heading, decl.path, codec, help_line, internal=kind.internal(decl))


def columns_of(kind: RecordKind, relations: dict[str, tuple[str, Column]] | None = None) -> tuple[Column, ...]:
    """The kind's columns in declared order, each relation's column just after the path it names."""
    after: dict[str, list[Column]] = {}
    for path, column in (relations or {}).values():
        after.setdefault(path, []).append(column)
    columns: list[Column] = []
    for decl in kind.fields:
        if decl.type not in NOT_A_COLUMN:
            columns.append(field_column(kind, decl))
        columns.extend(after.pop(decl.path, []))
    if after:
        raise LookupError(f"{kind.name}: relation columns placed after no field: {sorted(after)}")
    return tuple(columns)


ORGANIZATION = Table(
    title="Organisaatio",
    file_name="organisaatio.csv",
    location=("organization",),
    model=Organization,
    spec=canonical.ORGANIZATION_FIELDS,
    single=True,
    description="Tiedonhallintayksikkö ja tietopyyntöjen yhteystiedot; täsmälleen yksi rivi.",
    columns=columns_of(declarations.ORGANIZATION),
    translatable=Organization.translatable_fields,
)

DESCRIPTIONS = Table(
    title="Kuvaustekstit",
    file_name="kuvaustekstit.csv",
    location=("organization", "descriptions"),
    model=Organization,
    spec=(),
    required=("text",),
    description="Kuvauksen johdantotekstit etusivulle, järjestyksessä.",
    columns=(
        Column("Otsikko", "title", Text(), "Kappaleen otsikko."),
        Column("Teksti", "text", Text(), "Pakollinen. Kappaleet erotetaan tyhjällä rivillä."),
    ),
)


def _kind_table(
    kind: RecordKind,
    title: str,
    file_name: str,
    description: str,
    relations: dict[str, tuple[str, Column]] | None = None,
    **options,
) -> Table:
    return Table(
        title=title,
        file_name=file_name,
        location=tuple(kind.name.split(".")),
        model=kind.model,
        spec=canonical_pairs(kind),
        description=description,
        columns=columns_of(kind, relations),
        translatable=getattr(kind.model, "translatable_fields", ()),
        **options,
    )


CONTACTS = _kind_table(declarations.CONTACT, "Yhteyshenkilöt", "yhteyshenkilot.csv", "Kuvauksen yhteyshenkilöt.")
SECTIONS = _kind_table(
    declarations.SECTION,
    "Toimialat",
    "toimialat.csv",
    "Kuvauksen ryhmittely: toimialat, seudulliset palvelut ja teemat.",
)
RESOURCES = _kind_table(
    declarations.RESOURCE,
    "Tietovarannot",
    "tietovarannot.csv",
    "Tietovarannot: yksi rivi kutakin tietovarantoa kohden.",
    relations={
        "systems": (
            "notes",
            Column(
                "Tietojärjestelmät",
                "systems",
                system_uses(),
                "Yksi järjestelmä kullekin riville, käyttö sulkeissa: KeyPro (verkosto). "
                "Järjestelmät ovat omalla välilehdellään.",
            ),
        ),
        "processes": (
            "retention.text",
            Column("Prosessit", "processes", Reference("processes", many=True), "Prosessien nimet tai tunnisteet."),
        ),
    },
    required=("name", "section"),
)
SYSTEMS = _kind_table(
    declarations.SYSTEM,
    "Tietojärjestelmät",
    "tietojarjestelmat.csv",
    "Tietojärjestelmät: kukin järjestelmä kerran, vaikka sitä käyttäisi moni tietovaranto.",
    # Until interfaces were records of their own (the Liittymät sheet), a column of their source system.
    read_only=(
        Column(
            "Rajapinnat",
            "interfaces",
            system_interfaces(),
            "Vanha muoto: yhteydet muihin järjestelmiin (Järjestelmä: mitä siirtyy); luetaan Liittymät-välilehdelle.",
        ),
    ),
)
PROCESSES = _kind_table(
    declarations.PROCESS,
    "Prosessit",
    "prosessit.csv",
    "Toimintaprosessit.",
    relations={
        "systems": (
            "function_class",
            Column(
                "Tietojärjestelmät",
                "systems",
                Reference("systems", many=True),
                "Järjestelmien nimet, yksi kullekin riville.",
            ),
        ),
        "inputs": (
            "function_class",
            Column(
                "Syötteet prosesseista",
                "inputs",
                Reference("processes", many=True),
                "Prosessit, joiden tuotoksia tämä käyttää (nimet tai tunnisteet), yksi kullekin riville.",
            ),
        ),
    },
)
INTERFACES = _kind_table(
    declarations.INTERFACE,
    "Liittymät",
    "liittymat.csv",
    "Järjestelmien väliset liittymät: mistä järjestelmästä mihin, miten ja mitä tietoja siirtyy.",
    required=("from", "to"),
)
DATASETS = _kind_table(
    declarations.DATASET,
    "Avoin data",
    "avoin-data.csv",
    "Avoimen datan aineistot.",
    relations={
        "resource": (
            "url",
            Column(
                "Tietovaranto",
                "resource",
                Reference("resources"),
                "Tietovaranto, josta aineisto tulee (nimi tai tunniste).",
            ),
        ),
    },
)
SERVICES = _kind_table(
    declarations.SERVICE,
    "Rajapintapalvelut",
    "rajapintapalvelut.csv",
    "Rajapintapalvelut, esim. WMS-karttapalvelu. Tasot ovat omalla välilehdellään.",
)
# The services' layers are a table of their own (Karttatasot), not a column.
LAYERS = _kind_table(
    declarations.LAYER,
    "Karttatasot",
    "karttatasot.csv",
    "Rajapintapalvelujen tasot järjestyksessä; kukin rivi kuuluu yhteen palveluun.",
    parent="Rajapintapalvelu",
    required=("title",),
)

TASK_CLASSES = _kind_table(
    declarations.TASK_CLASS,
    "Tehtäväluokat",
    "tehtavaluokat.csv",
    "Tiedonohjaussuunnitelman tehtäväluokat ja niiden käsittelyprosessien oletustiedot.",
    required=("code", "name"),
)
ACTIONS = _kind_table(
    declarations.PROCESS_ACTION,
    "Toimenpiteet",
    "toimenpiteet.csv",
    "Käsittelyprosessien vaiheet ja toimenpiteet; vaihe ennen siihen kuuluvia toimenpiteitä.",
    required=("name", "task_class"),
)
DOCUMENT_TYPES = _kind_table(
    declarations.DOCUMENT_TYPE,
    "Asiakirjatyypit",
    "asiakirjatyypit.csv",
    "Asiakirjatyypit: kukin kuuluu yhteen toimenpiteeseen.",
    required=("name", "action", "document_class"),
)

PARENT_HELP = "Pakollinen. Rajapintapalvelun nimi tai tunniste."

TABLES: tuple[Table, ...] = (
    ORGANIZATION,
    DESCRIPTIONS,
    CONTACTS,
    SECTIONS,
    RESOURCES,
    SYSTEMS,
    PROCESSES,
    INTERFACES,
    DATASETS,
    SERVICES,
    LAYERS,
    TASK_CLASSES,
    ACTIONS,
    DOCUMENT_TYPES,
)
