"""Bulk editing in Chromium: choose by section and by hand, preview, save, one history row per resource."""

import pytest

from varanto.catalog.models import DataResource
from varanto.testing.browser import assert_accessible, screenshot

from .browser import signed_in_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_publisher_sets_the_retention_of_chosen_resources_after_a_preview(live_server, browser, staff):
    org = staff.organization
    page = signed_in_page(browser, live_server, staff.publisher)
    page.goto(f"{live_server.url}/hallinta/{org.slug}/joukkomuokkaus/")
    page.select_option("#bulk-section", "konsernipalvelut")
    page.locator("main form.filters button").click()
    page.wait_for_url("**toimiala=konsernipalvelut")
    assert_accessible(page)
    boxes = page.locator("input[name=valittu]")
    chosen = [int(boxes.nth(i).get_attribute("value")) for i in range(2)]
    for i in range(2):
        boxes.nth(i).check()
    page.select_option("#id_field", "retention_period")
    page.fill("#id_text", "10 vuotta")
    page.locator("button[value=preview]").click()
    assert page.locator("table.changes tbody tr").count() == 2
    assert_accessible(page)
    screenshot(page, "backoffice-bulk-edit-preview")
    before = {pk: DataResource.objects.get(pk=pk).history.count() for pk in chosen}

    page.locator("button[value=apply]").click()
    page.wait_for_url("**/tarkistus/")
    for pk in chosen:
        resource = DataResource.objects.get(pk=pk)
        assert resource.retention_period == "10 vuotta"
        assert resource.history.count() == before[pk] + 1
    assert DataResource.objects.filter(organization=org, retention_period="10 vuotta").count() == 2
