"""The import preview and its corrections (esikatselu, korjaukset), over the readers' canonical dict."""

import pytest
from django.core.management import call_command
from django.utils import translation

from varanto.catalog.models import DataResource, Organization, Section
from varanto.catalog.tests.factories import OrganizationFactory
from varanto.interchange.models import ImportLabelMapping
from varanto.interchange.preview import Source, import_preview, preview_lines

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _in_english():
    with translation.override("en"):  # the messages the tests match
        yield


PAGE = """Tietovarannot

Testilän kunnan tietovarannot.

HALLINTO

Asianhallinta, Vastuu: hallintojohtaja
- Käyttötarkoitus: Asioiden käsittely ja päätöksenteko.
- Tietoaineistot: diaari, pöytäkirjat, viranhaltijapäätökset
- Tietojärjestelmät: Dynasty, Tweb
- Tietosisältö: asiakirjat ja niiden metatiedot

Arkisto, Vastuu: arkistonhoitaja
- Käyttötarkoitus: Pysyvästi säilytettävät asiakirjat.

Luottamushenkilörekisteri

Toimielinten jäsenet ja heidän yhteystietonsa.

SIVISTYS

Varhaiskasvatus ja perusopetus, Vastuu: sivistysjohtaja
- Käyttötarkoitus: Lasten varhaiskasvatus ja opetus.
- Tietoaineistot: hakemukset, oppilastiedot
- Tietojärjestelmät: Daisy, Wilma
"""


def preview(corrections=(), organization=None, text=PAGE, name="Testilän kunta"):
    return import_preview(
        [Source("kuvaus.txt", text.encode())],
        organization=organization,
        organization_name=name,
        corrections=list(corrections),
    )


def resources(result) -> dict:
    return {r["key"]: r for r in result.catalog["resources"]}


def test_preview_shows_the_resources_beside_their_source_lines_and_writes_nothing():
    result = preview()
    assert result.ok and result.summary.created
    assert [r.name for s in result.sections for r in s.resources] == [
        "Asianhallinta",
        "Arkisto",
        "Varhaiskasvatus ja perusopetus",
    ]
    first = result.sections[0].resources[0]
    assert (first.source, first.line, first.responsible) == ("kuvaus.txt", 7, "hallintojohtaja")
    lines = {line.number: line for line in result.sources[0].lines}
    assert lines[7].kind == "resource" and lines[8].kind == "field"
    assert lines[11].kind == "unplaced"  # the unknown label, kept in notes
    assert [u.label for u in result.unknown] == ["Tietosisältö"]
    assert not Organization.objects.exists()


def test_a_label_mapped_to_a_field_moves_its_text_there():
    result = preview([{"kind": "label", "label": "Tietosisältö:", "field": "key_datasets"}])
    asia = resources(result)["asianhallinta"]
    assert asia["key_datasets"] == ["diaari", "pöytäkirjat", "viranhaltijapäätökset", "asiakirjat", "niiden metatiedot"]
    assert "Tietosisältö" not in asia["notes"] and not result.unknown


def test_a_label_remembered_for_the_organisation_applies_to_its_next_import():
    organization = OrganizationFactory(name="Testilän kunta")
    ImportLabelMapping.objects.create(organization=organization, label="tietosisältö", field="purpose")
    result = preview(organization=organization)
    assert resources(result)["asianhallinta"]["purpose"].endswith("asiakirjat ja niiden metatiedot")


def test_a_heading_marked_as_no_resource_keeps_its_text_in_the_section():
    result = preview([{"kind": "not_resource", "resource": "arkisto"}])
    assert "arkisto" not in resources(result)
    hallinto = result.catalog["sections"][0]
    assert "Arkisto" in hallinto["description"] and "Pysyvästi säilytettävät asiakirjat." in hallinto["description"]


def test_a_paragraph_marked_as_a_heading_becomes_a_resource_with_the_next_as_its_purpose():
    before = preview()
    paragraphs = before.sections[0].paragraphs
    index = paragraphs.index("Luottamushenkilörekisteri")
    result = preview([{"kind": "resource", "section": before.sections[0].key, "paragraph": index}])
    new = resources(result)["luottamushenkilorekisteri"]
    assert new["purpose"] == "Toimielinten jäsenet ja heidän yhteystietonsa."
    assert [r.name for r in result.sections[0].resources][-1] == "Luottamushenkilörekisteri"


