"""The tabular layout of a catalogue, shared by the CSV and XLSX formats: one table per kind of record.

Each table says where its records sit in the canonical dict, which model checks their values
(by the canonical field specs of `interchange.canonical`), and its columns in order: the
Finnish heading a person sees, the canonical path the column holds ("disclosure.level" is
nested), the cell codec, and a line of guidance for the instructions sheet. The words used
for choices are part of the file format, not of the user interface, so they are fixed here
rather than translated.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import models

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

ORGANIZATION_TYPES = {
    "municipality": "kunta",
    "joint_authority": "kuntayhtymä",
    "wellbeing_county": "hyvinvointialue",
    "agency": "valtion virasto",
    "other": "muu julkinen toimija",
}
SECTION_KINDS = {"sector": "toimiala", "regional": "seudullinen palvelu", "theme": "teema"}
DISCLOSURE_LEVELS = {
    "public": "julkinen",
    "partial": "osittain",
    "restricted": "vain nimetyille saajille",
    "internal": "vain sisäiseen käyttöön",
    "none": "ei luovuteta",
}
API_AVAILABILITY = {"yes": "kyllä", "partial": "osittain", "no": "ei"}
ARCHIVING = {"permanent": "säilytetään pysyvästi", "destroy": "hävitetään", "mixed": "osin pysyvästi, osin hävitetään"}


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

    def column(self, path: str) -> Column | None:
        return next((c for c in self.columns if c.path == path), None)

    def translation_heading(self, attr: str, language: str) -> str:
        """ "Nimi (ruotsiksi)": the heading of a model field's translation."""
        path = next((p for p, a in self.spec if a == attr), attr)
        column = self.column(path)
        return f"{column.heading if column else attr} ({LANGUAGES[language]})"


KEY = Column("Tunniste", "key", Text(), "Pysyvä lyhyt tunniste (a–z, 0–9, väliviiva); tyhjään tehdään nimestä.")
NAME = Column("Nimi", "name", Text(), "Pakollinen.")


def responsible(what: str) -> tuple[Column, ...]:
    return (
        Column("Vastuutaho", "responsible.title", Text(), f"{what} vastaavan tehtävänimike, esim. hallintopäällikkö."),
        Column("Vastuuorganisaatio", "responsible.organization", Text(), "Ulkopuolinen vastuutaho, esim. Meita."),
        Column("Vastuuyksikkö", "responsible.unit", Text(), "Yksikkö, johon vastuutaho kuuluu."),
    )


