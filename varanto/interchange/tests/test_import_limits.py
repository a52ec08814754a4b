"""Bounded imports: a file that would exhaust the server, or that no reader can take, is refused with a
clear message naming the file and where in it, and nothing is written (issue 12, finding 8)."""

import io
import json
import subprocess
import sys
import zipfile

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from varanto.catalog.models import DataResource, Organization
from varanto.conftest import DEMO_CATALOG, IMATRA_PAGE
from varanto.interchange.canonical import catalog_export
from varanto.interchange.formats.csv import catalog_csv_zip
from varanto.interchange.formats.xlsx import catalog_xlsx, read_xlsx
from varanto.interchange.limits import json_depth, xml_parse
from varanto.interchange.validation import CatalogError

pytestmark = pytest.mark.django_db


def refused(*args) -> str:
    """The message `varanto import` stops with; the test checks nothing was written."""
    before = (Organization.objects.count(), DataResource.objects.count())
    with pytest.raises(CommandError) as error:
        call_command("import", *map(str, args))
    assert (Organization.objects.count(), DataResource.objects.count()) == before
    assert "Traceback" not in str(error.value)
    return str(error.value)


def test_a_csv_zip_bomb_is_refused_before_it_is_unpacked(tmp_path, settings):
    settings.IMPORT_MAX_UNPACKED_MB = 50
    bomb = tmp_path / "kuvaus.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("tietovarannot.csv", "w", force_zip64=True) as member:
            member.write(b'nimi;tunniste\r\n"')
            for _ in range(60):
                member.write(b"a" * 1_000_000)  # one cell of 60 MB, squeezed to a few hundred KB
    assert bomb.stat().st_size < 2_000_000
    message = refused(bomb)
    assert f"{bomb}: the zip would unpack to 60 MB; an import may unpack to at most 50 MB" in message
    assert "IMPORT_MAX_UNPACKED_MB" in message


def test_a_csv_cell_past_the_field_limit_names_the_file_and_line(tmp_path):
    folder = tmp_path / "csv"
    folder.mkdir()
    (folder / "tietovarannot.csv").write_text('nimi;tunniste\r\nKirjasto;k\r\n"' + "a" * 200_000 + "\r\n")
    message = refused(folder)
    assert "tietovarannot.csv, line 3: cannot be read as CSV (field larger than field limit" in message


def test_a_workbook_that_unpacks_too_far_is_refused_before_openpyxl_reads_it(tmp_path, settings):
    settings.IMPORT_MAX_UNPACKED_MB = 1
    path = tmp_path / "kuvaus.xlsx"
    path.write_bytes(catalog_xlsx({}, template=True))
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/sharedStrings.xml", b" " * 2_000_000)
    assert f"{path}: the zip would unpack to 2" in refused(path)


def test_a_workbook_with_an_entity_bomb_is_refused(tmp_path):
    source = io.BytesIO(catalog_xlsx({}, template=True))
    bombed = io.BytesIO()
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(bombed, "w") as out:
        for item in original.infolist():
            data = original.read(item)
            if item.filename == "xl/workbook.xml":
                data = b'<!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>' + data
            out.writestr(item, data)
    with pytest.raises(CatalogError) as error:
        read_xlsx(bombed.getvalue())
    assert error.value.problems == ["the workbook: the workbook's XML has a DTD or entities, which are not read"]


def test_a_file_larger_than_the_limit_is_refused_with_the_setting_named(tmp_path, settings):
    settings.IMPORT_MAX_FILE_MB = 1
    page = tmp_path / "sivu.txt"
    page.write_text(IMATRA_PAGE.read_text("utf-8") + "\nTäyte.\n" * 200_000, encoding="utf-8")
    message = refused(page)
    size = f"{page.stat().st_size / 1_000_000:.1f}"
    assert f"{page}: the file is {size} MB; an import may be at most 1 MB (IMPORT_MAX_FILE_MB)" in message


def test_a_page_with_thousands_of_warnings_lists_a_bounded_number(tmp_path, settings, capsys):
    settings.IMPORT_MAX_WARNINGS = 5
    text = IMATRA_PAGE.read_text("utf-8")
    page = tmp_path / "sivu.txt"
    unknown = "".join(f"- Tuntematon {n}: kenttä\n" for n in range(300))
    page.write_text(text.replace("- Käyttötarkoitus", unknown + "- Käyttötarkoitus", 1), encoding="utf-8")
    call_command("import", str(page), "--dry-run")
    err = capsys.readouterr().err
    assert err.count(f"{page}: line ") == 5
    assert f"{page}: … and 295 more warnings (IMPORT_MAX_WARNINGS=5)" in err


