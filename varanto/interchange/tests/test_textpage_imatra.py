"""The Imatra page as published, read into the canonical catalogue.

The expected values below were read off the page by hand, resource by resource; the table
pins every data resource's section, responsible, disclosure level, technical interface and
systems, so a change in the importer that misreads any of them fails here.
"""

import pytest

from varanto.interchange.importing import read_catalog

K, H, T, Y, J, A = (
    "konsernipalvelut",
    "hyvinvointi-ja-koulutus",
    "kaupunkikehitys-ja-tekniset-palvelut",
    "imatran-seudun-ymparistotoimi",
    "etela-karjalan-jatehuoltoviranomainen",
    "avoin-data",
)

# name: (section, responsible title or organisation, disclosure level, interface, systems as "Name (usage)")
EXPECTED = {
    "Asian- ja päätöksenteon hallinta": (K, "hallintopäällikkö", "partial", "yes", ["M-Files"]),
    "Imatran kaupungin verkkosivut": (K, "viestintäjohtaja", "public", "no", ["Drupal 9"]),
    "Imatran kaupungin intra": (K, "viestintäjohtaja", "internal", "no", ["Drupal 9"]),
    "Talous": (
        K,
        "konsernitalouspäällikkö",
        "partial",
        "no",
        [
            "IntimePlus",
            "Clausion FPM",
            "Talgraf Accuna",
            "Weebly",
            "Qlik Sense",
            "Assets",
            "Banking",
            "Banking Finance",
            "Apollo",
            "Qvalia",
            "Ceepos",
            "P2P Basware",
        ],
    ),
    "Henkilöstö- ja palkkahallinto": (
        K,
        "henkilöstöpäällikkö",
        "restricted",
        "no",
        ["Personec F/ESS", "OSS", "Emilia", "Nepton", "Akseli", "KuntaRekry"],
    ),
    "Turvallisuus": (K, "turvallisuuspäällikkö", "none", "no", ["Granite", "M365", "M-Files"]),
    "Tarkastus": (K, "tarkastusjohtaja", "none", "no", ["Granite", "M365", "M-Files"]),
    "Hankinta": (K, "hankinta-asiantuntija", "partial", "no", ["Cludia", "M-Files", "M365"]),
    "Asiakaspalvelun tietämyskanta": (K, "asiakaspalvelun tiiminvetäjä", "none", "no", ["ACE"]),
    "Palautteet": (K, "hallintopäällikkö", "partial", "no", ["Louhi"]),
    "Hankkeet": (K, "yhteysjohtaja", "partial", "no", ["Teams", "M-Files", "verkkosivut", "rahoittajien järjestelmät"]),
    "Tilahallinta": (K, "tilahallintapäällikkö", "partial", "no", ["Teams", "M-Files"]),
    "Lomakevarasto": (
        K,
        "tieto- ja digipalvelupäällikkö",
        "internal",
        "no",
        ["FormBox", "Webropol", "MS Forms", "Google Forms (opetus ja varhaiskasvatus)"],
    ),
    "M365 pilvidata": (
        K,
        "tieto- ja digipalvelupäällikkö",
        "none",
        "no",
        [
            "M365 (pilvialusta ja työkalut (mm. Outlook, Teams, Word, Excel, PowerPoint, OneNote, OneDrive, "
            "Sharepoint, Forms ja Power BI))"
        ],
    ),
    "Opetus ja oppilashallinto": (H, "opetus- ja nuorisopäällikkö", "restricted", "no", ["Priimus", "Wilma", "Kurre"]),
    "Varhaiskasvatus": (
        H,
        "varhaiskasvatuspäällikkö",
        "restricted",
        "no",
        ["Effica (päivähoito)", "Titania", "Priimus", "Wilma"],
    ),
    "Tilavaraus": (H, "liikunta- ja hyvinvointipäällikkö", "partial", "no", ["Timmi", "Titania"]),
    "Teatterin verkkosivut": (H, "Imatra Base Camp Oy", "public", "no", ["Drupal 9"]),
    "Vapaa sivistystyö": (H, "Virta-opiston rehtori", "partial", "no", ["Hellewi", "Eepos"]),
    "Kirjasto": (H, "kirjastoasiantuntija", "partial", "no", ["Finna", "Heili-kirjastot (yhteisjärjestelmä)"]),
    "Museo": (H, "museointendentti", "partial", "no", ["Musketti"]),
    "Nuorisopalvelut": (H, "nuorisopalveluiden tiiminvetäjä", "none", "no", ["Teams", "M-Files"]),
    "Rakennusvalvonta": (
        T,
        "rakennusvalvontapäällikkö",
        "partial",
        "no",
        ["Facta", "Terra", "ProjectWise", "Louhi-karttapalvelu", "Lupapiste.fi", "Microstation 8"],
    ),
    "Kaavoitus": (T, "kaavoitusarkkitehti", "partial", "no", ["Louhi-karttapalvelu", "Microstation 8"]),
    "Maankäyttö, kartat ja paikkatieto": (
        T,
        "kaupungininsinööri",
        "partial",
        "no",
        ["Louhi-karttapalvelu", "Microstation 8"],
    ),
    "Vesihuolto": (
        T,
        "vesihuoltopäällikkö",
        "partial",
        "no",
        [
            "Vesikanta CGI",
            "KeyPro (verkosto)",
            "Mipro (tuotanto ja raportointi)",
            "Kamstrupp (vesimittarit)",
            "Buildie (projektit, dokumentointi ja työnohjaus)",
            "Insta Automation (jätevesilaitos)",
        ],
    ),
    "Pysäköinninvalvonta": (
        T,
        "pysäköinninvalvoja",
        "partial",
        "partial",
        ["ParkkiV 2.0 (pysäköinninvalvonnan palvelu)", "ATJ (ajoneuvotietojärjestelmä)", "M-Files"],
    ),
    "Ympäristönsuojelu": (Y, "ympäristöpäällikkö", "partial", "no", ["Digia (tarkastaja)", "Enview"]),
    "Ympäristöterveydenhuolto": (Y, "ympäristöpäällikkö", "partial", "no", ["Digia (tarkastaja)", "Vati", "Ilppa"]),
    "Jätehuolto": (J, "jätehuoltopäällikkö", "partial", "no", ["Vingo Jättäri", "M-Files"]),
    "Imatran kaupungin ostolaskut": (A, "konsernitalouspäällikkö", "public", "no", ["avoindata.fi"]),
}


