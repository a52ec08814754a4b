"""Review and publish in Chromium: the publisher sees the change, returns or approves it, and publishes."""

import pytest
from django.urls import reverse

from varanto.catalog.models import DataResource, InformationSystem, ReviewStatus
from varanto.catalog.services import data_resource_update
from varanto.publications.selectors import latest_publication
from varanto.testing.browser import assert_accessible, screenshot

from .browser import signed_in_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _edit_by_editor(staff, **data):
    resource = DataResource.objects.get(organization=staff.organization, key="vesihuolto")
    return data_resource_update(
        resource=resource, data=data, expected_version=resource.version, acting_user=staff.editor
    )


def test_publisher_reviews_approves_and_publishes(live_server, browser, staff):
    _edit_by_editor(staff, search_criteria=["asiakasnumero", "osoite"])
    page = signed_in_page(browser, live_server, staff.publisher)
    page.goto(f"{live_server.url}/hallinta/{staff.organization.slug}/tarkistus/")
    item = page.locator(".review-item", has_text="Vesihuolto")
    assert "asiakasnumero; osoite" in item.locator("table.changes").inner_text()
    assert_accessible(page)
    screenshot(page, "backoffice-review")
    item.locator("form:has(input[name=move][value=approve]) button").click()
    page.wait_for_load_state()
    assert (
        DataResource.objects.get(organization=staff.organization, key="vesihuolto").review_status
        == ReviewStatus.CURRENT
    )

    page.fill("#publish-note", "Vesihuollon hakutekijät")
    page.locator('form[action$="/julkaise/"] button').click()
    page.wait_for_load_state()
    publication = latest_publication(staff.organization)
    assert (publication.number, publication.note) == (2, "Vesihuollon hakutekijät")
    public = page.context.new_page()
    public.goto(live_server.url + reverse("public:resource", args=[staff.organization.slug, "vesihuolto"]))
    assert "asiakasnumero" in public.content()


def test_publisher_returns_a_change_and_the_editor_sees_why(live_server, browser, staff):
    _edit_by_editor(staff, notes="Keskeneräinen")
    publisher = signed_in_page(browser, live_server, staff.publisher)
    publisher.goto(f"{live_server.url}/hallinta/{staff.organization.slug}/tietovarannot/vesihuolto/")
    assert_accessible(publisher)
    publisher.fill("#comment-return", "Lisää hakutekijät ja tietosuojaseloste")
    publisher.locator("form:has(input[name=move][value=return]) button").click()
    publisher.wait_for_load_state()
    editor = signed_in_page(browser, live_server, staff.editor)
    editor.goto(f"{live_server.url}/hallinta/{staff.organization.slug}/")
    assert "Lisää hakutekijät ja tietosuojaseloste" in editor.locator(".card", has_text="Vesihuolto").inner_text()


def test_overdue_and_resource_list_pages_are_accessible(live_server, browser, staff):
    page = signed_in_page(browser, live_server, staff.viewer)
    page.goto(f"{live_server.url}/hallinta/{staff.organization.slug}/myohassa/")
    resources, systems = page.locator("table.table").all()
    assert resources.locator("tbody tr").count() == 31
    # No system has been reviewed in Varanto: each counts from the description's date, long past.
    assert (
        systems.locator("tbody tr").count() == InformationSystem.objects.filter(organization=staff.organization).count()
    )
    assert_accessible(page)
    page.goto(f"{live_server.url}/hallinta/{staff.organization.slug}/tietovarannot/?tila=overdue")
    assert_accessible(page)
    page.goto(f"{live_server.url}/hallinta/{staff.organization.slug}/jarjestelmat/m-files/")
    assert_accessible(page)
