"""Importing XLSX and CSV: every problem names sheet (or file), row and column, and nothing is written."""

import io
import json
import zipfile

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from varanto.catalog.models import DataResource, Organization
from varanto.conftest import DEMO_CATALOG
from varanto.interchange.formats.csv import catalog_csv_zip
from varanto.interchange.formats.xlsx import catalog_xlsx

pytestmark = pytest.mark.django_db


def workbook():
    return load_workbook(io.BytesIO(catalog_xlsx(json.loads(DEMO_CATALOG.read_text("utf-8")))))


def column_of(sheet, heading: str) -> int:
    return next(c.column for c in sheet[1] if c.value == heading)


def set_cell(book, sheet: str, row: int, heading: str, value) -> None:
    ws = book[sheet]
    ws.cell(row=row, column=column_of(ws, heading)).value = value


def import_problems(book, tmp_path) -> str:
    path = tmp_path / "kuvaus.xlsx"
    book.save(path)
    with pytest.raises(CommandError) as error:
        call_command("import", str(path))
    assert not Organization.objects.exists()
    assert not DataResource.objects.exists()
    return str(error.value)


@pytest.mark.parametrize(
    ("sheet", "row", "heading", "value", "message"),
    [
        (
            "Tietovarannot",
            3,
            "Tietojen luovutus",
            "salainen",
            "sheet 'Tietovarannot', row 3, column I (Tietojen luovutus): 'salainen' is not one of: julkinen, osittain",
        ),
        (
            "Tietovarannot",
            5,
            "Toimiala",
            "Puuttuva toimiala",
            "sheet 'Tietovarannot', row 5, column C (Toimiala): no section has the name or key 'Puuttuva toimiala'",
        ),
        (
            "Tietovarannot",
            2,
            "Tietojärjestelmät",
            "M-Files\nTuntematon (jotain)",
            "sheet 'Tietovarannot', row 2, column P (Tietojärjestelmät): 'Tuntematon (jotain)': no system of that name",
        ),
        ("Tietovarannot", 4, "Henkilötietoja", "ehkä", "row 4, column V (Henkilötietoja): 'ehkä' is not kyllä or ei"),
        ("Tietovarannot", 4, "Tarkistettu", "31.2.2024", "row 4, column AC (Tarkistettu): '31.2.2024' is not a date"),
        (
            "Tietovarannot",
            6,
            "Tarkistusväli (kk)",
            "vuosi",
            "row 6, column AD (Tarkistusväli (kk)): 'vuosi' is not a whole number",
        ),
        ("Tietovarannot", 6, "Linkit", "Sivu <https://a.example> [muu]", "row 6, column U (Linkit): [muu]"),
        (
            "Tietovarannot",
            7,
            "Tunniste",
            "talous",
            "sheet 'Tietovarannot', row 7, column A (Tunniste): 'talous' is already used on row",
        ),
        (
            "Tietovarannot",
            8,
            "Nimi",
            "x" * 201,
            "sheet 'Tietovarannot', row 8, column B (Nimi): Tämän arvon tulee olla enintään 200 merkkiä pitkä",
        ),
        (
            "Tietovarannot",
            9,
            "Tunniste",
            "Ei Kelpaa",
            "sheet 'Tietovarannot', row 9, column A (Tunniste): Anna lyhytnimi",
        ),
        (
            "Toimialat",
            2,
            "Tunniste",
            "konserni_palvelut",
            "sheet 'Toimialat', row 2, column A (Tunniste): 'konserni_palvelut' does not match",
        ),
        (
            "Organisaatio",
            2,
            "Kirjaamon sähköposti",
            "ei-osoite",
            "sheet 'Organisaatio', row 2, column I (Kirjaamon sähköposti): Syötä kelvollinen sähköpostiosoite.",
        ),
        (
            "Tietojärjestelmät",
            3,
            "Nimi",
            "m-files",
            "sheet 'Tietojärjestelmät', row 3, column B (Nimi): 'm-files' is already used on row 2",
        ),
        (
            "Karttatasot",
            2,
            "Rajapintapalvelu",
            "WFS",
            "sheet 'Karttatasot', row 2, column A (Rajapintapalvelu): no data service has the name or key 'WFS'",
        ),
    ],
)
def test_a_bad_cell_is_reported_with_sheet_row_and_column(tmp_path, sheet, row, heading, value, message):
    book = workbook()
    set_cell(book, sheet, row, heading, value)
    assert message in import_problems(book, tmp_path)