@pytest.fixture(scope="module")
def catalog():
    from varanto.conftest import IMATRA_PAGE

    data, _ = read_catalog(IMATRA_PAGE, fmt="text")
    return data


@pytest.fixture(scope="module")
def resources(catalog):
    return {r["name"]: r for r in catalog["resources"]}


def test_all_31_data_resources_are_read_in_page_order(catalog):
    assert [r["name"] for r in catalog["resources"]] == list(EXPECTED)


@pytest.mark.parametrize("name", list(EXPECTED))
def test_each_resource_has_its_section_responsible_disclosure_interface_and_systems(resources, name):
    section, responsible, disclosure, api, systems = EXPECTED[name]
    resource = resources[name]
    assert resource["section"] == section
    assert responsible in (resource["responsible"]["title"], resource["responsible"]["organization"])
    assert resource["disclosure"]["level"] == disclosure
    assert resource["api"]["availability"] == api
    assert [s["name"] + (f" ({s['usage']})" if s["usage"] else "") for s in resource["systems"]] == systems


def test_original_wording_of_disclosure_and_interface_is_kept(resources):
    assert resources["Talous"]["disclosure"]["text"] == "Soveltuvin osin ja Meita"
    assert resources["Talous"]["disclosure"]["recipients"] == ["Meita"]
    assert resources["Pysäköinninvalvonta"]["api"]["text"] == (
        "Asiakas voi hakea pysäköinninvalvonnan järjestelmästä omaan asiaan liittyviä tietoja"
    )
    assert resources["Varhaiskasvatus"]["disclosure"]["recipients"] == ["henkilökunta", "lasten huoltajat", "Meita"]


def test_sections_include_hosted_regional_bodies_with_their_member_municipalities(catalog):
    sections = {s["key"]: s for s in catalog["sections"]}
    assert [s["name"] for s in catalog["sections"]] == [
        "Konsernipalvelut",
        "Hyvinvointi- ja koulutus",
        "Kaupunkikehitys ja tekniset palvelut",
        "Imatran seudun ympäristötoimi",
        "Etelä-Karjalan jätehuoltoviranomainen",
        "Avoin data",
    ]
    assert sections[Y]["kind"] == "regional"
    assert sections[Y]["members"] == ["Imatra", "Parikkala", "Rautjärvi", "Ruokolahti"]
    # "kaikki Etelä-Karjalan kunnat" names the region's nine municipalities
    assert sections[J]["members"] == [
        "Imatra",
        "Lappeenranta",
        "Lemi",
        "Luumäki",
        "Parikkala",
        "Rautjärvi",
        "Ruokolahti",
        "Savitaipale",
        "Taipalsaari",
    ]
    assert sections[J]["description"] == "Kaikki Etelä-Karjalan kunnat."
    assert sections[A]["kind"] == "theme"
    assert sections[K]["kind"] == "sector"


def test_responsible_unit_in_parentheses_is_kept_apart(resources):
    assert resources["Vesihuolto"]["responsible"] == {
        "title": "vesihuoltopäällikkö",
        "organization": "",
        "unit": "Imatran Vesi liikelaitos",
    }
    assert resources["Teatterin verkkosivut"]["responsible"]["title"] == ""


