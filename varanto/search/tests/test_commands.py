"""The commands: `varanto search`, `varanto search_index` and `varanto thesaurus`."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from varanto.catalog.tests.factories import DataResourceFactory, OrganizationFactory
from varanto.publications.services import publication_create
from varanto.search.models import SearchIndex, ThesaurusEntry

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_search_json_lists_results_best_first_with_absolute_urls(imatra_published, settings):
    settings.PUBLIC_BASE_URL = "https://kuvaus.example.fi"
    results = json.loads(run("search", "sain", "pysäköintivirhemaksun", "--json"))["results"]
    assert results[0]["name"] == "Pysäköinninvalvonta"
    assert results[0]["section"] == "Kaupunkikehitys ja tekniset palvelut"
    assert results[0]["url"] == "https://kuvaus.example.fi/imatran-kaupunki/tietovaranto/pysakoinninvalvonta/"
    assert "pysäköintivirhemaksuista" in results[0]["snippet"]
    assert "<mark>pysäköintivirhemaksuista</mark>" in results[0]["snippet_html"]
    scores = [r["score"] for r in results]
    assert scores == sorted(scores, reverse=True) and scores[0] > 0
    assert {"word", "term", "field", "kind", "points"} <= results[0]["matches"][0].keys()


def test_search_without_organization_covers_every_organisation(imatra_published):
    other = OrganizationFactory(name="Kuusiniemen kunta")
    DataResourceFactory(organization=other, name="Pysäköinninvalvonta", key_datasets=["Pysäköintivirhemaksut"])
    publication_create(organization=other)
    organizations = {r["organization"] for r in json.loads(run("search", "pysäköintivirhemaksu", "--json"))["results"]}
    assert organizations == {"Imatran kaupunki", "Kuusiniemen kunta"}
    only = json.loads(run("search", "pysäköintivirhemaksu", "--json", "--organization", "Kuusiniemen kunta"))["results"]
    assert [r["organization"] for r in only] == ["Kuusiniemen kunta"]


def test_search_prints_readable_results_and_explains_them(imatra_published):
    out = run("search", "kirjaston", "aineistot", "--explain", "--limit", "2")
    assert out.startswith("1. Kirjasto — Hyvinvointi- ja koulutus (Imatran kaupunki)")
    assert "/imatran-kaupunki/tietovaranto/kirjasto/" in out
    assert "kirjaston → kirjasto in name (W)" in out
    assert "3." not in out


def test_search_names_what_is_wrong(imatra_published):
    with pytest.raises(CommandError, match="No organisation named 'Nokia'. Organisations: Imatran kaupunki"):
        run("search", "kirjasto", "--organization", "Nokia")
    with pytest.raises(CommandError, match="--limit must be at least 1"):
        run("search", "kirjasto", "--limit", "0")


def test_search_before_anything_is_published_says_so():
    DataResourceFactory(name="Kirjasto")
    with pytest.raises(CommandError, match="Nothing is published yet"):
        run("search", "kirjasto")


def test_search_index_builds_what_is_missing_and_rebuilds_on_request(imatra_published):
    out = run("search_index")
    assert "[1/1] Imatran kaupunki, publication #1: 31 resources" in out
    assert "Every search index is up to date" in run("search_index")
    first = SearchIndex.objects.get().pk
    assert "Removed 1 search index(es)." in run("search_index", "--rebuild")
    assert SearchIndex.objects.get().pk != first


def test_thesaurus_export_writes_the_shipped_words(tmp_path):
    target = tmp_path / "asiasanasto.csv"
    out = run("thesaurus", "export", "-o", str(target))
    text = target.read_text(encoding="utf-8")
    assert text.startswith("term,expansions,relation\n")
    assert "parkkisakko,pysäköintivirhemaksu|pysäköinninvalvonta,lay" in text
    assert out.startswith("Wrote ")


def test_thesaurus_import_adds_an_organisations_words_and_export_gives_them_back(imatra, tmp_path):
    source = tmp_path / "omat.csv"
    source.write_text("term,expansions,relation\nkoskenniska,vesihuolto|voimalaitos,lay\n", encoding="utf-8")
    assert "Imported 1 thesaurus entries" in run(
        "thesaurus", "import", str(source), "--organization", "Imatran kaupunki"
    )
    assert ThesaurusEntry.objects.get(organization=imatra).expansion_list == ["vesihuolto", "voimalaitos"]
    exported = run("thesaurus", "export", "--organization", "Imatran kaupunki")
    assert exported == "term,expansions,relation\nkoskenniska,vesihuolto|voimalaitos,lay\n"


def test_thesaurus_import_refuses_a_bad_file_and_changes_nothing(imatra, tmp_path):
    source = tmp_path / "omat.csv"
    source.write_text("term,expansions,relation\nhyvä,vesihuolto,lay\nhuono,vesihuolto,kumpikin\n", encoding="utf-8")
    with pytest.raises(CommandError, match="omat.csv, line 3: relation 'kumpikin'"):
        run("thesaurus", "import", str(source), "--organization", "Imatran kaupunki")
    assert not ThesaurusEntry.objects.exists()
    with pytest.raises(CommandError, match="Cannot read"):
        run("thesaurus", "import", str(tmp_path / "missing.csv"), "--organization", "Imatran kaupunki")


def test_thesaurus_import_reads_utf16_and_refuses_odd_files_with_a_message(imatra, tmp_path, settings):
    source = tmp_path / "omat.csv"
    source.write_text("term,expansions,relation\nkoskenniska,vesihuolto,lay\n", encoding="utf-16")
    assert "Imported 1 thesaurus entries" in run("thesaurus", "import", str(source), "--organization", imatra.slug)
    source.write_bytes("term,expansions,relation\nkoskenniskä,vesi,lay\n".encode("cp1252"))
    with pytest.raises(CommandError, match="omat.csv: not UTF-8 text; save the file as UTF-8"):
        run("thesaurus", "import", str(source), "--organization", imatra.slug)
    source.write_text('term,expansions,relation\nx,"' + "a" * 200_000 + ",lay\n", encoding="utf-8")
    with pytest.raises(CommandError, match=r"omat.csv, line 2: cannot be read as CSV \(field larger than field limit"):
        run("thesaurus", "import", str(source), "--organization", imatra.slug)
    settings.IMPORT_MAX_FILE_MB = 0.1
    with pytest.raises(CommandError, match="an import may be at most 0.1 MB"):
        run("thesaurus", "import", str(source), "--organization", imatra.slug)
    assert ThesaurusEntry.objects.get(organization=imatra).term == "koskenniska"
