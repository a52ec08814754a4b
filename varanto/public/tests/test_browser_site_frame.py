"""The public site's rough edges of issue 17, as a resident's browser shows them: the organisation's name in
the header, an icon, a feedback link, British dates on English pages, and open data offered as a download first
in words a resident understands; each page passes axe."""

import re

import pytest
from django.utils import timezone

from varanto.testing.browser import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

RESOURCE = "/imatran-kaupunki/tietovaranto/vesihuolto/"
OPEN_DATA_RESOURCE = "/imatran-kaupunki/tietovaranto/imatran-kaupungin-ostolaskut/"
AMERICAN = (r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\. \d", r"\b\d{1,2}/\d{1,2}/\d{4}\b")


def test_an_english_page_names_the_organisation_has_an_icon_a_feedback_link_and_british_dates(
    live_server, page, imatra_published
):
    page.goto(live_server.url + "/en" + RESOURCE)
    header = page.locator("header").first.inner_text()
    assert "City of Imatra" in header and "Varanto" not in header  # the name as the description gives it in English
    icon = page.locator("link[rel=icon]").get_attribute("href")
    answer = page.request.get(live_server.url + icon)
    assert answer.ok and answer.headers["content-type"].startswith("image/svg+xml")
    feedback = page.get_by_role("link", name="Give feedback on this description")
    assert feedback.get_attribute("href").startswith("mailto:") and feedback.is_visible()

    published = timezone.localtime(imatra_published.publications.get().published_at)
    british = f"{published.day} {published.strftime('%b')} {published.year}"
    request_text = page.locator("#request-text").input_value()
    shown = page.locator("main").inner_text() + request_text
    assert british in shown and f"({british})" in request_text
    assert not any(re.search(pattern, shown) for pattern in AMERICAN)
    assert_accessible(page)


def test_an_open_data_resource_offers_its_download_before_the_request(live_server, page, imatra_published):
    page.goto(live_server.url + "/en" + OPEN_DATA_RESOURCE)
    download = page.locator("#download-heading")
    assert download.inner_text() == "Get the open data"
    assert download.bounding_box()["y"] < page.locator("#tietopyynto").bounding_box()["y"]
    assert page.locator("main a.button[href='#tietopyynto']").count() == 0  # the request is offered second
    assert_accessible(page)


def test_the_downloads_say_what_a_resident_gets_not_the_formats_code_name(live_server, page, imatra_published):
    page.goto(live_server.url + "/en/imatran-kaupunki/")
    main = page.locator("main").inner_text()
    assert "The whole description for programs (JSON)" in main
    assert "Spreadsheet for Excel or LibreOffice (XLSX)" in main
    assert "varanto.catalog" not in main
    assert_accessible(page)
