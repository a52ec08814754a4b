"""CSV and XLSX: canonical → file → canonical gives the identical catalogue, and a person can read the files."""

import copy
import csv
import io
import json
import zipfile

import pytest
from django.core.management import call_command
from openpyxl import load_workbook

from varanto.catalog.models import Organization
from varanto.conftest import DEMO_CATALOG
from varanto.interchange.canonical import Audience, catalog_export
from varanto.interchange.formats.csv import catalog_csv_table, catalog_csv_zip, read_csv
from varanto.interchange.formats.xlsx import catalog_xlsx, read_xlsx, template_xlsx
from varanto.interchange.services import catalog_import
from varanto.interchange.tests.test_canonical import full_catalog

pytestmark = pytest.mark.django_db


def demo() -> dict:
    return json.loads(DEMO_CATALOG.read_text("utf-8"))


def via_xlsx(catalog: dict) -> dict:
    return read_xlsx(catalog_xlsx(catalog))[0]


def via_csv(catalog: dict, tmp_path) -> dict:
    path = tmp_path / "kuvaus-csv.zip"
    path.write_bytes(catalog_csv_zip(catalog))
    return read_csv(path)[0]


@pytest.fixture
def every_field() -> dict:
    """full_catalog() as the model gives it back: every field of the format, internal ones included."""
    return catalog_export(catalog_import(full_catalog(), acting_user=None).organization)


def test_imatra_catalogue_round_trips_through_xlsx_unchanged():
    assert via_xlsx(demo()) == demo()


def test_imatra_catalogue_round_trips_through_csv_unchanged(tmp_path):
    assert via_csv(demo(), tmp_path) == demo()


def test_every_field_round_trips_through_both_formats(every_field, tmp_path):
    assert via_xlsx(every_field) == every_field
    assert via_csv(every_field, tmp_path) == every_field


def test_public_view_round_trips_without_gaining_internal_fields(imatra, tmp_path):
    public = catalog_export(imatra, audience=Audience.PUBLIC)
    assert via_xlsx(public) == public
    assert via_csv(public, tmp_path) == public


def test_awkward_text_survives_both_formats(every_field, tmp_path):
    resource = every_field["resources"][0]
    resource["purpose"] = '=SUM(A1:A2) ei kaava\n\nToinen kappale; puolipiste, "lainaus"'
    resource["notes"] = "'heittomerkki alussa"
    resource["systems"][0]["usage"] = "alusta (mm. Outlook, Teams)"
    resource["key_datasets"] = ["-viiva alussa", "@at alussa"]
    assert via_xlsx(every_field) == every_field
    assert via_csv(every_field, tmp_path) == every_field


def test_importing_the_xlsx_export_writes_the_same_catalogue(imatra, tmp_path):
    original = catalog_export(imatra)
    path = tmp_path / "imatra.xlsx"
    call_command("export", "--format", "xlsx", "-o", str(path))
    call_command("import", str(path), "--replace")
    assert catalog_export(Organization.objects.get()) == original


def test_importing_the_csv_export_writes_the_same_catalogue(imatra, tmp_path):
    original = catalog_export(imatra)
    path = tmp_path / "imatra-csv.zip"
    call_command("export", "--format", "csv", "-o", str(path))
    call_command("import", str(path), "--replace")
    assert catalog_export(Organization.objects.get()) == original


def test_csv_import_takes_a_folder_or_one_of_its_files(tmp_path):
    with zipfile.ZipFile(io.BytesIO(catalog_csv_zip(demo()))) as archive:
        archive.extractall(tmp_path / "kuvaus")
    assert read_csv(tmp_path / "kuvaus")[0] == demo()
    assert read_csv(tmp_path / "kuvaus" / "tietovarannot.csv")[0] == demo()


def test_xlsx_has_instructions_first_and_one_sheet_per_kind_with_finnish_headings():
    workbook = load_workbook(io.BytesIO(catalog_xlsx(demo())))
    assert workbook.sheetnames == [
        "Ohjeet",
        "Organisaatio",
        "Kuvaustekstit",
        "Yhteyshenkilöt",
        "Toimialat",
        "Tietovarannot",
        "Tietojärjestelmät",
        "Prosessit",
        "Liittymät",
        "Avoin data",
        "Rajapintapalvelut",
        "Karttatasot",
        "Tehtäväluokat",
        "Toimenpiteet",
        "Asiakirjatyypit",
    ]
    resources = workbook["Tietovarannot"]
    headings = [c.value for c in resources[1]]
    assert headings[:4] == ["Tunniste", "Nimi", "Toimiala", "Vastuutaho"]
    assert "Nimi (ruotsiksi)" in headings
    rows = {row[1]: dict(zip(headings, row, strict=False)) for row in resources.iter_rows(min_row=2, values_only=True)}
    water = rows["Vesihuolto"]
    assert water["Toimiala"] == "Kaupunkikehitys ja tekniset palvelut"
    assert water["Tietojärjestelmät"].startswith("Vesikanta CGI\nKeyPro (verkosto)\nMipro (tuotanto ja raportointi)\n")
    assert water["Tietojen luovutus"] == "osittain"
    assert water["Tekninen rajapinta"] == "ei"
    assert rows["Varhaiskasvatus"]["Tietovirrat"] == (
        "Koski: Siirretään tietoa Koski -tietovarantoon.\nVarda: Siirretään tietoa Varda -tietovarantoon."
    )
    assert resources.freeze_panes == "C2"
    assert resources["H2"].alignment.wrap_text
    assert "Tietovarannot taulukkoina" in workbook["Ohjeet"]["A1"].value


