"""The value rules on every import path (issue 12, findings 1, 2, 3 and the length limit of 7).

Each attack is written into a real file of each format that can carry it, imported with
`varanto import` into the Imatra catalogue, and shown refused (nothing written, the message
naming the file, the record and the field) or cleaned with a warning naming where.
"""

import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from varanto.catalog.declarations import LENGTH_LIMITS, ValueType
from varanto.catalog.models import DataResource
from varanto.conftest import IMATRA_PAGE
from varanto.interchange.canonical import catalog_export
from varanto.interchange.formats.csv import catalog_csv_zip
from varanto.interchange.formats.xlsx import catalog_xlsx

pytestmark = pytest.mark.django_db

KEY = "vesihuolto"
WRITERS = {
    "json": lambda catalog: json.dumps(catalog, ensure_ascii=False).encode("utf-8"),
    "xlsx": catalog_xlsx,
    "csv.zip": catalog_csv_zip,
}


def _file(tmp_path: Path, fmt: str, catalog: dict) -> Path:
    path = tmp_path / f"imatra.{fmt}"
    path.write_bytes(WRITERS[fmt](catalog))
    return path


def _resource(catalog: dict) -> dict:
    return next(r for r in catalog["resources"] if r["key"] == KEY)


def _refused(path: Path, organization) -> str:
    before = DataResource.objects.get(key=KEY).version
    with pytest.raises(CommandError) as refused:
        call_command("import", str(path), "--organization", organization.slug)
    assert DataResource.objects.get(key=KEY).version == before, "nothing is written"
    message = str(refused.value)
    assert str(path) in message
    return message


@pytest.mark.parametrize("fmt", WRITERS)
@pytest.mark.parametrize("url", ["javascript:alert(document.cookie)", "JavaScript:alert(1)", "data:text/html,x"])
def test_a_link_that_is_not_http_https_or_mailto_is_refused_on_import(imatra, tmp_path, fmt, url):
    catalog = catalog_export(imatra)
    _resource(catalog)["links"] = [{"title": "Lomake", "url": url, "kind": "web"}]
    message = _refused(_file(tmp_path, fmt, catalog), imatra)
    assert f"'{_resource(catalog)['name']}': links: " in message and url.strip() in message
    assert "http://, https://" in message and "mailto:" in message


@pytest.mark.parametrize("url", [" javascript:alert(1)", "java\tscript:alert(1)", "\x01javascript:alert(1)"])
def test_a_link_disguised_as_browsers_read_it_is_refused_too(imatra, tmp_path, url):
    catalog = catalog_export(imatra)
    _resource(catalog)["links"] = [{"title": "Lomake", "url": url, "kind": "web"}]
    assert "': links: " in _refused(_file(tmp_path, "json", catalog), imatra)


@pytest.mark.parametrize("fmt", WRITERS)
def test_mailto_and_web_links_are_imported(imatra, tmp_path, fmt):
    catalog = catalog_export(imatra)
    links = [
        {"title": "Kirjaamo", "url": "mailto:kirjaamo@imatra.fi", "kind": "web"},
        {"title": "Tietosuoja", "url": "https://www.imatra.fi/tietosuoja", "kind": "privacy_notice"},
    ]
    _resource(catalog)["links"] = links
    call_command("import", str(_file(tmp_path, fmt, catalog)), "--organization", imatra.slug)
    assert DataResource.objects.get(key=KEY).links == links


@pytest.mark.parametrize("fmt", ["json", "csv.zip"])  # a workbook cannot hold a control character at all
def test_control_characters_are_removed_on_import_with_a_warning_naming_where(imatra, tmp_path, fmt, capsys):
    catalog = catalog_export(imatra)
    _resource(catalog)["purpose"] = "Vesihuollon\x0basiakkaat\x00 ja\x07 laskutus\tsekä\nmittarit"
    _resource(catalog)["keywords"] = ["vesi\x1bmittari"]
    call_command("import", str(_file(tmp_path, fmt, catalog)), "--organization", imatra.slug)
    resource = DataResource.objects.get(key=KEY)
    assert resource.purpose == "Vesihuollon\nasiakkaat ja laskutus\tsekä\nmittarit"
    assert resource.keywords == ["vesimittari"]
    warnings = capsys.readouterr().err
    assert f"'{resource.name}': purpose: " in warnings and "U+0000, U+0007" in warnings
    assert f"'{resource.name}': keywords: " in warnings and "U+001B" in warnings