def test_every_problem_is_listed_not_only_the_first(tmp_path):
    book = workbook()
    set_cell(book, "Tietovarannot", 3, "Tietojen luovutus", "salainen")
    set_cell(book, "Tietovarannot", 10, "Tekninen rajapinta", "ehkä")
    problems = import_problems(book, tmp_path)
    assert "row 3, column I (Tietojen luovutus)" in problems
    assert "row 10, column M (Tekninen rajapinta)" in problems


def test_an_unknown_heading_and_a_missing_required_column_are_named(tmp_path):
    book = workbook()
    book["Tietovarannot"]["C1"] = "Osasto"
    problems = import_problems(book, tmp_path)
    assert "sheet 'Tietovarannot', column C: unknown heading 'Osasto'" in problems
    assert "sheet 'Tietovarannot': the column 'Toimiala' is missing" in problems


def test_a_missing_table_is_named(tmp_path):
    book = workbook()
    del book["Toimialat"]
    assert "Toimialat: the table is missing" in import_problems(book, tmp_path)


def test_the_organisation_sheet_needs_exactly_one_row(tmp_path):
    book = workbook()
    book["Organisaatio"].append(["Toinen kunta"])
    assert "Organisaatio: exactly one row is needed, found 2" in import_problems(book, tmp_path)


def test_a_record_without_a_name_is_reported_at_its_row(tmp_path):
    book = workbook()
    set_cell(book, "Toimialat", 3, "Nimi", None)
    problems = import_problems(book, tmp_path)
    assert "sheet 'Toimialat', row 3, column B (Nimi): a value is required" in problems


def test_a_file_that_is_not_a_workbook_is_refused_clearly(tmp_path):
    path = tmp_path / "kuvaus.xlsx"
    path.write_text("tämä ei ole työkirja", encoding="utf-8")
    with pytest.raises(CommandError, match="not an Excel workbook"):
        call_command("import", str(path))


def test_csv_problems_name_the_file_row_and_column(tmp_path):
    archive = zipfile.ZipFile(io.BytesIO(catalog_csv_zip(json.loads(DEMO_CATALOG.read_text("utf-8")))))
    folder = tmp_path / "kuvaus"
    archive.extractall(folder)
    path = folder / "toimialat.csv"
    text = path.read_text("utf-8-sig").replace(";toimiala;", ";osasto;", 1)
    path.write_text(text, encoding="utf-8-sig")
    with pytest.raises(CommandError) as error:
        call_command("import", str(folder / "tietovarannot.csv"))
    assert "toimialat.csv, row 2, column C (Tyyppi): 'osasto' is not one of: toimiala" in str(error.value)
    assert not Organization.objects.exists()


def test_a_csv_saved_by_excel_in_windows_1252_is_read_with_a_warning(tmp_path, capsys):
    archive = zipfile.ZipFile(io.BytesIO(catalog_csv_zip(json.loads(DEMO_CATALOG.read_text("utf-8")))))
    folder = tmp_path / "kuvaus"
    archive.extractall(folder)
    path = folder / "toimialat.csv"
    path.write_bytes(path.read_text("utf-8-sig").encode("cp1252"))
    call_command("import", str(folder))
    assert "toimialat.csv: not UTF-8; read as Windows-1252" in capsys.readouterr().err
    assert Organization.objects.get().sections.filter(name="Hyvinvointi- ja koulutus").exists()


def test_a_csv_line_with_more_cells_than_headings_is_refused(tmp_path):
    archive = zipfile.ZipFile(io.BytesIO(catalog_csv_zip(json.loads(DEMO_CATALOG.read_text("utf-8")))))
    folder = tmp_path / "kuvaus"
    archive.extractall(folder)
    path = folder / "yhteyshenkilot.csv"
    lines = path.read_text("utf-8-sig").splitlines()
    lines[1] += ";ylimääräinen"
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8-sig")
    with pytest.raises(CommandError) as error:
        call_command("import", str(folder))
    assert "yhteyshenkilot.csv, row 2, column E: a value in a column without a heading" in str(error.value)