ORGANIZATION = Table(
    title="Organisaatio",
    file_name="organisaatio.csv",
    location=("organization",),
    model=Organization,
    spec=canonical.ORGANIZATION_FIELDS,
    single=True,
    description="Tiedonhallintayksikkö ja tietopyyntöjen yhteystiedot; täsmälleen yksi rivi.",
    columns=(
        NAME,
        Column("Y-tunnus", "business_id", Text(), "Esim. 0123456-7."),
        Column("Tyyppi", "type", Choice(ORGANIZATION_TYPES, nullable=False), "Organisaation laji; tyhjä on kunta."),
        Column("Verkkosivut", "homepage", Text(), "Organisaation kotisivun osoite."),
        Column("Kielet", "languages", Lines(), "Kuvauksen kielet kielikoodeina, yksi kullekin riville (fi, sv)."),
        Column("Päivitetty", "updated", Day(), "Kuvauksen päivityspäivä, esim. 21.2.2023."),
        Column("Kirjaamo", "information_requests.registry_office.name", Text(), "Minne tietopyynnöt osoitetaan."),
        Column("Kirjaamon osoite", "information_requests.registry_office.address", Text(), "Postiosoite."),
        Column("Kirjaamon sähköposti", "information_requests.registry_office.email", Text(), "Sähköpostiosoite."),
        Column("Kirjaamon puhelin", "information_requests.registry_office.phone", Text(), "Puhelinnumero."),
        Column("Kirjaamon aukioloajat", "information_requests.registry_office.hours", Text(), "Esim. ma–pe 9–15."),
        Column(
            "Tietopyynnöistä päättää",
            "information_requests.deciding_authority",
            Text(),
            "Viranomainen, joka päättää tietojen luovuttamisesta, ellei tietovarannolle ole merkitty muuta.",
        ),
        Column("Ohjeet tietopyyntöön", "information_requests.instructions", Text(), "Ohje tietopyynnön tekijälle."),
    ),
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

CONTACTS = Table(
    title="Yhteyshenkilöt",
    file_name="yhteyshenkilot.csv",
    location=("organization", "contacts"),
    model=ContactPerson,
    spec=canonical.CONTACT_FIELDS,
    description="Kuvauksen yhteyshenkilöt.",
    columns=(
        NAME,
        Column("Nimike", "title", Text(), "Tehtävänimike."),
        Column("Puhelin", "phone", Text(), "Puhelinnumero."),
        Column("Sähköposti", "email", Text(), "Sähköpostiosoite."),
    ),
)

SECTIONS = Table(
    title="Toimialat",
    file_name="toimialat.csv",
    location=("sections",),
    model=Section,
    spec=canonical.SECTION_FIELDS,
    description="Kuvauksen ryhmittely: toimialat, seudulliset palvelut ja teemat.",
    columns=(
        KEY,
        NAME,
        Column("Tyyppi", "kind", Choice(SECTION_KINDS, nullable=False), "Ryhmän laji; tyhjä on toimiala."),
        Column("Jäsenkunnat", "members", Lines(), "Seudullisen palvelun jäsenkunnat, yksi kullekin riville."),
        Column("Kuvaus", "description", Text(), "Vapaa kuvaus."),
    ),
    translatable=Section.translatable_fields,
)

RESOURCES = Table(
    title="Tietovarannot",
    file_name="tietovarannot.csv",
    location=("resources",),
    model=DataResource,
    spec=canonical.RESOURCE_FIELDS,
    required=("name", "section"),
    description="Tietovarannot: yksi rivi kutakin tietovarantoa kohden.",
    columns=(
        KEY,
        NAME,
        Column("Toimiala", "section", Reference("sections", required=True), "Pakollinen. Toimialan nimi tai tunniste."),
        *responsible("Tietovarannosta"),
        Column("Käyttötarkoitus", "purpose", Text(), "Mihin tietoja käytetään."),
        Column("Keskeiset tietoaineistot", "key_datasets", Lines(), "Yksi aineisto kullekin riville."),
        Column("Tietojen luovutus", "disclosure.level", Choice(DISCLOSURE_LEVELS), "Luovutetaanko tietoja."),
        Column(
            "Luovutuksensaajat", "disclosure.recipients", Lines(), "Kenelle tietoja luovutetaan, yksi kullekin riville."
        ),
        Column("Luovutus, sanamuoto", "disclosure.text", Text(), "Luovutus alkuperäisin sanoin."),
        Column(
            "Luovutuksesta päättää", "disclosure.deciding_authority", Text(), "Jos muu kuin organisaation päättäjä."
        ),
        Column(
            "Tekninen rajapinta",
            "api.availability",
            Choice(API_AVAILABILITY),
            "Saako tiedot teknisen rajapinnan kautta.",
        ),
        Column("Rajapinta, sanamuoto", "api.text", Text(), "Rajapinnan saatavuus alkuperäisin sanoin."),
        Column("Huomiot", "notes", Text(), "Julkiset lisätiedot."),
        Column(
            "Tietojärjestelmät",
            "systems",
            system_uses(),
            "Yksi järjestelmä kullekin riville, käyttö sulkeissa: KeyPro (verkosto). Järjestelmät ovat omalla välilehdellään.",
        ),
        Column(
            "Hakutekijät", "search_criteria", Lines(), "Millä tiedoilla asiakirjoja haetaan (diaarinumero, nimi …)."
        ),
        Column("Asiasanat", "keywords", Lines(), "Sanat, joilla asukas etsii tätä, yksi kullekin riville."),
        Column("Yhteistyötahot", "partners", Lines(), "Yksi kullekin riville."),
        Column("Tietovirrat", "data_flows", Flows(), "Minne tietoja siirtyy: Koski: mitä siirretään."),
        Column("Linkit", "links", Links(), "Otsikko <https://…>; tietosuojaselosteen perään [tietosuojaseloste]."),
        Column(
            "Henkilötietoja", "personal_data", Flag(nullable=True), "Sisältääkö henkilötietoja: kyllä, ei tai tyhjä."
        ),
        Column("Säilytysaika", "retention.period", Text(), "Esim. 10 vuotta."),
        Column("Arkistointi", "retention.archiving", Choice(ARCHIVING), "Säilytetäänkö pysyvästi."),
        Column("Säilytys, sanamuoto", "retention.text", Text(), "Säilytys ja arkistointi alkuperäisin sanoin."),
        Column("Prosessit", "processes", Reference("processes", many=True), "Prosessien nimet tai tunnisteet."),
        Column("Tietoturvatoimenpiteet", "security_measures", Text(), "Sisäinen: ei koskaan julkaista.", internal=True),
        Column("Sisäiset huomiot", "internal_notes", Text(), "Sisäinen: ei koskaan julkaista.", internal=True),
        Column("Tarkistettu", "review.last_reviewed", Day(), "Sisäinen: viimeisin tarkistuspäivä.", internal=True),
        Column("Tarkistusväli (kk)", "review.cycle_months", Count(), "Sisäinen: tyhjä on 12 kuukautta.", internal=True),
    ),
    translatable=DataResource.translatable_fields,
)

SYSTEMS = Table(
    title="Tietojärjestelmät",
    file_name="tietojarjestelmat.csv",
    location=("systems",),
    model=InformationSystem,
    spec=canonical.SYSTEM_FIELDS,
    description="Tietojärjestelmät: kukin järjestelmä kerran, vaikka sitä käyttäisi moni tietovaranto.",
    columns=(
        KEY,
        NAME,
        Column("Toimittaja", "vendor", Text(), "Järjestelmän toimittaja."),
        Column("Käyttötarkoitus", "purpose", Text(), "Mihin järjestelmää käytetään."),
        Column("Kuvaus", "description", Text(), "Vapaa kuvaus."),
        *responsible("Järjestelmästä"),
        Column(
            "Rajapinnat", "interfaces", system_interfaces(), "Yhteydet muihin järjestelmiin: Järjestelmä: mitä siirtyy."
        ),
        Column("Tietoturvatoimenpiteet", "security_measures", Text(), "Sisäinen: ei koskaan julkaista.", internal=True),
        Column("Sisäiset huomiot", "internal_notes", Text(), "Sisäinen: ei koskaan julkaista.", internal=True),
    ),
    translatable=InformationSystem.translatable_fields,
)

PROCESSES = Table(
    title="Prosessit",
    file_name="prosessit.csv",
    location=("processes",),
    model=Process,
    spec=canonical.PROCESS_FIELDS,
    description="Toimintaprosessit.",
    columns=(
        KEY,
        NAME,
        Column("Käyttötarkoitus", "purpose", Text(), "Prosessin tarkoitus."),
        *responsible("Prosessista"),
        Column("Tehtäväluokka", "function_class", Text(), "Esim. 00 Hallintoasiat."),
        Column(
            "Tietojärjestelmät",
            "systems",
            Reference("systems", many=True),
            "Järjestelmien nimet, yksi kullekin riville.",
        ),
        Column("Linkit", "links", Links(), "Otsikko <https://…>."),
        Column("Sisäiset huomiot", "internal_notes", Text(), "Sisäinen: ei koskaan julkaista.", internal=True),
    ),
    translatable=Process.translatable_fields,
)

DATASETS = Table(
    title="Avoin data",
    file_name="avoin-data.csv",
    location=("open_data", "datasets"),
    model=OpenDataset,
    spec=canonical.DATASET_FIELDS,
    description="Avoimen datan aineistot.",
    columns=(
        KEY,
        NAME,
        Column("Kuvaus", "description", Text(), "Vapaa kuvaus."),
        Column("Osoite", "url", Text(), "Aineiston osoite, esim. avoindata.fi:ssä."),
        Column(
            "Tietovaranto",
            "resource",
            Reference("resources"),
            "Tietovaranto, josta aineisto tulee (nimi tai tunniste).",
        ),
        Column(
            "Ulkoisista lähteistä",
            "produced_externally",
            Flag(nullable=False),
            "Tuotettu ulkoisista lähteistä: kyllä tai ei.",
        ),
        Column("Lisenssi", "license", Text(), "Esim. CC BY 4.0."),
    ),
    translatable=OpenDataset.translatable_fields,
)

SERVICES = Table(
    title="Rajapintapalvelut",
    file_name="rajapintapalvelut.csv",
    location=("open_data", "services"),
    model=DataService,
    spec=canonical.SERVICE_FIELDS,
    description="Rajapintapalvelut, esim. WMS-karttapalvelu. Tasot ovat omalla välilehdellään.",
    columns=(
        KEY,
        NAME,
        Column("Tyyppi", "type", Text(), "Esim. WMS, WFS, REST."),
        Column("Osoite", "url", Text(), "Palvelun osoite."),
        Column("Kuvaus", "description", Text(), "Vapaa kuvaus."),
    ),
    translatable=DataService.translatable_fields,
)

LAYERS = Table(
    title="Karttatasot",
    file_name="karttatasot.csv",
    location=("open_data", "services", "layers"),
    model=ServiceLayer,
    spec=canonical.LAYER_FIELDS,
    parent="Rajapintapalvelu",
    required=("title",),
    description="Rajapintapalvelujen tasot järjestyksessä; kukin rivi kuuluu yhteen palveluun.",
    columns=(
        Column("Otsikko", "title", Text(), "Pakollinen. Tason otsikko."),
        Column("Tekninen nimi", "name", Text(), "Tason tekninen nimi palvelussa."),
    ),
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
    DATASETS,
    SERVICES,
    LAYERS,
)