def test_merge_makes_a_resource_part_of_the_one_before_it():
    result = preview([{"kind": "merge", "resource": "arkisto"}])
    asia = resources(result)["asianhallinta"]
    assert "arkisto" not in resources(result)
    assert asia["purpose"].endswith("Pysyvästi säilytettävät asiakirjat.") and "Arkisto" in asia["notes"]


def test_split_moves_the_chosen_data_sets_and_systems_to_a_new_resource():
    split = {"kind": "split", "resource": "varhaiskasvatus-ja-perusopetus", "name": "Perusopetus"}
    result = preview([{**split, "datasets": [1], "systems": [1]}])
    found = resources(result)
    assert found["varhaiskasvatus-ja-perusopetus"]["key_datasets"] == ["hakemukset"]
    assert [s["name"] for s in found["varhaiskasvatus-ja-perusopetus"]["systems"]] == ["Daisy"]
    assert found["perusopetus"]["key_datasets"] == ["oppilastiedot"]
    assert [s["name"] for s in found["perusopetus"]["systems"]] == ["Wilma"]
    assert found["perusopetus"]["responsible"]["title"] == "sivistysjohtaja"


def test_a_correction_that_no_longer_matches_is_skipped_and_said():
    result = preview([{"kind": "merge", "resource": "ei-ole"}])
    assert result.ok and len(result.skipped) == 1


def test_several_files_import_as_one_organisation_with_unique_keys():
    other = "HALLINTO\n\nArkisto, Vastuu: kirjaaja\n- Käyttötarkoitus: Toinen arkisto.\n"
    result = import_preview(
        [Source("a.txt", PAGE.encode()), Source("b.txt", other.encode())],
        organization=None,
        organization_name="Testilän kunta",
    )
    assert result.ok
    keys = [r["key"] for r in result.catalog["resources"]]
    assert len(keys) == len(set(keys)) == 4
    assert len(result.catalog["sections"]) == 2  # HALLINTO of both files is one section
    second = [r for s in result.sections for r in s.resources if r.source == "b.txt"]
    assert [(r.name, r.line) for r in second] == [("Arkisto", 3)]


@pytest.mark.parametrize(
    "sources, message",
    [
        ([], "Choose a file"),
        ([Source("tyhja.txt", b"   ")], "Choose a file"),
        ([Source("kuva.txt", b"\x00\x01\x02binary")], "binary"),
        ([Source("../../etc/passwd.json", b'{"format": 1')], "passwd.json"),
    ],
)
def test_bad_files_give_a_clear_problem_and_nothing_is_written(sources, message):
    result = import_preview(sources, organization=None, organization_name="Testilän kunta")
    assert not result.ok and any(message in p for p in result.problems)
    assert not Organization.objects.exists()


def test_too_many_or_too_large_files_are_refused_before_reading(settings):
    settings.IMPORT_MAX_FILE_MB = 0.001
    result = import_preview([Source("iso.txt", b"x" * 2000)], organization=None, organization_name="T")
    assert not result.ok and "larger than an import may be" in result.problems[0]
    result = import_preview([Source(f"{n}.txt", b"x") for n in range(51)], organization=None, organization_name="T")
    assert not result.ok and "At most 50 files" in result.problems[0]


def test_a_new_organisation_may_not_take_an_existing_name():
    OrganizationFactory(name="Testilän kunta")
    result = preview()
    assert not result.ok and "already exists" in result.problems[0]


def test_text_rendering_lists_resources_with_their_source_line_and_unknown_labels():
    text = "\n".join(preview_lines(preview()))
    assert "Organisation: Testilän kunta (new)" in text
    assert (
        "  • Asianhallinta – hallintojohtaja; disclosure: ?; interface: ?; systems: Dynasty, Tweb [kuvaus.txt, line 7]"
        in text
    )
    assert "'Tietosisältö' in Asianhallinta" in text
    assert "3 data resources" in text


def test_import_dry_run_prints_the_preview_and_applies_remembered_labels(tmp_path, capsys):
    organization = OrganizationFactory(name="Testilän kunta")
    ImportLabelMapping.objects.create(organization=organization, label="tietosisältö", field="key_datasets")
    page = tmp_path / "kuvaus.txt"
    page.write_text(PAGE, encoding="utf-8")
    call_command("import", str(page), "--organization", "Testilän kunta", "--allow-undated", "--dry-run")
    out = capsys.readouterr().out
    assert "Asianhallinta – hallintojohtaja" in out and "[kuvaus.txt, line 7]" in out
    assert "Labels not recognised" not in out  # the remembered label placed its text
    assert "Added:" in out and "Dry run: nothing was written." in out
    assert not DataResource.objects.exists()
    call_command("import", str(page), "--organization", "Testilän kunta", "--allow-undated")
    assert "asiakirjat" in " ".join(DataResource.objects.get(key="asianhallinta").key_datasets)


