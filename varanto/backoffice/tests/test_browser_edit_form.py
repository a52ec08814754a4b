"""The edit form in Chromium: what the law still asks is listed first and leads to its part of the form, and
Save stays in the window however far down the form an official is, at desktop and phone width."""

import re

import pytest

from varanto.catalog.models import DataResource
from varanto.testing.browser import DESKTOP, PHONE, assert_accessible, screenshot

from .browser import signed_in_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _in_window(page, locator) -> bool:
    box = locator.bounding_box()
    return box is not None and 0 <= box["y"] and box["y"] + box["height"] <= page.viewport_size["height"]


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_save_is_always_in_reach_and_the_missing_items_lead_to_their_fields(live_server, browser, staff, viewport):
    DataResource.objects.filter(organization=staff.organization, key="vesihuolto").update(purpose="")
    page = signed_in_page(browser, live_server, staff.editor, viewport=viewport)
    page.goto(f"{live_server.url}/hallinta/{staff.organization.slug}/tietovarannot/vesihuolto/muokkaa/")
    save = page.get_by_role("button", name="Tallenna ja lähetä tarkistettavaksi")
    assert page.evaluate("document.documentElement.scrollHeight") > 2 * viewport["height"]
    assert _in_window(page, save)
    summary = page.locator(".missing-summary")
    assert "Käyttötarkoitus (§5)" in summary.inner_text()
    assert_accessible(page)
    screenshot(page, f"backoffice-edit-form-{'phone' if viewport == PHONE else 'desktop'}", full_page=False)

    summary.get_by_role("link", name="Käyttötarkoitus").click()
    assert page.locator("#id_purpose").is_visible() and _in_window(page, save)
    page.mouse.wheel(0, 4000)
    assert _in_window(page, save)
    page.locator("#id_purpose").fill("Vesihuollon asiakkaat ja verkosto")
    save.click()
    page.wait_for_url(re.compile(r"/tietovarannot/vesihuolto/(#.*)?$"))
    assert "Tallennettu ja lähetetty tarkistettavaksi." in page.locator(".messages").inner_text()
    assert page.locator(".badge").inner_text() == "Odottaa tarkistusta"
