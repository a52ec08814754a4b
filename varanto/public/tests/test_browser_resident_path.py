"""A resident's path in Chromium: front page → section → resource → prefilled information request."""

from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from varanto.testing.browser import assert_accessible, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_resident_finds_the_resource_and_writes_a_prefilled_information_request(live_server, page, imatra_published):
    page.goto(live_server.url + "/")
    assert page.url == live_server.url + "/imatran-kaupunki/"
    assert page.locator("h1").first.inner_text().replace("\u00ad", "") == "Asiakirjajulkisuuskuvaus"
    screenshot(page, "resident-1-front")

    page.get_by_role("link", name="Kaupunkikehitys ja tekniset palvelut").first.click()
    assert page.locator("h1").inner_text() == "Kaupunkikehitys ja tekniset palvelut"
    screenshot(page, "resident-2-section")

    page.get_by_role("link", name="Vesihuolto").first.click()
    assert page.locator("h1").inner_text() == "Vesihuolto"
    assert page.get_by_text("vesihuoltopäällikkö (Imatran Vesi liikelaitos)").is_visible()

    page.get_by_role("link", name="Tee tietopyyntö").click()
    assert page.url.endswith("#tietopyynto")
    request = page.locator("#request-text")
    text = request.input_value()
    for expected in (
        "Tietovaranto: Vesihuolto",
        "Toimiala: Kaupunkikehitys ja tekniset palvelut",
        "Organisaatio: Imatran kaupunki",
        "KeyPro (verkosto)",
        "julkaisu 1",
        "/imatran-kaupunki/tietovaranto/vesihuolto/",
    ):
        assert expected in text, expected
    assert "kahden viikon" in page.locator("#tietopyynto").inner_text()

    mailto = page.locator("#request-mailto").get_attribute("href")
    parts = urlsplit(mailto)
    assert parts.scheme == "mailto" and parts.path == "kirjaamo@imatra.fi"
    assert parse_qs(parts.query)["body"][0] == text.replace("\n", "\r\n")

    # The user completes the request; the e-mail link follows, and nothing is sent anywhere.
    sent = []
    page.on("request", lambda r: sent.append(r.url) if r.method != "GET" else None)
    request.fill(
        text.replace(
            "[Kuvaa tähän, mitä haluat saada, esimerkiksi aikaväli, asianumero tai osoite.]",
            "Vesimittarin lukemat osoitteessa Koskenparras 1 vuodelta 2025.",
        )
    )
    body = parse_qs(urlsplit(page.locator("#request-mailto").get_attribute("href")).query)["body"][0]
    assert "Koskenparras 1" in body
    assert sent == []

    copy_button = page.get_by_role("button", name="Kopioi teksti")
    assert copy_button.is_visible() and page.get_by_role("button", name="Tulosta pyyntö").is_visible()
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    copy_button.click()
    expect(page.locator(".request-status")).to_have_text("Teksti kopioitiin.")
    assert page.evaluate("navigator.clipboard.readText()") == request.input_value()
    screenshot(page, "resident-3-resource-request")
    assert_accessible(page)


def test_the_request_works_without_javascript(live_server, browser, imatra_published):
    context = browser.new_context(java_script_enabled=False, locale="fi-FI")
    page = context.new_page()
    try:
        page.goto(live_server.url + "/imatran-kaupunki/tietovaranto/vesihuolto/")
        assert "Tietovaranto: Vesihuolto" in page.locator("#request-text").input_value()
        assert page.locator("#request-mailto").get_attribute("href").startswith("mailto:kirjaamo@imatra.fi?subject=")
        assert not page.get_by_role("button", name="Kopioi teksti").is_visible()  # offered only when it can work
    finally:
        context.close()
