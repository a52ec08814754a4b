"""Descriptions written for these tests in the layouts real ones use, in text, HTML, DOCX, PDF and
tables, import with their resources, fields, systems and responsible."""

from pathlib import Path

from varanto.interchange.canonical import catalog_validate
from varanto.interchange.documents import recognise, recognition_catalog
from varanto.testing.documents import docx_bytes, pdf_bytes

ORGANIZATION = "Kuuselan kunta"


def imported(*sources) -> dict:
    catalog = recognition_catalog(recognise(list(sources), organization_name=ORGANIZATION))
    catalog_validate(catalog)
    return {r["name"]: r for r in catalog["resources"]}


def systems(resource: dict) -> list[tuple[str, str]]:
    return [(s["name"], s["usage"]) for s in resource["systems"]]


BULLETS = """Kuuselan kunnan asiakirjajulkisuuskuvaus

Talous

Kunnan talousarvion, kirjanpidon ja laskutuksen tiedot.

• Keskeiset tietoaineistot: talousarvio, tilinpäätös, ostolaskut
• Tietovarannon tietojärjestelmät: Raindance, laskujen kierrätys (Basware)

Varhaiskasvatus

Varhaiskasvatuksen järjestäminen.

• Keskeiset tietoaineistot: hakemukset, päätökset, varhaiskasvatussuunnitelmat
• Tietovarannon tietojärjestelmät: Effica, Muksunetti
"""


def test_a_heading_a_description_and_labelled_bullets():
    resources = imported(("kuvaus.txt", BULLETS.encode()))
    assert list(resources) == ["Talous", "Varhaiskasvatus"]
    talous = resources["Talous"]
    assert talous["purpose"] == "Kunnan talousarvion, kirjanpidon ja laskutuksen tiedot."
    assert talous["key_datasets"] == ["talousarvio", "tilinpäätös", "ostolaskut"]
    assert systems(talous) == [("Raindance", ""), ("Basware", "laskujen kierrätys")]
    assert talous["responsible"] == {}


PAGE = """<!DOCTYPE html>
<html lang="fi"><head><meta charset="utf-8"><title>{name} | Kuuselan kunta</title></head>
<body><a class="skip" href="#sisalto">Siirry sisältöön</a>
<header><nav aria-label="Päävalikko"><ul><li><a href="/">Etusivu</a></li><li><a href="/asuminen">Asuminen</a></li></ul></nav>
<button>Tekstikoko</button></header>
<div class="cookie-consent"><p>Käytämme evästeitä.</p></div>
<main id="sisalto"><ol class="breadcrumb"><li>Etusivu</li><li>Hallinto</li></ol><h1>{name}</h1>
<p>Tietovarannon käyttötarkoitus: {purpose}</p>
<p>Keskeiset tietojärjestelmät: {systems}<span class="visually-hidden"> (avautuu uuteen ikkunaan)</span></p>
<details><summary>Miten tietoja voi pyytää?</summary><p>Tiedot ovat osittain salassa pidettäviä.</p></details>
</main>
<footer><a href="/sivukartta">Sivukartta</a></footer></body></html>
"""


def test_one_web_page_per_resource_in_a_folder(tmp_path):
    folder = tmp_path / "sivut"
    folder.mkdir()
    pages = {
        "1-rakennusvalvonta.html": ("Rakennusvalvonta", "rakennuslupien käsittely", "Lupapiste, Trimble Locus"),
        "2-vesihuolto.html": ("Vesihuolto", "vesihuollon laskutus", "KuntaNet"),
    }
    for file, (name, purpose, names) in pages.items():
        (folder / file).write_text(PAGE.format(name=name, purpose=purpose, systems=names), encoding="utf-8")
    recognition = recognise([folder], organization_name=ORGANIZATION)
    resources = {r["name"]: r for r in recognition_catalog(recognition)["resources"]}
    assert list(resources) == ["Rakennusvalvonta", "Vesihuolto"]
    assert resources["Rakennusvalvonta"]["purpose"] == "rakennuslupien käsittely"
    assert systems(resources["Rakennusvalvonta"]) == [("Lupapiste", ""), ("Trimble Locus", "")]
    assert resources["Vesihuolto"]["disclosure"]["level"] == "partial"
    texts = {b.text for b in recognition.blocks}
    assert not texts & {"Siirry sisältöön", "Tekstikoko", "Sivukartta", "Etusivu", "Asuminen", "Käytämme evästeitä."}
    assert not recognition.unplaced
    rakennusvalvonta = recognition.resources[0]
    assert rakennusvalvonta.where.file.endswith("1-rakennusvalvonta.html") and rakennusvalvonta.where.line == 7


