"""Another organisation's page in the same style (data/kuusiniemi-tietovarannot.txt, written
for these tests with the variations other municipalities use) imports too."""

from pathlib import Path

import pytest

from varanto.interchange.importing import read_catalog

PAGE = Path(__file__).parent / "data" / "kuusiniemi-tietovarannot.txt"


@pytest.fixture(scope="module")
def parsed():
    return read_catalog(PAGE, fmt="text")


@pytest.fixture(scope="module")
def resources(parsed):
    return {r["name"]: r for r in parsed[0]["resources"]}


def test_organisation_sections_and_resources(parsed):
    catalog, _ = parsed
    assert catalog["organization"]["name"] == "Kuusiniemen kunta"
    assert catalog["organization"]["updated"] == "2024-10-03"
    assert [(s["name"], s["kind"]) for s in catalog["sections"]] == [
        ("Hallinto- ja talouspalvelut", "sector"),
        ("Sivistyspalvelut", "sector"),
        ("Tekniset palvelut", "sector"),
        ("Kuusiniemen seudun rakennusvalvonta", "regional"),
        ("Avoin data", "theme"),
    ]
    assert catalog["sections"][3]["members"] == ["Kuusiniemi", "Mäntyranta", "Pohjoislahti"]
    assert len(catalog["resources"]) == 13


def test_label_variants_are_recognised(resources):
    assert resources["Kuusiniemen kunnan verkkosivut"]["api"]["availability"] == "no"  # "Tekninen rajapinta:"
    assert [s["name"] for s in resources["Kuusiniemen kunnan verkkosivut"]["systems"]] == [
        "WordPress"
    ]  # "Tietojärjestelmät:"
    assert resources["Asianhallinta ja päätöksenteko"]["search_criteria"] == [
        "diaarinumero",
        "asian nimi",
        "päivämäärä",
    ]
    assert resources["Rakennusvalvonta"]["search_criteria"] == [
        "lupatunnus",
        "kiinteistötunnus",
        "rakennuspaikan osoite",
        "hakijan nimi",
    ]


def test_privacy_notices_mark_personal_data(resources):
    hr = resources["Henkilöstöhallinto ja palkanlaskenta"]
    assert hr["links"] == [
        {
            "title": "Tietosuojaseloste",
            "url": "https://www.kuusiniemi.fi/tietosuoja/henkilostorekisteri",
            "kind": "privacy_notice",
        }
    ]
    assert hr["personal_data"] is True
    assert resources["Talous ja kirjanpito"]["personal_data"] is None


def test_retention_is_classified_and_its_wording_kept(resources):
    assert resources["Talous ja kirjanpito"]["retention"] == {
        "period": "10 vuotta",
        "archiving": "destroy",
        "text": "10 vuotta, sen jälkeen hävitetään",
    }
    assert resources["Rakennusvalvonta"]["retention"]["archiving"] == "permanent"


@pytest.mark.parametrize(
    ("name", "level"),
    [
        ("Asianhallinta ja päätöksenteko", "partial"),  # public yes, confidential only to parties
        ("Kuusiniemen kunnan verkkosivut", "public"),
        ("Talous ja kirjanpito", "partial"),
        ("Henkilöstöhallinto ja palkanlaskenta", "restricted"),
        ("Yhteiset työtilat ja intranet", "internal"),
        ("Perusopetus ja lukiokoulutus", "restricted"),
        ("Varhaiskasvatus", "none"),
        ("Kuusiniemen kunnan ostolaskut", "public"),
    ],
)
def test_disclosure_levels(resources, name, level):
    assert resources[name]["disclosure"]["level"] == level


def test_semicolon_recipients_keep_ja_inside_a_recipient(resources):
    assert resources["Perusopetus ja lukiokoulutus"]["disclosure"]["recipients"] == [
        "Opetushenkilöstö",
        "oppilaiden huoltajat",
        "oppilaat ja opiskelijat",
        "oppilashuollon henkilöstö",
        "Kuntapalvelu Oy",
    ]
    assert resources["Henkilöstöhallinto ja palkanlaskenta"]["disclosure"]["recipients"] == [
        "Asianosaiset",
        "Kuntapalvelu Oy",
    ]


def test_interface_levels(resources):
    assert resources["Kirjasto- ja kulttuuripalvelut"]["api"]["availability"] == "partial"
    assert resources["Paikkatieto ja kartat"]["api"]["availability"] == "yes"


def test_responsible_variants(resources):
    assert (
        resources["Kaukolämpö ja kiinteistöjen energiankulutus"]["responsible"]["organization"]
        == "Kuusiniemen Energia Oy"
    )
    assert resources["Vesihuolto"]["responsible"] == {
        "title": "vesihuoltoinsinööri",
        "organization": "",
        "unit": "Kuusiniemen Vesi liikelaitos",
    }
    assert resources["Kuusiniemen kunnan ostolaskut"]["responsible"]["title"] == "talouspäällikkö"


def test_systems_with_usage_prefixes_and_parentheses(resources):
    assert resources["Vesihuolto"]["systems"] == [
        {"name": "Abakus", "usage": "asiakasrekisteri"},
        {"name": "Trimble NIS", "usage": "verkosto"},
        {"name": "Kuntalaskutus", "usage": "laskutus"},
    ]
    assert resources["Kirjasto- ja kulttuuripalvelut"]["systems"][-1] == {
        "name": "Webropol",
        "usage": "asiakastyytyväisyyskyselyt",
    }
    assert [s["name"] for s in resources["Talous ja kirjanpito"]["systems"]] == [
        "Kuntari",
        "Populus",
        "Kuntaraportti",
        "Ceepos-verkkomaksut",
    ]


def test_unknown_field_goes_to_notes_and_is_reported_with_its_line(parsed, resources):
    _, findings = parsed
    assert "Kehitystarpeet: Ajantasa-asemakaava muutetaan" in resources["Paikkatieto ja kartat"]["notes"]
    warnings = [f for f in findings if f.level == "warning"]
    assert [(f.line, "Kehitystarpeet" in f.message) for f in warnings] == [(114, True)]


def test_note_across_a_paragraph_break_partners_and_data_flows(resources):
    notes = resources["Yhteiset työtilat ja intranet"]["notes"]
    assert "se siirretään asianhallinnan tietovarantoon (Dynasty). Käyttämättömät" in notes
    assert resources["Henkilöstöhallinto ja palkanlaskenta"]["partners"] == ["Kuntapalvelu Oy"]
    assert [f["target"] for f in resources["Perusopetus ja lukiokoulutus"]["data_flows"]] == ["Koski"]
    assert [f["target"] for f in resources["Varhaiskasvatus"]["data_flows"]] == ["Varda"]


def test_open_data_and_contacts(parsed):
    catalog, _ = parsed
    assert [d["name"] for d in catalog["open_data"]["datasets"]] == [
        "Kuusiniemen kunnan ostolaskut",
        "Kuusiniemen opaskartta",
        "ajantasa-asemakaava",
    ]
    assert catalog["organization"]["contacts"] == [
        {
            "name": "Hanna Lehtovaara",
            "title": "Hallintojohtaja",
            "phone": "040 512 3301",
            "email": "hanna.lehtovaara@kuusiniemi.fi",
        },
        {"name": "Jari Peltomäki", "title": "Tietohallintopäällikkö", "phone": "040 512 3318", "email": ""},
    ]