def test_deeply_nested_json_is_a_clean_error(tmp_path):
    path = tmp_path / "syva.json"
    path.write_text('{"organization": ' + "[" * 100_000 + "]" * 100_000 + "}")
    assert f"{path}: the JSON nests deeper than 32 levels (IMPORT_MAX_JSON_DEPTH)" in refused(path)
    shallow = tmp_path / "matala.json"
    shallow.write_text('{"a": ' + "[" * 40 + "]" * 40 + "}")
    assert "nests deeper than 32 levels" in refused(shallow)


def test_json_depth_counts_without_recursion():
    assert json_depth(1) == 0
    assert json_depth({"a": [1, {"b": []}]}) == 4
    nested: list = []
    for _ in range(100_000):
        nested = [nested]
    assert json_depth(nested) == 100_001


def test_a_bad_organisation_field_is_named(tmp_path):
    catalog = json.loads(DEMO_CATALOG.read_text("utf-8"))
    catalog["organization"] = "Imatran kaupunki"
    path = tmp_path / "kuvaus.json"
    path.write_text(json.dumps(catalog, ensure_ascii=False), encoding="utf-8")
    assert "organization: must be an object with the organisation's name" in refused(
        path, "--organization", "Imatran kaupunki"
    )
    assert "organization: 'Imatran kaupunki' is not of type 'object'" in refused(path)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8-sig", "utf-32"])
def test_a_page_saved_with_a_byte_order_mark_is_read(tmp_path, encoding, capsys):
    page = tmp_path / "sivu.txt"
    page.write_bytes(IMATRA_PAGE.read_text("utf-8").encode(encoding))
    call_command("import", str(page))
    assert DataResource.objects.filter(name="Kirjasto").exists()
    assert "not UTF-8" not in capsys.readouterr().err


def test_a_csv_zip_saved_as_utf16_is_read(imatra, tmp_path):
    catalog = catalog_export(imatra)
    original = zipfile.ZipFile(io.BytesIO(catalog_csv_zip(catalog)))
    path = tmp_path / "kuvaus.zip"
    with zipfile.ZipFile(path, "w") as out:
        for name in original.namelist():
            out.writestr(name, original.read(name).decode("utf-8-sig").encode("utf-16"))
    call_command("import", str(path), "--dry-run")


def test_a_text_that_lies_about_its_byte_order_mark_is_named(tmp_path):
    page = tmp_path / "sivu.txt"
    page.write_bytes(b"\xff\xfe" + "Tietovarannot\n".encode("utf-16-le") + b"\x00\xd8\x00")
    assert f"{page}, line 2: not utf-16-le as its byte-order mark says" in refused(page)


def test_xml_is_read_without_entities_or_dtds():
    assert xml_parse(b"<a><b>teksti</b></a>", "malli.xml").find("b").text == "teksti"
    laughs = b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><l>&b;</l>'
    with pytest.raises(CatalogError) as error:
        xml_parse(laughs, "malli.xml")
    assert error.value.problems == ["malli.xml: XML with a DTD or entities is not read (they can expand without bound)"]
    external = b'<!DOCTYPE l [<!ENTITY x SYSTEM "file:///etc/passwd">]><l>&x;</l>'
    with pytest.raises(CatalogError):
        xml_parse(external, "malli.xml")
    with pytest.raises(CatalogError) as error:
        xml_parse(b"<a>\n<b></a>", "malli.xml")
    assert error.value.problems == ["malli.xml, line 2, column 6: not well-formed XML"]


def test_the_console_script_exits_1_on_a_zip_bomb(tmp_path):
    bomb = tmp_path / "kuvaus.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("tietovarannot.csv", b"a" * 120_000_000)
    result = subprocess.run([sys.executable, "-m", "varanto", "import", str(bomb)], capture_output=True, text=True)
    assert result.returncode == 1
    assert "the zip would unpack to 120 MB" in result.stderr
    assert "Traceback" not in result.stderr