def test_field_headings_without_colons_and_a_table_in_word():
    document = docx_bytes(
        [
            ("h1", "Kuuselan kunnan tietovarannot"),
            ("h2", "Sosiaalipalvelut"),
            ("h3", "Aikuissosiaalityö"),
            ("h4", "Käyttötarkoitus"),
            ("p", "Aikuissosiaalityön asiakkuuksien hoito."),
            ("h4", "Tietojärjestelmät"),
            ("li", "Pro Consona"),
            ("li", "asiakirjojen arkistointi (Dynasty)"),
            ("h4", "Vastuuhenkilö"),
            ("p", "sosiaalijohtaja"),
            ("h2", "Muut tietovarannot"),
            (
                "table",
                [
                    ("Tietovaranto", "Käyttötarkoitus", "Vastuu", "Tietojärjestelmät"),
                    ("Kirjasto", "lainaus ja asiakkuudet", "kirjastotoimenjohtaja", "Koha"),
                    ("Liikuntapaikat", "vuorojen varaus", "liikuntasihteeri", "Timmi, Excel"),
                ],
            ),
        ]
    )
    resources = imported(("kuvaus.docx", document))
    assert list(resources) == ["Aikuissosiaalityö", "Kirjasto", "Liikuntapaikat"]
    aikuis = resources["Aikuissosiaalityö"]
    assert aikuis["purpose"] == "Aikuissosiaalityön asiakkuuksien hoito."
    assert systems(aikuis) == [("Pro Consona", ""), ("Dynasty", "asiakirjojen arkistointi")]
    assert aikuis["responsible"]["title"] == "sosiaalijohtaja"
    assert resources["Liikuntapaikat"]["responsible"]["title"] == "liikuntasihteeri"
    assert systems(resources["Liikuntapaikat"]) == [("Timmi", ""), ("Excel", "")]


def test_numbered_chapters_and_grouped_names_in_a_pdf():
    pdf = pdf_bytes(
        [
            [
                "Asiakirjajulkisuuskuvaus",
                "1. Hallinto",
                "• Hallintoasioiden tietovaranto. Käyttötarkoitus: päätöksenteko ja asianhallinta. "
                "Tietojärjestelmät: Dynasty.",
                "• Henkilöstöhallinnon tietovaranto. Käyttötarkoitus: palvelussuhteiden hoito.",
                "2. Tekninen toimi",
            ],
            [
                "Tekniset tietovarannot",
                "• Katujen ja puistojen aineistot,",
                "• Kiinteistöjen aineistot.",
                "Vastuuhenkilönä toimii tekninen johtaja.",
            ],
        ]
    )
    recognition = recognise([("kuvaus.pdf", pdf)], organization_name=ORGANIZATION)
    resources = {r["name"]: r for r in recognition_catalog(recognition)["resources"]}
    assert list(resources) == [
        "Hallintoasioiden tietovaranto",
        "Henkilöstöhallinnon tietovaranto",
        "Katujen ja puistojen aineistot",
        "Kiinteistöjen aineistot",
    ]
    assert resources["Hallintoasioiden tietovaranto"]["purpose"] == "päätöksenteko ja asianhallinta."
    assert systems(resources["Hallintoasioiden tietovaranto"]) == [("Dynasty", "")]
    assert resources["Kiinteistöjen aineistot"]["responsible"]["title"] == "tekninen johtaja"
    assert resources["Katujen ja puistojen aineistot"]["responsible"]["title"] == "tekninen johtaja"
    assert recognition.resources[2].where.page == 2
    assert recognition.resources[2].confidence < recognition.resources[0].confidence


SWEDISH = """Hoppa till innehållet

Offentlighet för information och handlingar - Förvaltningsuppgifter

Vilken information innehåller förvaltningsuppgifterna?

 • bokföring
 • upphandlingar

I vilket syfte används informationen?

Informationen används för förvaltningen.

Datasystem

 • ekonomiförvaltning (Kieku)
 • upphandlingssystem (Hilma, Handi)

Hoppa till innehållet

Offentlighet för information och handlingar - Personaluppgifter

Vilken information innehåller personaluppgifterna?

 • löneuppgifter

Datasystem

 • rekrytering (Valtiolle.fi)
"""


def test_question_headings_in_swedish_one_page_per_resource():
    resources = imported(("beskrivning.txt", SWEDISH.encode()))
    assert list(resources) == ["Förvaltningsuppgifter", "Personaluppgifter"]
    forvaltning = resources["Förvaltningsuppgifter"]
    assert forvaltning["key_datasets"] == ["bokföring", "upphandlingar"]
    assert forvaltning["purpose"] == "Informationen används för förvaltningen."
    assert systems(forvaltning) == [
        ("Kieku", "ekonomiförvaltning"),
        ("Hilma", "upphandlingssystem"),
        ("Handi", "upphandlingssystem"),
    ]