def test_xlsx_offers_the_allowed_words_of_a_choice_as_a_drop_down():
    workbook = load_workbook(io.BytesIO(catalog_xlsx(demo())))
    lists = [v.formula1 for v in workbook["Tietovarannot"].data_validations.dataValidation]
    assert '"julkinen,osittain,vain nimetyille saajille,vain sisäiseen käyttöön,ei luovuteta"' in lists


def test_text_that_looks_like_a_formula_stays_text_in_xlsx(every_field):
    every_field["resources"][0]["purpose"] = '=HYPERLINK("http://x")'
    workbook = load_workbook(io.BytesIO(catalog_xlsx(every_field)))
    cell = next(c for c in workbook["Tietovarannot"][2] if c.value == '=HYPERLINK("http://x")')
    assert cell.data_type == "s"


def test_csv_opens_in_finnish_excel_utf8_with_semicolons_and_finnish_dates():
    data = catalog_csv_table(demo(), "organisaatio.csv")
    assert data.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    organisation = dict(zip(rows[0], rows[1], strict=False))
    assert organisation["Nimi"] == "Imatran kaupunki"
    assert organisation["Päivitetty"] == "21.2.2023"
    assert organisation["Tyyppi"] == "kunta"


def test_csv_zip_has_one_file_per_kind_and_the_instructions():
    with zipfile.ZipFile(io.BytesIO(catalog_csv_zip(demo()))) as archive:
        names = archive.namelist()
        readme = archive.read("LUEMINUT.txt").decode("utf-8-sig")
    assert names[0] == "LUEMINUT.txt"
    assert {
        "organisaatio.csv",
        "toimialat.csv",
        "tietovarannot.csv",
        "tietojarjestelmat.csv",
        "karttatasot.csv",
    } <= set(names)
    assert "puolipisteellä" in readme


def test_template_is_blank_with_every_column_and_a_filled_copy_imports(tmp_path):
    workbook = load_workbook(io.BytesIO(template_xlsx()))
    assert workbook.sheetnames[0] == "Ohjeet"
    assert workbook["Tietovarannot"].max_row == 1
    assert "Tietoturvatoimenpiteet" in [c.value for c in workbook["Tietovarannot"][1]]

    headings = {name: [c.value for c in workbook[name][1]] for name in workbook.sheetnames[1:]}

    def fill(sheet: str, values: dict) -> None:
        workbook[sheet].append([values.get(h) for h in headings[sheet]])

    fill("Organisaatio", {"Nimi": "Pohjalan kunta", "Kirjaamon sähköposti": "kirjaamo@pohjala.example"})
    fill("Toimialat", {"Nimi": "Sivistystoimi", "Tyyppi": "toimiala"})
    fill("Tietojärjestelmät", {"Nimi": "Primus"})
    fill(
        "Tietovarannot",
        {
            "Nimi": "Oppilashallinto",
            "Toimiala": "sivistystoimi",
            "Tietojärjestelmät": "Primus (oppilasrekisteri)",
            "Tietojen luovutus": "Vain nimetyille saajille",
            "Luovutuksensaajat": "huoltajat\nKoski",
            "Henkilötietoja": "kyllä",
            "Linkit": "Tietosuojaseloste <https://pohjala.example/ts> [tietosuojaseloste]",
        },
    )
    path = tmp_path / "pohjala.xlsx"
    workbook.save(path)
    call_command("import", str(path))

    catalog = catalog_export(Organization.objects.get(name="Pohjalan kunta"))
    resource = catalog["resources"][0]
    assert resource["key"] == "oppilashallinto"
    assert resource["section"] == "sivistystoimi"
    assert resource["systems"] == [{"name": "Primus", "usage": "oppilasrekisteri"}]
    assert resource["disclosure"]["level"] == "restricted"
    assert resource["disclosure"]["recipients"] == ["huoltajat", "Koski"]
    assert resource["personal_data"] is True
    assert resource["links"] == [
        {"title": "Tietosuojaseloste", "url": "https://pohjala.example/ts", "kind": "privacy_notice"}
    ]
    assert resource["review"]["cycle_months"] == 12


def test_references_are_written_by_key_where_a_name_would_be_ambiguous(every_field):
    every_field["sections"][1]["name"] = every_field["sections"][0]["name"]
    catalog = copy.deepcopy(every_field)
    workbook = load_workbook(io.BytesIO(catalog_xlsx(catalog)))
    sections_written = [row[2] for row in workbook["Tietovarannot"].iter_rows(min_row=2, values_only=True)]
    assert sections_written == ["hallinto", "seutu"]
    assert via_xlsx(catalog) == every_field
