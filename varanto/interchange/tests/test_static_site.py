"""`varanto site OUTDIR`: the whole public description as files with relative links, none of them broken."""

import re
import shutil
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from varanto.catalog.models import Organization
from varanto.interchange.staticsite import relink
from varanto.public.cache import public_caches_clear
from varanto.publications.services import publication_create
from varanto.testing.browser import assert_accessible
from varanto.testing.snapshot import rolled_back

pytestmark = pytest.mark.django_db

REFERENCE = re.compile(
    r"""(?<![\w-])(?:href|src|action)=["']([^"']*)["']|url\(["']?([^)"']*)["']?\)|url=([^"'>]+)["']"""
)


def references(path: Path) -> list[str]:
    text = path.read_text("utf-8")
    return [next(g for g in m.groups() if g is not None) for m in REFERENCE.finditer(text)]


def broken_links(site: Path) -> list[str]:
    """Every link of every page and stylesheet that does not lead to a file of the site."""
    broken = []
    for page in [*site.rglob("*.html"), *site.rglob("*.css")]:
        for link in references(page):
            parts = urlsplit(link)
            if parts.scheme or link.startswith(("#", "//")) or not parts.path:
                continue  # another site, e-mail, telephone, or a place on the same page
            target = (page.parent / unquote(parts.path)).resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file() or site.resolve() not in target.parents:
                broken.append(f"{page.relative_to(site)}: {link}")
    return broken


@pytest.fixture(scope="module")
def _built_site(django_db_setup, django_db_blocker, _imatra_rows, tmp_path_factory) -> tuple[Path, str]:
    """The published demo's site, written once for this file's tests; the rows it took are rolled back.

    Also the language active after it was written in Finnish, which must still be Finnish."""
    outdir = tmp_path_factory.mktemp("site") / "kuvaus"

    def build() -> None:
        organization = Organization.objects.get(pk=_imatra_rows.restore())
        publication_create(organization=organization, note="Testijulkaisu")
        call_command(
            "site", str(outdir), "--base-url", "https://kuvaus.example.fi", "--live-url", "https://varanto.example.fi"
        )

    with django_db_blocker.unblock(), translation.override("fi"):
        rolled_back(build)
        language_after = translation.get_language()
    public_caches_clear()  # they remember the rolled-back publication
    return outdir, language_after


@pytest.fixture
def site(_built_site, tmp_path) -> Path:
    """A copy of the site of each test's own, which the test may change."""
    return Path(shutil.copytree(_built_site[0], tmp_path / "kuvaus"))


def test_writing_the_site_leaves_the_callers_language_as_it_was(_built_site):
    assert _built_site[1] == "fi"


def test_the_static_site_has_no_broken_link_and_the_check_would_see_one(site):
    assert broken_links(site) == []
    page = site / "imatran-kaupunki/index.html"
    page.write_text(page.read_text("utf-8") + '<a href="ei-ole/index.html">x</a>', encoding="utf-8")
    assert broken_links(site) == ["imatran-kaupunki/index.html: ei-ole/index.html"]


def test_every_page_is_there_in_every_language_with_the_downloads(site):
    for prefix in ("", "sv/", "en/"):
        assert (site / prefix / "imatran-kaupunki/index.html").is_file()
        assert (site / prefix / "imatran-kaupunki/tietovaranto/vesihuolto/index.html").is_file()
        assert (site / prefix / "imatran-kaupunki/jarjestelma/m-files/index.html").is_file()
        assert (site / prefix / "imatran-kaupunki/avoin-data/index.html").is_file()
        assert (site / prefix / "imatran-kaupunki/julkaisut/1/index.html").is_file()
    swedish = (site / "sv/imatran-kaupunki/tietovaranto/vesihuolto/index.html").read_text("utf-8")
    assert 'lang="sv"' in swedish
    for name in (
        "kuvaus.json",
        "kuvaus.csv.zip",
        "kuvaus.xlsx",
        "kuvaus.dcat.ttl",
        "kuvaus.dcat.rdf",
        "kuvaus.dcat.jsonld",
    ):
        assert (site / "imatran-kaupunki/lataa" / name).stat().st_size > 0
    assert (site / "imatran-kaupunki/dcat/catalog.ttl").is_file()
    assert (site / "lataa/tietovarannot-pohja.xlsx").is_file()