ENTRIES = """Tietojärjestelmät ja selosteet

Primus - oppilashallinnon ohjelma

käyttötarkoitus: oppilastietojen hallinta
vastuuyksikkö: sivistyslautakunta / rehtori

Kirjaston aineistot. Käyttötarkoitus: lainaus. Tiedot tallennetaan kirjastojärjestelmään.
"""


def test_one_entry_per_system_with_lower_case_labels_and_a_system_in_a_sentence():
    resources = imported(("selosteet.txt", ENTRIES.encode()))
    primus = resources["Primus - oppilashallinnon ohjelma"]
    assert systems(primus) == [("Primus", "oppilashallinnon ohjelma")]
    assert primus["responsible"]["title"] == "sivistyslautakunta / rehtori"
    assert systems(resources["Kirjaston aineistot"]) == [("kirjastojärjestelmä", "")]


def test_a_csv_table_with_its_own_headings(tmp_path):
    path = tmp_path / "tietovarannot.csv"
    path.write_text(
        "Toimiala;Tietovaranto;Tietovarannon käyttötarkoitus;Vastuuhenkilö;Keskeiset tietojärjestelmät\n"
        "Hallinto;Asianhallinta;asioiden käsittely;hallintojohtaja;Dynasty\n"
        "Hallinto;Talous;kirjanpito;talousjohtaja;Raindance, Excel\n",
        encoding="utf-8",
    )
    catalog = recognition_catalog(recognise([path], organization_name=ORGANIZATION))
    assert [(s["name"]) for s in catalog["sections"]] == ["Hallinto"]
    talous = {r["name"]: r for r in catalog["resources"]}["Talous"]
    assert talous["responsible"]["title"] == "talousjohtaja"
    assert systems(talous) == [("Raindance", ""), ("Excel", "")]


def test_several_files_import_as_one_organisation(tmp_path):
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(BULLETS, encoding="utf-8")
    second.write_text(ENTRIES, encoding="utf-8")
    resources = imported(first, Path(second))
    assert {"Talous", "Varhaiskasvatus", "Kirjaston aineistot"} <= set(resources)


ACCORDION = """<html><body><main>
<h2>3.2 Ympäristöpalvelut</h2>
<div class="accordion">
<h3><button aria-expanded="false">Ympäristövalvonta</button></h3>
<div><p><strong>Käyttötarkoitus</strong><br>ympäristölupien valvonta</p>
<p><strong>Tietojärjestelmät</strong><br>Dynasty ja Excel</p></div>
<p><strong>Jätehuolto</strong></p>
<p>Tietovaranto: Jätehuoltorekisteri. Käyttötarkoitus: jätemaksut.</p>
<p>Rekisteristä vastaa jätehuoltoinsinööri.</p>
</div></main></body></html>"""


def test_an_accordion_with_bold_labels_and_a_name_after_its_label():
    resources = imported(("kuvaus.html", ACCORDION.encode()))
    assert list(resources) == ["Ympäristövalvonta", "Jätehuoltorekisteri"]
    valvonta = resources["Ympäristövalvonta"]
    assert valvonta["purpose"] == "ympäristölupien valvonta"
    assert systems(valvonta) == [("Dynasty", ""), ("Excel", "")]
    assert resources["Jätehuoltorekisteri"]["purpose"] == "jätemaksut."
    assert resources["Jätehuoltorekisteri"]["responsible"]["title"] == "jätehuoltoinsinööri"


def test_a_workbook_in_its_own_layout_one_row_per_resource(tmp_path):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Sivistyspalvelut"
    sheet.append(["Tietovarannon nimi", "Tarkoitus", "Vastuutaho", "Järjestelmät"])
    sheet.append(["Perusopetus", "opetuksen järjestäminen", "sivistysjohtaja", "Wilma, Primus"])
    sheet.append([None, None, None, None])
    sheet.append(["Kirjasto", "lainaus", "kirjastonjohtaja", "Koha"])
    path = tmp_path / "tietovarannot.xlsx"
    workbook.save(path)
    catalog = recognition_catalog(recognise([path], organization_name=ORGANIZATION))
    assert [s["name"] for s in catalog["sections"]] == ["Sivistyspalvelut"]
    resources = {r["name"]: r for r in catalog["resources"]}
    assert list(resources) == ["Perusopetus", "Kirjasto"]
    assert systems(resources["Perusopetus"]) == [("Wilma", ""), ("Primus", "")]
    assert resources["Kirjasto"]["responsible"]["title"] == "kirjastonjohtaja"


