"""An official's everyday flow in Chromium: sign in, see what needs attention, edit, send for review."""

import pytest
from django.contrib.auth import get_user_model

from varanto.catalog.models import DataResource, ReviewStatus
from varanto.testing.browser import PHONE, assert_accessible, screenshot

from .browser import signed_in_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _save(page):
    """The edit form's Save: in the sticky bar outside the form, submitting it through its form attribute."""
    return page.get_by_role("button", name="Tallenna ja lähetä tarkistettavaksi", exact=True)


def test_editor_signs_in_and_sees_what_needs_attention(live_server, page, staff):
    editor = get_user_model().objects.get(pk=staff.editor.pk)
    editor.set_password("Vesihuolto-2026")
    editor.save()
    page.goto(live_server.url + "/hallinta/")
    assert_accessible(page)
    page.fill("#id_username", "vesi")
    page.fill("#id_password", "Vesihuolto-2026")
    page.locator("main").get_by_role("button").click()
    page.wait_for_url(f"**/hallinta/{staff.organization.slug}/")
    card = page.locator(".card", has_text="Vesihuolto")
    assert card.count() == 1
    assert card.locator(".reason--overdue").count() == 1
    assert_accessible(page)
    screenshot(page, "backoffice-editor-my-resources")


def test_editor_fills_in_a_resource_adding_rows_with_javascript(live_server, browser, staff):
    page = signed_in_page(browser, live_server, staff.editor)
    page.goto(f"{live_server.url}/hallinta/{staff.organization.slug}/tietovarannot/vesihuolto/muokkaa/")
    assert_accessible(page)
    page.fill("#id_search_criteria", "asiakasnumero\nkiinteistötunnus")
    links = page.locator('[data-rows="links"]')
    links.get_by_role("button").click()  # handled in the page: no reload
    assert links.locator("tbody tr").count() == 2
    page.fill("#id_links-0-title", "Tietosuojaseloste")
    page.fill("#id_links-0-url", "https://www.imatra.fi/tietosuoja/vesihuolto")
    page.select_option("#id_links-0-kind", "privacy_notice")
    page.fill("#id_links-1-title", "Imatran Vesi")
    page.fill("#id_links-1-url", "https://www.imatravesi.fi")
    page.fill("#id_security_measures", "Varmuuskopiot päivittäin")
    screenshot(page, "backoffice-resource-edit-form")
    _save(page).click()
    page.wait_for_url("**/tietovarannot/vesihuolto/")
    assert_accessible(page)
    resource = DataResource.objects.get(organization=staff.organization, key="vesihuolto")
    assert resource.search_criteria == ["asiakasnumero", "kiinteistötunnus"]
    assert [link["kind"] for link in resource.links] == ["privacy_notice", "web"]
    assert resource.review_status == ReviewStatus.READY_FOR_REVIEW
    screenshot(page, "backoffice-resource-page")


def test_add_row_works_without_javascript(live_server, browser, staff):
    page = signed_in_page(browser, live_server, staff.editor, javascript=False)
    page.goto(f"{live_server.url}/hallinta/{staff.organization.slug}/tietovarannot/vesihuolto/muokkaa/")
    flows = page.locator('[data-rows="data_flows"]')
    page.fill("#id_data_flows-0-target", "Vesihuoltolaitosrekisteri")
    flows.get_by_role("button").click()  # a real submit: the server answers with one more row
    page.wait_for_load_state()
    assert page.locator('[data-rows="data_flows"] tbody tr').count() == 2
    assert page.input_value("#id_data_flows-0-target") == "Vesihuoltolaitosrekisteri"
    page.fill("#id_data_flows-1-target", "Hulevesirekisteri")
    _save(page).click()
    page.wait_for_url("**/tietovarannot/vesihuolto/")
    resource = DataResource.objects.get(organization=staff.organization, key="vesihuolto")
    assert [f["target"] for f in resource.data_flows] == ["Vesihuoltolaitosrekisteri", "Hulevesirekisteri"]


def test_editor_pages_are_accessible_at_phone_width(live_server, browser, staff):
    page = signed_in_page(browser, live_server, staff.editor, viewport=PHONE)
    page.goto(f"{live_server.url}/hallinta/{staff.organization.slug}/")
    assert_accessible(page)
    page.goto(f"{live_server.url}/hallinta/{staff.organization.slug}/tietovarannot/vesihuolto/muokkaa/")
    assert_accessible(page)
    screenshot(page, "backoffice-edit-form-phone", full_page=False)


def test_editor_confirms_an_overdue_resource_is_still_current(live_server, browser, staff):
    page = signed_in_page(browser, live_server, staff.editor)
    page.goto(f"{live_server.url}/hallinta/{staff.organization.slug}/")
    page.locator(".card", has_text="Vesihuolto").locator("form button").click()
    page.wait_for_load_state()
    assert page.locator(".message--success").count() == 1
    resource = DataResource.objects.get(organization=staff.organization, key="vesihuolto")
    assert resource.review_status == ReviewStatus.READY_FOR_REVIEW
