"""Bulk editing in Chromium: choose by section and by hand, preview, save, one history row per resource."""

import datetime

import pytest
from django.utils import timezone, translation
from django.utils.formats import date_format

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


def test_a_publisher_sets_a_review_date_and_a_date_in_the_past_is_refused(live_server, browser, staff):
    org = staff.organization
    page = signed_in_page(browser, live_server, staff.publisher)
    page.goto(f"{live_server.url}/hallinta/{org.slug}/joukkomuokkaus/")
    boxes = page.locator("input[name=valittu]")
    chosen = [int(boxes.nth(i).get_attribute("value")) for i in range(3)]
    for i in range(3):
        boxes.nth(i).check()
    page.select_option("#id_field", "next_review")
    page.fill("#id_day", "2020-01-31")
    page.locator("button[value=preview]").click()  # refused before the preview shows it
    alert = page.locator("[role=alert]")
    assert "menneisyydessä" in alert.inner_text()  # Finnish: "cannot be in the past"
    assert_accessible(page)
    assert not DataResource.objects.filter(next_review__isnull=False).exists()

    day = timezone.localdate() + datetime.timedelta(days=120)
    page.goto(f"{live_server.url}/hallinta/{org.slug}/joukkomuokkaus/")
    for i in range(3):
        page.locator("input[name=valittu]").nth(i).check()
    page.select_option("#id_field", "next_review")
    page.fill("#id_day", day.isoformat())
    screenshot(page, "backoffice-bulk-edit-review-date-form")
    page.locator("button[value=preview]").click()
    after = page.locator("table.changes td.after")
    assert after.count() == 3
    with translation.override("fi"):
        assert after.first.inner_text() == date_format(day)  # e.g. "3. huhtikuuta 2027"
    assert_accessible(page)
    screenshot(page, "backoffice-bulk-edit-review-date")
    before = {pk: DataResource.objects.get(pk=pk).history.count() for pk in chosen}

    page.locator("button[value=apply]").click()
    page.wait_for_url("**/tarkistus/")
    for pk in chosen:
        resource = DataResource.objects.get(pk=pk)
        assert resource.next_review == day
        assert resource.history.count() == before[pk] + 1