def test_a_pdfs_wrapped_lines_are_read_as_the_paragraphs_they_were():
    pdf = pdf_bytes(
        [
            [
                "Tietovarannot",
                "Asianhallinta",
                "Käyttötarkoitus: kunnan asioiden vireillepano, käsittely, päätöksenteko ja",
                "arkistointi sekä asiakirjojen julkisuuden ja salassapidon hallinta koko",
                "elinkaaren ajan.",
                "Tietojärjestelmät: Dynasty, Kuntarekry",
                "Vastuuhenkilö",
                "hallintojohtaja",
            ]
        ]
    )
    resources = imported(("kuvaus.pdf", pdf))
    asianhallinta = resources["Asianhallinta"]
    assert asianhallinta["purpose"] == (
        "kunnan asioiden vireillepano, käsittely, päätöksenteko ja arkistointi sekä asiakirjojen "
        "julkisuuden ja salassapidon hallinta koko elinkaaren ajan."
    )
    assert systems(asianhallinta) == [("Dynasty", ""), ("Kuntarekry", "")]
    assert asianhallinta["responsible"]["title"] == "hallintojohtaja"


GROUPS = """<html><body><main>
<h2>Sosiaalipalveluiden tietovarannot</h2>
<ul><li><strong>Lastensuojelu</strong> – lastensuojelun asiakastiedot (Lifecare)</li>
<li><strong>Aikuissosiaalityö</strong> – toimeentulotuki ja sosiaaliohjaus (Lifecare)</li></ul>
<p>Vastuuhenkilö: sosiaalipalvelujohtaja</p>
<h2>Hallinnon tietovarannot</h2>
<table><tr><td><b>Tietovaranto</b></td><td><b>Kuvaus</b></td><td><b>Tietojärjestelmät</b></td></tr>
<tr><td>Henkilöstöhallinto</td><td>palvelussuhteet</td><td>Sarastia, Populus</td></tr></table>
</main></body></html>"""


def test_bold_names_in_a_grouped_list_and_a_table_whose_header_is_not_marked_as_one():
    resources = imported(("kuvaus.html", GROUPS.encode()))
    assert list(resources) == ["Lastensuojelu", "Aikuissosiaalityö", "Henkilöstöhallinto"]
    assert resources["Lastensuojelu"]["purpose"] == "lastensuojelun asiakastiedot (Lifecare)"
    assert systems(resources["Lastensuojelu"]) == [("Lifecare", "lastensuojelun asiakastiedot")]
    assert resources["Aikuissosiaalityö"]["responsible"]["title"] == "sosiaalipalvelujohtaja"
    assert resources["Henkilöstöhallinto"]["purpose"] == "palvelussuhteet"
    assert systems(resources["Henkilöstöhallinto"]) == [("Sarastia", ""), ("Populus", "")]


LONG_INTRODUCTION = """Kuuselan kunnan tietovarannot

Rakennusvalvonta

Rakennusvalvonta valvoo rakentamista kunnassa.

Se myöntää rakennusluvat ja tekee katselmukset.

Rakennusvalvonnan asiakirjat säilytetään pysyvästi.

Tietojärjestelmät
- Lupapiste
- Trimble Locus
"""


def test_a_heading_whose_fields_come_after_several_paragraphs_is_a_resource():
    recognition = recognise([("kuvaus.txt", LONG_INTRODUCTION.encode())], organization_name=ORGANIZATION)
    (resource,) = recognition_catalog(recognition)["resources"]
    assert resource["name"] == "Rakennusvalvonta"
    assert resource["purpose"].startswith("Rakennusvalvonta valvoo rakentamista kunnassa.")
    assert systems(resource) == [("Lupapiste", ""), ("Trimble Locus", "")]
    assert not recognition.unplaced


RESPONSIBLE_FIRST = """Hallinnon tietovarannot

Hallinnon tietovarannoista vastaa hallintojohtaja.

- Asianhallinta
- Henkilöstöhallinto

Teknisen toimen tietovarannot

- Kaavoitus
  - Käyttötarkoitus – kaavojen laatiminen
"""


def test_a_groups_responsible_written_before_its_names_and_labels_after_a_dash():
    resources = imported(("kuvaus.txt", RESPONSIBLE_FIRST.encode()))
    assert [(name, r["responsible"].get("title")) for name, r in resources.items()] == [
        ("Asianhallinta", "hallintojohtaja"),
        ("Henkilöstöhallinto", "hallintojohtaja"),
        ("Kaavoitus", None),
    ]
    dashed = recognise([("kuvaus.txt", b"Kaavoitus\n- K\xc3\xa4ytt\xc3\xb6tarkoitus \xe2\x80\x93 kaavat\n")])
    assert dashed.resources[0].fields["purpose"].text == "kaavat"
