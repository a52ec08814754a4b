"""`varanto import` of descriptions in other layouts: written through the import service, the
cut-short check told by what truncation looks like, and bad or hostile files refused with a
clear message and nothing written."""

import io
import zipfile

import pytest
from django.core.management import CommandError, call_command

from varanto.catalog.models import DataResource, InformationSystem, Organization
from varanto.testing.documents import docx_bytes, pdf_bytes
from varanto.testing.import_eval import stripped

pytestmark = pytest.mark.django_db

HTML = (
    "<!DOCTYPE html><html><head><title>Kuvaus</title></head><body><main>"
    "<h2>Rakennusvalvonta</h2><p>Käyttötarkoitus: luvat</p><p>Tietojärjestelmät: Lupapiste</p>"
    "</main></body></html>"
)


def write(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_a_description_without_a_date_imports_with_its_systems_and_responsible(tmp_path):
    path = write(tmp_path, "kiuruvesi.txt", stripped("kiuruvesi"))
    call_command("import", str(path), "--organization", "Kiuruveden kaupunki")
    organization = Organization.objects.get(name="Kiuruveden kaupunki")
    resources = DataResource.objects.filter(section__organization=organization)
    assert resources.count() == 5
    aura = resources.get(name="Aura - oppilashuollon asiakasjärjestelmä")
    assert aura.responsible_title == "sivistyslautakunta / koulupsykologi ja koulukuraattori"
    assert list(aura.systems.values_list("name", flat=True)) == ["Aura"]
    assert InformationSystem.objects.filter(organization=organization).count() == 7


def test_importing_the_same_description_again_changes_nothing(tmp_path, capsys):
    path = write(tmp_path, "kiuruvesi.txt", stripped("kiuruvesi"))
    call_command("import", str(path), "--organization", "Kiuruveden kaupunki")
    capsys.readouterr()
    call_command("import", str(path), "--organization", "Kiuruveden kaupunki")
    assert "(0 added, 0 changed, 0 removed)" in capsys.readouterr().out


def test_a_file_cut_short_is_refused_unless_partial_files_are_allowed(tmp_path):
    path = write(tmp_path, "tulli.txt", stripped("tulli"))
    with pytest.raises(CommandError) as error:
        call_command("import", str(path), "--organization", "Tulli")
    assert "the last word is cut" in str(error.value) and "--allow-partial" in str(error.value)
    assert not Organization.objects.exists()
    call_command("import", str(path), "--organization", "Tulli", "--allow-partial")
    assert DataResource.objects.count() == 3


def test_a_dry_run_prints_what_was_recognised_beside_its_source_and_writes_nothing(tmp_path, capsys):
    path = write(tmp_path, "savonlinna.txt", stripped("savonlinna"))
    call_command("import", str(path), "--dry-run")
    out = capsys.readouterr().out
    assert "Recognised in" in out and "4 data resources" in out
    assert f"• Varhaiskasvatus – confidence 0.90 [{path}, line " in out
    assert "systems: Effica Varhaiskasvatus; Muksunetti;" in out
    assert "'Lisätietoa kaupungin varhaiskasvatuspalveluista.' → notes of Varhaiskasvatus" in out
    assert "Dry run: nothing was written." in out
    assert not Organization.objects.exists()


def _docx_with(member: str, data: bytes) -> bytes:
    original = docx_bytes([("h2", "Talous"), ("p", "Käyttötarkoitus: kirjanpito")])
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(original)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            body = source.read(item)
            if item.filename == member:
                body = data + body if data.startswith(b"<!DOCTYPE") else data
            target.writestr(item, body)
    return out.getvalue()


def _bad_files(tmp_path) -> dict:
    empty_folder = tmp_path / "tyhja"
    empty_folder.mkdir()
    entity = b'<!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>'
    return {
        "html not closed": (write(tmp_path, "cut.html", HTML[:-20].encode()), "the page's HTML is not closed"),
        "docx with entities": (
            write(tmp_path, "entity.docx", _docx_with("word/document.xml", entity)),
            "the document's XML has a DTD or entities",
        ),
        "docx bomb": (
            write(tmp_path, "bomb.docx", _docx_with("word/document.xml", b" " * 3_000_000)),
            "the zip would unpack to",
        ),
        "not a docx": (write(tmp_path, "fake.docx", b"PK\x03\x04 not really"), "not a Word document (.docx)"),
        "garbage pdf": (
            write(tmp_path, "bad.pdf", b"%PDF-1.4\n" + bytes(range(256)) * 4 + b"\n%%EOF\n"),
            "not a PDF whose text",
        ),
        "pdf cut short": (
            write(tmp_path, "cut.pdf", pdf_bytes([["Talous", "Käyttötarkoitus: kirjanpito"]], complete=False)),
            "the PDF ends before its end marker (%%EOF): it is cut short",
        ),
        "pdf without text": (write(tmp_path, "image.pdf", pdf_bytes([[]])), "the PDF has no text to read"),
        "binary html": (write(tmp_path, "binary.html", bytes(range(256)) * 8), "binary file"),
        "html nested too deep": (
            write(tmp_path, "deep.html", b"<html><body>" + b"<div>" * 5000 + b"<h2>Talous</h2>" + b"</div>" * 5000),
            "nest deeper than 256 levels",
        ),
        "prose html": (
            write(
                tmp_path, "kirje.html", "<html><body><p>Hyvä vastaanottaja.</p><p>Kiitos.</p></body></html>".encode()
            ),
            "no structure recognised",
        ),
        "empty folder": (empty_folder, "the folder has no files to read"),
    }


@pytest.mark.parametrize(
    "case",
    [
        "html not closed",
        "docx with entities",
        "docx bomb",
        "not a docx",
        "garbage pdf",
        "pdf cut short",
        "pdf without text",
        "binary html",
        "html nested too deep",
        "prose html",
        "empty folder",
    ],
)
def test_a_bad_or_hostile_file_gets_a_clear_message_and_nothing_is_written(tmp_path, settings, case):
    settings.IMPORT_MAX_UNPACKED_MB = 2
    path, message = _bad_files(tmp_path)[case]
    with pytest.raises(CommandError) as error:
        call_command("import", str(path), "--organization", "Kuuselan kunta")
    assert f"Nothing was imported from {path}" in str(error.value)
    assert message in str(error.value)
    assert not Organization.objects.exists()


def test_an_html_page_imports_through_the_import_service(tmp_path):
    call_command("import", str(write(tmp_path, "kuvaus.html", HTML.encode())), "--organization", "Kuuselan kunta")
    resource = DataResource.objects.get()
    assert (resource.name, resource.purpose) == ("Rakennusvalvonta", "luvat")
    assert resource.history.count() == 1


def test_several_files_given_at_once_import_as_one_organisation(tmp_path):
    first = write(tmp_path, "talous.html", HTML.encode())
    second = write(tmp_path, "kiuruvesi.txt", stripped("kiuruvesi"))
    call_command("import", str(first), str(second), "--organization", "Kuuselan kunta")
    assert Organization.objects.get().name == "Kuuselan kunta"
    assert DataResource.objects.count() == 6


def test_entities_in_an_html_page_are_left_unexpanded(tmp_path):
    entities = "".join(f'<!ENTITY e{n} "{f"&e{n - 1};" * 10 if n else "x" * 10}">' for n in range(8))
    page = HTML.replace("<!DOCTYPE html>", f"<!DOCTYPE html [{entities}]>").replace("luvat", "&e7;")
    call_command("import", str(write(tmp_path, "bomb.html", page.encode())), "--organization", "Kuuselan kunta")
    assert DataResource.objects.get().purpose == "&e7;"


def test_a_value_longer_than_its_field_is_kept_whole_in_notes_and_the_rest_imports(tmp_path):
    who = "hallintojohtaja " * 20
    text = f"Talous\n\nKäyttötarkoitus: kirjanpito\nVastuu: {who}\n"
    call_command("import", str(write(tmp_path, "kuvaus.txt", text.encode())), "--organization", "Kuuselan kunta")
    resource = DataResource.objects.get()
    assert resource.responsible_title == ""
    assert who.strip() in resource.notes
