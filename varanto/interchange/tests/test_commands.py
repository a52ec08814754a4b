"""`varanto import` and `varanto export` as an administrator runs them."""

import json
import subprocess
import sys

import pytest
from django.core.management import CommandError, call_command

from varanto.catalog.models import DataResource, Organization
from varanto.conftest import IMATRA_PAGE
from varanto.interchange.validation import catalog_schema

pytestmark = pytest.mark.django_db


def run(*args):
    call_command(*args)


def test_import_text_then_export_json_gives_all_31_resources(tmp_path, capsys):
    run("import", str(IMATRA_PAGE))
    out = tmp_path / "imatra.json"
    run("export", "--format", "json", "-o", str(out))
    data = json.loads(out.read_text("utf-8"))
    assert data["format"] == "varanto.catalog/1"
    assert len(data["resources"]) == 31
    assert data["organization"]["name"] == "Imatran kaupunki"
    import jsonschema

    jsonschema.validate(data, catalog_schema())


def test_dry_run_prints_what_would_be_imported_and_writes_nothing(capsys):
    run("import", str(IMATRA_PAGE), "--dry-run")
    out = capsys.readouterr().out
    assert (
        "Vesihuolto – vesihuoltopäällikkö; disclosure: partial; interface: no; systems: Vesikanta CGI, KeyPro (verkosto)"
        in out
    )
    assert "31 data resources" in out
    assert "Dry run: nothing was written." in out
    assert not Organization.objects.exists()


def test_import_reports_text_it_could_only_put_in_notes_with_its_line(tmp_path, capsys):
    page = tmp_path / "page.txt"
    page.write_text(
        "Tietovarannot\n\nTESTILÄN KUNNAN PALVELUT\n\nArkisto, Vastuu: arkistonhoitaja\n\n"
        "- Käyttötarkoitus: Arkistointi\n- Erikoiskenttä: jotain\n",
        encoding="utf-8",
    )
    run("import", str(page), "--organization", "Testilän kunta", "--allow-undated")
    err = capsys.readouterr().err
    assert "line 8: Arkisto: 'Erikoiskenttä' is not a known field; kept in notes" in err
    assert "no 'Päivitetty' date found; the update date is left empty" in err
    assert DataResource.objects.get().notes == "Erikoiskenttä: jotain"


def _bad_inputs(tmp_path):
    text = IMATRA_PAGE.read_text("utf-8")
    truncated_text = tmp_path / "truncated.txt"
    truncated_text.write_text(text[: text.index("- Käyttötarkoitus: Vesihuollon")], encoding="utf-8")
    truncated_json = tmp_path / "truncated.json"
    truncated_json.write_text('{"format": "varanto.catalog/1", "organization": {"na', encoding="utf-8")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(bytes(range(256)) * 10)
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n\n", encoding="utf-8")
    no_name = tmp_path / "no-name.txt"
    no_name.write_text(text.replace("Talous, Vastuu:", ", Vastuu:"), encoding="utf-8")
    no_name_json = tmp_path / "no-name.json"
    no_name_json.write_text(
        json.dumps(
            {
                "format": "varanto.catalog/1",
                "organization": {"name": "X"},
                "sections": [{"key": "a", "name": "A"}],
                "resources": [{"key": "r", "name": "", "section": "a"}],
                "systems": [],
            }
        ),
        encoding="utf-8",
    )
    prose = tmp_path / "prose.txt"
    prose.write_text("Tämä on vain tavallinen kirje.\n\nSiinä ei ole tietovarantoja.\n", encoding="utf-8")
    return {
        "truncated text": (truncated_text, "data resource 'Vesihuolto' has no fields (is the file cut short?)"),
        "truncated json": (truncated_json, "line 1, column 50: not valid JSON"),
        "binary": (binary, "binary file"),
        "empty": (empty, "the file is empty"),
        "resource without a name (text)": (no_name, "line 36: a data resource without a name"),
        "resource without a name (json)": (no_name_json, "resources[0].name: '' should be non-empty"),
        "no structure": (prose, "no structure recognised"),
    }


@pytest.mark.parametrize(
    "case",
    [
        "truncated text",
        "truncated json",
        "binary",
        "empty",
        "resource without a name (text)",
        "resource without a name (json)",
        "no structure",
    ],
)
def test_bad_input_gets_a_clear_message_and_nothing_is_written(tmp_path, case):
    path, message = _bad_inputs(tmp_path)[case]
    with pytest.raises(CommandError) as error:
        run("import", str(path))
    assert f"Nothing was imported from {path}" in str(error.value)
    assert message in str(error.value)
    assert not Organization.objects.exists()


@pytest.mark.parametrize("cut", [2000, 5000, 9000, 15000, 16900])
def test_a_page_cut_short_anywhere_before_its_update_date_imports_nothing(tmp_path, cut):
    data = IMATRA_PAGE.read_bytes()[:cut]
    assert "Päivitetty".encode() not in data
    truncated = tmp_path / "truncated.txt"
    truncated.write_bytes(data)
    with pytest.raises(CommandError) as error:
        run("import", str(truncated))
    assert "the file may be cut short (it ends at line" in str(error.value)
    assert "--allow-undated" in str(error.value)
    assert not Organization.objects.exists()


def test_console_script_exits_non_zero_on_bad_input(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = subprocess.run(
        [sys.executable, "-m", "varanto", "import", str(empty), "--dry-run"], capture_output=True, text=True
    )
    assert result.returncode != 0
    assert "the file is empty" in result.stderr
