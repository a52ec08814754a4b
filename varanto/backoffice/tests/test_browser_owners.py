"""Choosing a responsible editor in the resource list, in Chromium: one labelled select per row, accessible."""

import pytest

from varanto.testing.browser import assert_accessible, screenshot

from .browser import signed_in_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_administrator_changes_the_editor_from_the_list(live_server, browser, staff):
    page = signed_in_page(browser, live_server, staff.administrator)
    page.goto(f"{live_server.url}/hallinta/{staff.organization.slug}/tietovarannot/")
    choice = page.get_by_label("Vastuukäyttäjä: Vesihuolto")
    assert choice.input_value() == str(staff.editor.memberships.get().pk)
    assert_accessible(page)
    choice.select_option(label="Talous (1 tietovaranto)")
    choice.locator("xpath=ancestor::form").get_by_role("button", name="Vaihda").click()
    page.wait_for_load_state()
    assert "Vesihuolto: vastuukäyttäjä on nyt Talous." in page.locator(".messages").inner_text()
    assert page.get_by_label("Vastuukäyttäjä: Vesihuolto").input_value() == str(staff.other_editor.memberships.get().pk)
    screenshot(page, "backoffice-resource-list-owners", full_page=False)
