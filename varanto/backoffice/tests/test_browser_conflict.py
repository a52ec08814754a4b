"""No lost updates, in two real browser sessions editing the same data resource."""

import pytest

from varanto.catalog.models import DataResource
from varanto.testing.browser import assert_accessible, screenshot

from .browser import signed_in_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _save(page):
    """The edit form's Save: in the sticky bar outside the form, submitting it through its form attribute."""
    return page.get_by_role("button", name="Tallenna ja lähetä tarkistettavaksi", exact=True)


def test_second_browser_gets_the_conflict_page_and_can_keep_its_version(live_server, browser, staff):
    url = f"{live_server.url}/hallinta/{staff.organization.slug}/tietovarannot/vesihuolto/muokkaa/"
    editor = signed_in_page(browser, live_server, staff.editor)
    publisher = signed_in_page(browser, live_server, staff.publisher)
    editor.goto(url)
    publisher.goto(url)

    editor.fill("#id_notes", "Verkostotiedot siirtyvät uuteen järjestelmään 2027.")
    _save(editor).click()
    editor.wait_for_url("**/tietovarannot/vesihuolto/")

    publisher.fill("#id_purpose", "Vesihuollon ja hulevesien hallinta")
    _save(publisher).click()
    publisher.wait_for_load_state()
    table = publisher.locator("table.changes")
    assert "Vesihuollon ja hulevesien hallinta" in table.inner_text()
    assert "Verkostotiedot siirtyvät uuteen järjestelmään 2027." in table.inner_text()
    assert_accessible(publisher)
    screenshot(publisher, "backoffice-conflict")
    resource = DataResource.objects.get(organization=staff.organization, key="vesihuolto")
    assert (resource.version, resource.purpose) == (2, "Vesihuollon järjestäminen ja hallinta")

    publisher.locator("main form button.button--danger").click()
    publisher.wait_for_url("**/tietovarannot/vesihuolto/")
    resource.refresh_from_db()
    assert (resource.version, resource.purpose) == (3, "Vesihuollon ja hulevesien hallinta")
    history = resource.history.order_by("history_date")
    assert [row.history_user.username for row in history[1:]] == ["vesi", "julkaisija"]