def test_notes_running_over_a_paragraph_break_are_joined(resources):
    notes = resources["M365 pilvidata"]["notes"]
    assert (
        "kopioidaan aineisto asian- ja päätöksenteon hallinnan tietovarantoon (M-Files). Yhteistyötaho Meita." in notes
    )


def test_key_data_sets_are_an_ordered_list(resources):
    assert resources["Henkilöstö- ja palkkahallinto"]["key_datasets"] == [
        "Hakijat",
        "työsopimukset",
        "työsuhteet",
        "palkkatiedot",
    ]
    assert resources["Kaavoitus"]["key_datasets"][:2] == ["Kaavat", "Kokousliitteet"]
    assert resources["Imatran kaupungin ostolaskut"]["key_datasets"] == ["Ostolaskuaineistot 2019, 2020 ja 2021"]
    assert "asumisterveys- ja huoneistovalvonta" in resources["Ympäristöterveydenhuolto"]["key_datasets"]


def test_partners_and_data_flows_are_found_in_the_notes(resources):
    assert resources["Talous"]["partners"] == ["Meita"]
    assert [f["target"] for f in resources["Varhaiskasvatus"]["data_flows"]] == ["Koski", "Varda"]
    assert [f["target"] for f in resources["Opetus ja oppilashallinto"]["data_flows"]] == ["Koski"]


def test_links_in_notes_and_systems_become_links(resources):
    assert resources["Teatterin verkkosivut"]["links"] == [
        {"title": "teatteri-imatra.fi", "url": "https://teatteri-imatra.fi", "kind": "web"}
    ]
    assert resources["Imatran kaupungin ostolaskut"]["links"][0]["url"] == (
        "https://www.avoindata.fi/data/fi/dataset/imatra-ostolaskut"
    )


def test_the_open_data_section_gives_data_sets_and_the_wms_service_with_its_layers(catalog):
    open_data = catalog["open_data"]
    assert [d["name"] for d in open_data["datasets"]] == [
        "Imatran kaupungin ostolaskut",
        "Imatran opaskartta",
        "Imatran rakennuskiellot",
        "Imatran yleiskaava",
        "Imatran kantakartta",
        "Imatran ajantasa-asemakaava",
        "hydrologiset havaintopaikat",
    ]
    assert open_data["datasets"][0]["resource"] == "imatran-kaupungin-ostolaskut"
    [wms] = open_data["services"]
    assert wms["name"] == "Imatran WMS rajapintapalvelu"
    assert wms["type"] == "WMS"
    assert [(layer["title"], layer["name"]) for layer in wms["layers"]] == [
        ("Opaskartta", "Opaskartta"),
        ("Ajantasa-asemakaava", "Ajantasa-asemakaava"),
        ("Ajantasayleiskaava", "Yleiskaava"),
        ("Kantakartta", "Kantakartta"),
        ("Rakentamisrajoitusalueet", "Rakennuskieltoalueet"),
        ("Rakentamisrajoitusalueet", "Suunnittelutarvealueet"),
    ]


def test_organisation_update_date_texts_and_contacts(catalog):
    org = catalog["organization"]
    assert org["name"] == "Imatran kaupunki"
    assert org["type"] == "municipality"
    assert org["updated"] == "2023-02-21"
    assert [d["title"] for d in org["descriptions"]] == ["Tietovarannot", "Tiedonhallintamalli", "Tietovarannot"]
    assert org["contacts"] == [
        {"name": "Petri Kejonen", "title": "Tieto- ja digipalvelupäällikkö", "phone": "020 617 2234", "email": ""},
        {
            "name": "Marjo Kaulio-Behm",
            "title": "Konsernipalveluiden hallintopäällikkö",
            "phone": "020 617 2223",
            "email": "",
        },
    ]


def test_systems_registry_has_one_record_per_distinct_system(catalog, resources):
    names = [s["name"] for s in catalog["systems"]]
    assert len(names) == len({n.casefold() for n in names})
    users_of_m_files = [r for r in resources.values() if any(s["name"] == "M-Files" for s in r["systems"])]
    assert len(users_of_m_files) == 9
    assert names.count("M-Files") == 1


def test_no_text_of_the_page_is_lost(imatra_page, catalog):
    """Every word of the page appears somewhere in the catalogue (markup and labels aside)."""
    import json
    import re

    from varanto.interchange.textpage.labels import match_label

    stored = json.dumps(catalog, ensure_ascii=False).casefold()
    missing = []
    for number, line in enumerate(imatra_page.read_text("utf-8").splitlines(), start=1):
        line = re.sub(r"\]\(#\)|[\[\]*<>]|^\s*-\s+", " ", line)
        label, sep, rest = line.partition(":")
        if sep and match_label(label):
            line = rest
        for word in re.findall(r"\w[\w-]{2,}", line):
            if word.casefold() not in stored and word not in ("Vastuu", "Päivitetty"):
                missing.append((number, word))
    assert missing == []