def test_links_are_relative_and_downloads_point_to_where_the_copy_is_served(site):
    for page in site.rglob("*.html"):
        assert not re.search(r"""(?<![\w-])(?:href|src|action)=["']/(?!/)""", page.read_text("utf-8")), page
    dcat = (site / "imatran-kaupunki/dcat/catalog.ttl").read_text("utf-8")
    assert "<https://kuvaus.example.fi/imatran-kaupunki/tietovaranto/vesihuolto/>" in dcat


def test_the_search_box_leads_to_the_search_in_the_browser_of_the_copy(site):
    for prefix in ("", "sv/", "en/"):
        page = (site / prefix / "imatran-kaupunki/tietovaranto/vesihuolto/index.html").read_text("utf-8")
        assert 'action="../../haku/selain/index.html"' in page
        assert "varanto.example.fi/" + prefix + "imatran-kaupunki/haku/" not in page
        assert (site / prefix / "imatran-kaupunki/haku/selain/hakemisto.js").is_file()


@pytest.mark.browser
def test_the_copy_opened_from_disk_finds_resources_without_a_server(site, page):
    page.goto((site / "en/imatran-kaupunki/index.html").as_uri())
    page.locator("#search-q").fill("vesihuolto")
    page.get_by_role("button", name="Search").click()
    assert page.url.startswith((site / "en/imatran-kaupunki/haku/selain/index.html").as_uri())
    results = page.locator("#in-browser-results a")
    assert "Vesihuolto" in results.all_inner_texts()
    assert page.locator("#in-browser-count").inner_text().startswith("Data resources found:")
    assert_accessible(page)
    results.filter(has_text="Vesihuolto").first.click()
    assert page.url == (site / "en/imatran-kaupunki/tietovaranto/vesihuolto/index.html").as_uri()

    page.goto((site / "imatran-kaupunki/haku/selain/index.html").as_uri() + "?q=ei-mitaan-tallaista")
    assert page.locator("#in-browser-results li").count() == 0
    assert page.locator("#in-browser-count").inner_text().startswith("Yhtään tietovarantoa ei löytynyt")


def test_subscribing_by_e_mail_goes_to_the_live_site_and_the_feed_is_a_file(site):
    for prefix in ("", "sv/"):
        page = (site / prefix / "imatran-kaupunki/julkaisut/index.html").read_text("utf-8")
        assert f'href="https://varanto.example.fi/{prefix}imatran-kaupunki/tilaa/"' in page
        assert 'href="atom.xml"' in page
        assert (site / prefix / "imatran-kaupunki/julkaisut/atom.xml").is_file()
    assert not list(site.rglob("tilaa"))


def test_links_to_the_back_office_and_api_go_to_the_live_site():
    html = '<a href="/hallinta/">kirjaudu</a> <a href="/api/v1/docs/">API</a> <a href="/org/">etusivu</a>'
    assert relink(html, "org/tietovaranto/x/index.html", "https://varanto.example.fi") == (
        '<a href="https://varanto.example.fi/hallinta/">kirjaudu</a> '
        '<a href="https://varanto.example.fi/api/v1/docs/">API</a> <a href="../../index.html">etusivu</a>'
    )


def test_without_a_publication_there_is_nothing_to_write(imatra, tmp_path):
    with pytest.raises(CommandError, match="no organisation has published"):
        call_command("site", str(tmp_path / "kuvaus"))


def test_a_folder_that_is_not_a_varanto_site_is_left_alone(imatra_published, tmp_path):
    outdir = tmp_path / "kotisivut"
    outdir.mkdir()
    (outdir / "index.html").write_text("oma sivu")
    with pytest.raises(CommandError, match="not a static site Varanto wrote"):
        call_command("site", str(outdir))
    assert [p.name for p in outdir.iterdir()] == ["index.html"]


def test_a_failure_part_way_leaves_the_earlier_site_as_it_was(site, imatra_published, tmp_path):
    from varanto.public.cache import public_caches_clear
    from varanto.publications.models import Publication

    before = sorted(p.relative_to(site) for p in site.rglob("*"))
    # A publication the pages cannot render (stored by hand, as no service would make it).
    publication = Publication.objects.get()
    content = publication.content
    content["resources"][-1]["systems"] = None
    Publication.objects.filter(pk=publication.pk).update(content=content)
    public_caches_clear()
    with pytest.raises(CommandError, match="was left as it was"):
        call_command("site", str(site))
    assert sorted(p.relative_to(site) for p in site.rglob("*")) == before
    assert [p.name for p in tmp_path.iterdir()] == ["kuvaus"], "no half-written folder is left beside it"
