"""The audit log in Chromium: narrowed by user and record, accessible, downloaded as CSV."""

import pytest

from varanto.catalog.models import DataResource
from varanto.catalog.services import data_resource_update
from varanto.testing.browser import assert_accessible, screenshot

from .browser import signed_in_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_administrator_narrows_the_audit_log_to_an_editors_edits_and_downloads_them(live_server, browser, staff):
    resource = DataResource.objects.get(organization=staff.organization, key="vesihuolto")
    data_resource_update(resource=resource, data={"purpose": "Uusi"}, expected_version=1, acting_user=staff.editor)
    page = signed_in_page(browser, live_server, staff.administrator)
    page.goto(f"{live_server.url}/hallinta/{staff.organization.slug}/loki/")
    page.select_option("#id_username", "vesi")
    page.fill("#id_record", "vesihuolto")
    page.locator("form.filters button").click()
    page.wait_for_url("**/loki/?*username=vesi*")
    rows = page.locator("main tbody tr")
    assert rows.count() == 1
    assert "tietuetta muokattu" in rows.first.inner_text()
    assert_accessible(page)
    screenshot(page, "backoffice-audit-log-narrowed")
    with page.expect_download() as caught:
        page.get_by_role("link", name="Lataa CSV-tiedostona").click()
    download = caught.value
    assert download.suggested_filename == f"{staff.organization.slug}-loki.csv"
    text = open(download.path(), encoding="utf-8-sig").read()
    lines = text.splitlines()
    assert len(lines) == 2 and ";vesi;" in lines[1]