def test_control_characters_in_a_text_page_are_removed_with_a_warning(db, tmp_path, capsys):
    page = IMATRA_PAGE.read_text("utf-8")
    line = "- Käyttötarkoitus: Kerätä olennainen julkinen tieto"
    assert line in page
    path = tmp_path / "sivu.txt"
    path.write_text(page.replace(line, line.replace("olennainen", "olen\x0bnainen\x01")), encoding="utf-8")
    call_command("import", str(path))
    resource = DataResource.objects.get(purpose__startswith="Kerätä olen")
    assert resource.purpose.startswith("Kerätä olen\nnainen julkinen tieto")
    assert "U+0001" in capsys.readouterr().err


def test_a_nul_in_json_is_removed_not_sent_to_the_database(imatra, tmp_path):
    # PostgreSQL refuses NUL in a text: before, this import ended in a traceback there.
    catalog = catalog_export(imatra)
    _resource(catalog)["name"] = "Vesi\x00huolto"
    _resource(catalog)["translations"] = {"sv": {"name": "Vatten\x00försörjning"}}
    call_command("import", str(_file(tmp_path, "json", catalog)), "--organization", imatra.slug)
    resource = DataResource.objects.get(key=KEY)
    assert (resource.name, resource.translations) == ("Vesihuolto", {"sv": {"name": "Vattenförsörjning"}})


def test_a_translation_of_an_internal_field_is_refused_on_import(imatra, tmp_path):
    catalog = catalog_export(imatra)
    _resource(catalog)["translations"] = {"sv": {"name": "Vatten", "security_measures": "Lösenord: hemligt"}}
    message = _refused(_file(tmp_path, "json", catalog), imatra)
    assert "translations.sv.security_measures" in message
    assert DataResource.objects.get(key=KEY).translations.get("sv", {}).get("security_measures") is None


@pytest.mark.parametrize("field", ["internal_notes", "review_status", "no_such_field"])
def test_only_translatable_public_fields_may_be_translated(imatra, tmp_path, field):
    catalog = catalog_export(imatra)
    catalog["systems"][0]["translations"] = {"en": {field: "x"}}
    message = _refused(_file(tmp_path, "json", catalog), imatra)
    assert f"translations.en.{field}" in message and "name, purpose, description" in message


@pytest.mark.parametrize("fmt", WRITERS)
def test_a_text_longer_than_its_limit_is_refused_on_import(imatra, tmp_path, fmt):
    limit = LENGTH_LIMITS[ValueType.LONG_TEXT]
    catalog = catalog_export(imatra)
    _resource(catalog)["purpose"] = "vesi " * (limit // 5 + 1)
    message = _refused(_file(tmp_path, fmt, catalog), imatra)
    assert f"'{_resource(catalog)['name']}': purpose: " in message
    assert str(limit) in message


@pytest.mark.parametrize("fmt", WRITERS)
def test_an_item_of_a_list_longer_than_its_limit_is_refused_on_import(imatra, tmp_path, fmt):
    catalog = catalog_export(imatra)
    _resource(catalog)["keywords"] = ["vesi", "x" * (LENGTH_LIMITS[ValueType.LINES] + 1)]
    message = _refused(_file(tmp_path, fmt, catalog), imatra)
    assert "keywords[2]" in message


def test_a_long_line_of_a_text_page_is_refused(db, tmp_path):
    page = IMATRA_PAGE.read_text("utf-8")
    line = "- Käyttötarkoitus: Kerätä olennainen julkinen tieto"
    path = tmp_path / "sivu.txt"
    path.write_text(page.replace(line, line + " tieto" * 3000), encoding="utf-8")
    with pytest.raises(CommandError) as refused:
        call_command("import", str(path))
    assert "purpose: " in str(refused.value) and "10000" in str(refused.value)
    assert not DataResource.objects.exists()