HTML_PAGE = """<!DOCTYPE html>
<html lang="fi"><head><meta charset="utf-8"><title>{name} | Kuuselan kunta</title></head>
<body><a href="#sisalto">Siirry sisältöön</a>
<main id="sisalto"><h1>{name}</h1>
<p>Tietovarannon käyttötarkoitus: {purpose}</p>
<p>Keskeiset tietojärjestelmät: {systems}</p>
<p>Tietojen sisältö: {content}</p>
</main></body></html>
"""


def html_sources() -> list[Source]:
    pages = [
        ("1-rakennusvalvonta.html", "Rakennusvalvonta", "rakennuslupien käsittely", "Lupapiste", "luvat"),
        ("2-vesihuolto.html", "Vesihuolto", "vesihuollon laskutus", "KuntaNet", "liittymät, mittarit"),
    ]
    return [
        Source(file, HTML_PAGE.format(name=name, purpose=purpose, systems=systems, content=content).encode())
        for file, name, purpose, systems, content in pages
    ]


def test_web_pages_one_per_resource_are_recognised_together_and_shown_block_by_block():
    result = import_preview(html_sources(), organization=None, organization_name="Kuuselan kunta")
    assert result.ok, result.problems
    views = [r for s in result.sections for r in s.resources]
    assert [(v.name, v.source) for v in views] == [
        ("Rakennusvalvonta", "1-rakennusvalvonta.html"),
        ("Vesihuolto", "2-vesihuolto.html"),
    ]
    assert views[0].anchor == f"b{views[0].block}"
    first = result.sources[0]
    assert [line.kind for line in first.lines if line.anchor == views[0].anchor] == ["resource"]
    assert "Siirry sisältöön" not in [line.text for line in first.lines]  # page clutter dropped by the reader


def test_a_label_mapping_reaches_the_recogniser():
    corrections = [{"kind": "label", "label": "Tietojen sisältö", "field": "key_datasets"}]
    result = import_preview(
        html_sources(), organization=None, organization_name="Kuuselan kunta", corrections=corrections
    )
    vesihuolto = resources(result)["vesihuolto"]
    assert vesihuolto["key_datasets"] == ["liittymät", "mittarit"]


def test_a_recognised_heading_is_taken_back_and_another_taken_as_a_resource():
    result = import_preview(html_sources(), organization=None, organization_name="Kuuselan kunta")
    block = next(r.block for s in result.sections for r in s.resources if r.name == "Vesihuolto")
    corrections = [{"kind": "block", "block": block, "resource": False}]
    result = import_preview(
        html_sources(), organization=None, organization_name="Kuuselan kunta", corrections=corrections
    )
    assert "vesihuolto" not in resources(result)


def test_into_an_existing_organisation_what_a_description_does_not_state_keeps_its_value(imatra):
    page = HTML_PAGE.format(name="Vesihuolto", purpose="Uusi käyttötarkoitus", systems="KeyPro", content="verkosto")
    result = import_preview([Source("vesihuolto.html", page.encode())], organization=imatra)
    assert result.ok, result.problems
    changed = {c.key: {f.path for f in c.fields} for c in result.summary.changes.changed}
    assert imatra.slug not in changed  # its contacts, texts and update date are not emptied
    assert "purpose" in changed["vesihuolto"] and not {"disclosure.level", "api.availability"} & changed["vesihuolto"]
    assert "section" not in changed["vesihuolto"]  # a page naming no section leaves it where it is
    assert not [a for a in result.summary.changes.added if a.model is Section]


def test_a_description_that_looks_cut_short_is_refused_until_read_as_it_is():
    page = HTML_PAGE.format(name="Vesihuolto", purpose="laskutus", systems="KeyPro", content="verkosto")
    cut = Source("vesihuolto.html", page[: page.index("<p>Tietojen sisältö")].encode())
    refused = import_preview([cut], organization=None, organization_name="Kuuselan kunta")
    assert not refused.ok and refused.cut_short
    result = import_preview(
        [cut], organization=None, organization_name="Kuuselan kunta", corrections=[{"kind": "allow_partial"}]
    )
    assert result.ok and [r.name for s in result.sections for r in s.resources] == ["Vesihuolto"]
