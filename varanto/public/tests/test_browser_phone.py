"""On a phone (360 and 375 px wide) no public page scrolls sideways, and the page frame is what a resident needs:
one region per name (axe's landmark-unique), the organisation's logo, one search box on the search page."""

import io

import pytest
from axe_playwright_python.sync_playwright import Axe

from varanto.catalog.services.logos import organization_logo_set
from varanto.catalog.tests.test_logos import png
from varanto.publications.services import publication_create
from varanto.testing.browser import PHONE, assert_accessible, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = [
    "/imatran-kaupunki/",
    "/imatran-kaupunki/tietovaranto/imatran-kaupungin-ostolaskut/",
    "/imatran-kaupunki/haku/?q=pys%C3%A4k%C3%B6intivirhemaksu",
    "/imatran-kaupunki/avoin-data/",
]


def sideways(page) -> int:
    """How many pixels the page is wider than the window (0: no sideways scrolling)."""
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


def landmark_names_repeated(page) -> list:
    results = Axe().run(page, options={"runOnly": {"type": "rule", "values": ["landmark-unique"]}})
    return [node["target"] for v in results.response["violations"] for node in v["nodes"]]


@pytest.mark.parametrize("language", ["", "/sv", "/en"])
def test_no_page_scrolls_sideways_on_a_phone_and_no_two_regions_share_a_name(live_server, page, imatra, language):
    organization_logo_set(organization=imatra, upload=io.BytesIO(png(120, 40, b"\x00\x66\x33")))
    publication_create(organization=imatra, note="Ensimmäinen")
    for width in (360, PHONE["width"]):
        page.set_viewport_size({"width": width, "height": PHONE["height"]})
        for path in PAGES:
            page.goto(live_server.url + language + path)
            assert sideways(page) == 0, f"{language}{path} at {width} px"
            assert landmark_names_repeated(page) == [], f"{language}{path}"
    page.goto(live_server.url + language + PAGES[0])
    logo = page.locator("img.brand-logo")
    assert logo.is_visible() and page.evaluate("document.querySelector('img.brand-logo').naturalWidth") == 120
    assert_accessible(page)
    screenshot(page, f"phone-front{language.replace('/', '-') or '-fi'}", full_page=False)


def test_the_search_page_shows_one_search_box_and_no_scores(live_server, page, imatra):
    publication_create(organization=imatra, note="Ensimmäinen")
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + PAGES[2])
    assert page.get_by_role("searchbox").count() == 1
    assert page.locator(".result").count() > 0
    assert "pistee" not in page.locator("main").inner_text().lower()
    page.get_by_role("link", name="English").click()
    assert page.get_by_role("searchbox").input_value() == "pysäköintivirhemaksu"
    assert_accessible(page)
