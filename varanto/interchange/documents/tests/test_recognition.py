"""The recogniser's own behaviour: an official's corrections, what it reports, and that it reads
Imatra's style too (which `textpage` imports)."""

import pytest

from varanto.conftest import IMATRA_PAGE
from varanto.interchange.documents import Corrections, recognise, recognition_catalog
from varanto.interchange.documents.blocks import Kind
from varanto.interchange.documents.recognition.systems import item_systems, sentence_systems
from varanto.interchange.importing import read_catalog

TEXT = """Kuuselan kunnan tietovarannot

Rakennusvalvonta

Käyttötarkoitus: rakennuslupien käsittely
Arkistointi ja muuta: pysyvästi
Lupatiedot: Lupapiste

Yleistä

Tämä kuvaus päivitetään vuosittain.
"""


def source():
    return [("kuvaus.txt", TEXT.encode())]


def block_index(recognition, text: str) -> int:
    return next(i for i, b in enumerate(recognition.blocks) if b.text == text)


def test_an_unknown_label_is_kept_in_notes_and_reported_with_its_line():
    recognition = recognise(source())
    resource = recognition.resources[0]
    assert [n.text for n in resource.notes] == ["Lupatiedot: Lupapiste"]
    unplaced = next(u for u in recognition.unplaced if u.text == "Lupatiedot: Lupapiste")
    assert (unplaced.resource, unplaced.where.line, unplaced.reason) == ("Rakennusvalvonta", 7, "no field label")
    assert any("Lupatiedot: Lupapiste" in w.text and w.where.line == 7 for w in recognition.warnings)


def test_an_official_maps_an_unknown_label_to_a_field():
    recognition = recognise(source(), corrections=Corrections(labels={"Lupatiedot:": "systems"}))
    assert [s.name for s in recognition.resources[0].systems] == ["Lupapiste"]
    assert not recognition.resources[0].notes


def test_an_official_marks_a_heading_as_a_resource_or_not():
    first = recognise(source())
    rakennusvalvonta, yleista = block_index(first, "Rakennusvalvonta"), block_index(first, "Yleistä")
    assert [r.name for r in first.resources] == ["Rakennusvalvonta"]
    corrected = recognise(source(), corrections=Corrections(resources={yleista}, not_resources={rakennusvalvonta}))
    assert [r.name for r in corrected.resources] == ["Yleistä"]
    assert corrected.resources[0].block == yleista


def test_the_recognition_is_plain_data_with_locations():
    data = recognise(source()).as_dict()
    resource = data["resources"][0]
    assert resource["name"] == "Rakennusvalvonta"
    assert resource["where"] == {"file": "kuvaus.txt", "line": 3, "text": "kuvaus.txt, line 3"}
    assert resource["fields"]["purpose"]["text"] == "rakennuslupien käsittely"
    assert data["blocks"][0]["kind"] == Kind.PAGE
    assert data["unplaced"][0]["where"]["line"]


def test_the_recogniser_reads_imatras_page_with_the_same_resources_as_its_own_parser():
    expected, _ = read_catalog(IMATRA_PAGE, fmt="text")
    recognition = recognise([IMATRA_PAGE], organization_name="Imatran kaupunki")
    catalog = recognition_catalog(recognition)
    assert [r["name"] for r in catalog["resources"]] == [r["name"] for r in expected["resources"]]
    assert {r["name"]: r["responsible"] for r in catalog["resources"]} == {
        r["name"]: r["responsible"] for r in expected["resources"]
    }


@pytest.mark.parametrize(
    ("written", "systems"),
    [
        (
            "Effica Varhaiskasvatus, Muksunetti, Läsnä-sovellus",
            [("Effica Varhaiskasvatus", ""), ("Muksunetti", ""), ("Läsnä-sovellus", "")],
        ),
        (
            "verot ja tullimaksut (Veroreskontra, Massi)",
            [("Veroreskontra", "verot ja tullimaksut"), ("Massi", "verot ja tullimaksut")],
        ),
        ("Tullin yritysasiakasrekisteri (ASKARE)", [("Tullin yritysasiakasrekisteri (ASKARE)", "")]),
        ("Varda-järjestelmä (kansallinen)", [("Varda-järjestelmä (kansallinen)", "")]),
        ("Hellewi, kansalaisopiston hallintaohjelma", [("Hellewi", "kansalaisopiston hallintaohjelma")]),
        ("Dynasty ja Excel", [("Dynasty", ""), ("Excel", "")]),
        (
            "YTL:n tutkintopalvelu ja sähköinen asiointipalvelu",
            [("YTL:n tutkintopalvelu ja sähköinen asiointipalvelu", "")],
        ),
    ],
)
def test_systems_in_the_forms_officials_write_them(written, systems):
    assert item_systems(written) == systems


def test_a_system_inside_a_sentence():
    assert sentence_systems("Tiedot tallennetaan asianhallintajärjestelmään.") == [("asianhallintajärjestelmä", "")]
    assert sentence_systems("Asiarekisteriä ylläpidetään asiankäsittelyjärjestelmässä (Dynasty).") == [
        ("Dynasty", "asiankäsittelyjärjestelmä")
    ]
    assert sentence_systems("Tietoja käytetään tulli- ja ilmoitusjärjestelmien kehittämiseen.") == []


def test_a_resource_listed_on_an_index_page_and_described_on_its_own_is_one_resource():
    index = "Tietovarannot\n\n- Varhaiskasvatus\n- Perusopetus\n\nVastuuhenkilönä toimii sivistysjohtaja.\n"
    page = "Hyppää sisältöön\n\nVarhaiskasvatus\n\nTietovarannon käyttötarkoitus: varhaiskasvatus\n"
    recognition = recognise([("index.txt", index.encode()), ("varhaiskasvatus.txt", page.encode())])
    assert [(r.name, r.where.file) for r in recognition.resources] == [
        ("Varhaiskasvatus", "varhaiskasvatus.txt"),
        ("Perusopetus", "index.txt"),
    ]
    assert recognition.resources[0].responsible.text == "sivistysjohtaja"


def test_pages_that_all_head_their_resource_alike_name_it_in_their_titles():
    page = (
        "<html><head><title>{} – Kuuselan kunta</title></head><body><main><h1>Asiakirjajulkisuuskuvaus</h1>"
        "<p>Käyttötarkoitus: {}</p></main></body></html>"
    )
    pages = [(f"{n}.html", page.format(n, n.lower()).encode()) for n in ("Kirjasto", "Liikunta")]
    assert [r.name for r in recognise(pages).resources] == ["Kirjasto", "Liikunta"]


def test_contacts_and_links_listed_under_their_headings_are_no_resources():
    text = "Talous\n\nKäyttötarkoitus: kirjanpito\n\nYhteystiedot\n\n- Kirjaamo\n- Puhelin 040 123 4567\n"
    recognition = recognise([("kuvaus.txt", text.encode())])
    assert [r.name for r in recognition.resources] == ["Talous"]
    assert {u.text for u in recognition.unplaced} >= {"Kirjaamo", "Puhelin 040 123 4567"}
