"""Keyboard use (skip link, visible focus) and printing, in Chromium."""

import pytest

from varanto.testing.browser import ARTIFACTS, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FOCUS_YELLOW = "rgb(255, 210, 63)"


def _focused(page, script: str):
    return page.evaluate(f"(() => {{ const e = document.activeElement; return {script}; }})()")


def test_the_skip_link_comes_first_shows_on_focus_and_moves_to_the_content(live_server, page, imatra_published):
    page.goto(live_server.url + "/imatran-kaupunki/tietovaranto/vesihuolto/")
    skip = page.locator(".skip-link")
    assert skip.bounding_box()["y"] < 0  # out of sight until focused

    page.keyboard.press("Tab")
    assert _focused(page, "e.className") == "skip-link"
    assert skip.bounding_box()["y"] >= 0 and skip.is_visible()
    screenshot(page, "keyboard-skip-link", full_page=False)

    page.keyboard.press("Enter")
    assert _focused(page, "e.id") == "main"
    page.keyboard.press("Tab")
    assert _focused(page, "e.closest('main') !== null")  # the next stop is inside the content, past the header


def test_focus_is_visible_on_links_buttons_and_fields(live_server, page, imatra_published):
    page.goto(live_server.url + "/imatran-kaupunki/tietovaranto/vesihuolto/")
    seen = set()
    for _ in range(40):
        page.keyboard.press("Tab")
        tag, outline, background = _focused(
            page, "[e.tagName, getComputedStyle(e).outlineStyle, getComputedStyle(e).backgroundColor]"
        )
        if tag == "BODY":
            continue
        assert outline != "none" or background == FOCUS_YELLOW, f"focus not visible on {tag}"
        seen.add(tag)
    assert {"A", "INPUT", "BUTTON"} <= seen
    page.locator("#search-q").focus()
    screenshot(page, "keyboard-focus-search", full_page=False)


def test_printing_the_front_page_prints_the_whole_description(live_server, page, imatra_published):
    page.goto(live_server.url + "/imatran-kaupunki/")
    assert not page.locator(".print-only").is_visible()

    page.emulate_media(media="print")

    assert page.locator(".print-only").is_visible()
    assert not page.locator(".site-header").is_visible() and not page.locator(".site-footer").is_visible()
    assert not page.locator(".screen-only").is_visible()
    resources = page.locator(".print-only .doc-resource")
    assert resources.count() == 31
    assert all(resources.nth(i).is_visible() for i in range(0, 31, 5))
    assert page.locator(".print-only").get_by_text("Vesihuollon järjestäminen ja hallinta").is_visible()
    assert page.locator(".print-only").get_by_text("Imatran kaupungin kirjaamo").first.is_visible()
    screenshot(page, "print-front-page")
    pdf = ARTIFACTS / "print-front-page.pdf"
    page.pdf(path=str(pdf), format="A4")
    assert pdf.stat().st_size > 50_000


def test_printing_a_resource_page_prints_the_request_text_but_not_the_controls(live_server, page, imatra_published):
    page.goto(live_server.url + "/imatran-kaupunki/tietovaranto/vesihuolto/")
    page.emulate_media(media="print")
    assert page.locator(".request-print").is_visible()
    assert "Tietovaranto: Vesihuolto" in page.locator(".request-print").inner_text()
    assert not page.locator("#request-text").is_visible() and not page.locator(".request-actions").is_visible()


def test_the_print_button_prints_the_request_alone(live_server, page, imatra_published):
    page.goto(live_server.url + "/imatran-kaupunki/tietovaranto/vesihuolto/")
    page.evaluate("window.print = () => { window.printedWith = document.body.className; }")
    page.locator("#request-text").fill("Tietopyyntö: vesimittarin lukemat 2025")

    page.get_by_role("button", name="Tulosta pyyntö").click()

    assert "print-request" in page.evaluate("window.printedWith")
    page.evaluate("document.body.classList.add('print-request')")  # as it is while the print dialog is open
    page.emulate_media(media="print")
    assert page.locator(".request-print").inner_text() == "Tietopyyntö: vesimittarin lukemat 2025"
    assert not page.locator(".fields").is_visible() and not page.locator(".guidance").is_visible()
