"""The back office on a phone (375 px): no page scrolls sideways, the menu wraps onto lines of its own and every
item stays in the window and in the keyboard's reach, and the pages pass axe, for each role's main pages."""

import time

import pytest

from varanto.testing.browser import PHONE, assert_accessible, screenshot

from .browser import signed_in_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = {
    "dashboard": "/hallinta/{org}/",
    "resource-list": "/hallinta/{org}/tietovarannot/",
    "resource-edit": "/hallinta/{org}/tietovarannot/vesihuolto/muokkaa/",
    "bulk-edit": "/hallinta/{org}/joukkomuokkaus/",
    "board-report": "/hallinta/{org}/katsaus/",
}


def sideways(page) -> int:
    """How many pixels the page is wider than the window (0: no sideways scrolling)."""
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


def outside_the_window(page) -> list[str]:
    """The header's links, buttons and fields that reach past the window's right edge."""
    return page.evaluate(
        """[...document.querySelectorAll('header a, header button, header select')]
            .filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5)
            .map(e => e.textContent.trim() || e.id)"""
    )


def _soon(check, seconds: float = 3) -> bool:
    """Whether `check()` holds within `seconds` (the page's script runs on its own time)."""
    end = time.monotonic() + seconds
    while not check():
        if time.monotonic() > end:
            return False
        time.sleep(0.05)
    return True


@pytest.mark.parametrize("name", PAGES)
def test_no_back_office_page_scrolls_sideways_on_a_phone(live_server, browser, staff, name):
    page = signed_in_page(browser, live_server, staff.administrator, viewport=PHONE)
    page.goto(live_server.url + PAGES[name].format(org=staff.organization.slug))
    assert page.locator("main h1").count() == 1
    assert sideways(page) <= 0, f"{name} is {sideways(page)} px wider than the window"
    assert outside_the_window(page) == []
    assert_accessible(page)
    screenshot(page, f"backoffice-phone-{name}", full_page=False)


def test_the_phone_menu_folds_behind_one_button_and_is_used_with_the_keyboard(live_server, browser, staff):
    page = signed_in_page(browser, live_server, staff.administrator, viewport=PHONE)
    page.goto(f"{live_server.url}/hallinta/{staff.organization.slug}/tietovarannot/")
    toggle = page.get_by_role("button", name="Valikko")
    items = page.locator("nav.mainnav a")
    assert toggle.get_attribute("aria-expanded") == "false" and not items.first.is_visible()
    assert "Tietovarannot" in toggle.inner_text()  # where one is, with the menu folded
    page.locator(".skip-link").focus()
    while page.evaluate("document.activeElement.getAttribute('aria-controls')") != "mainnav-items":
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true"
    labels = [items.nth(i).inner_text() for i in range(items.count())]
    assert len(labels) > 10
    reached = []
    for _ in labels:
        page.keyboard.press("Tab")
        reached.append(page.evaluate("document.activeElement.textContent.trim()"))
        box = page.evaluate("document.activeElement.getBoundingClientRect().toJSON()")
        assert 0 <= box["left"] and box["right"] <= PHONE["width"], reached[-1]
    assert reached == labels
    assert sideways(page) <= 0
    assert_accessible(page)
    screenshot(page, "backoffice-phone-menu-open", full_page=False)
    page.keyboard.press("Escape")
    assert toggle.get_attribute("aria-expanded") == "false" and not items.first.is_visible()
    assert page.evaluate("document.activeElement.getAttribute('aria-controls')") == "mainnav-items"


def test_without_javascript_the_phone_menu_wraps_inside_the_window(live_server, browser, staff):
    page = signed_in_page(browser, live_server, staff.administrator, viewport=PHONE, javascript=False)
    page.goto(f"{live_server.url}/hallinta/{staff.organization.slug}/")
    assert not page.locator(".mainnav__toggle").is_visible()
    assert page.locator("nav.mainnav a").count() > 10
    assert outside_the_window(page) == []
    assert sideways(page) <= 0


def test_a_wide_table_scrolls_in_a_named_frame_that_takes_the_keyboard(live_server, browser, staff):
    page = signed_in_page(browser, live_server, staff.administrator, viewport=PHONE)
    page.goto(f"{live_server.url}/hallinta/{staff.organization.slug}/tietovarannot/")
    frame = page.locator(".table-scroll")
    assert frame.count() == 1 and page.get_by_role("region", name="Tietovarannot").count() == 1
    assert frame.get_attribute("tabindex") == "0"
    assert frame.evaluate("f => f.scrollWidth > f.clientWidth")
    frame.focus()
    page.keyboard.press("ArrowRight")
    assert _soon(lambda: frame.evaluate("f => f.scrollLeft") > 0)
    page.set_viewport_size({"width": 1600, "height": 900})  # wide enough: no frame of its own, no tab stop
    assert _soon(lambda: frame.get_attribute("tabindex") is None)
    assert page.get_by_role("region", name="Tietovarannot").count() == 0
