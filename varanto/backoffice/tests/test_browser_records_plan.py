"""The records management plan's back-office pages in Chromium: the lists, a document type's form with
the conditional rules' messages, and the impact report of retiring a system, each checked with axe."""

import pytest

from varanto.testing.browser import assert_accessible, screenshot

from .browser import signed_in_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_plan_pages_and_a_refused_secret_document_type(live_server, browser, staff):
    page = signed_in_page(browser, live_server, staff.publisher)
    base = f"{live_server.url}/hallinta/{staff.organization.slug}"
    for segment, shown in (
        ("tehtavaluokat", "Rakennusvalvonta (esimerkki)"),
        ("toimenpiteet", "Hakemuksen vastaanotto"),
        ("asiakirjatyypit", "Varhaiskasvatuspäätös (esimerkki)"),
    ):
        page.goto(f"{base}/{segment}/")
        assert shown in page.locator("main").inner_text()
        assert_accessible(page)
        screenshot(page, f"backoffice-records-plan-{segment}")
    page.goto(f"{base}/asiakirjatyypit/uusi/")
    page.select_option("#id_action", label="12 01 00 · Hakemuksen vastaanotto")
    page.fill("#id_document_class", "Päätös")
    page.fill("#id_name", "Huostaanottopäätös")
    page.select_option("#id_publicity_class", "3")
    # the edit form's Save is in the sticky bar outside the form, submitting it through its form attribute
    page.get_by_role("button", name="Tallenna", exact=True).click()
    page.get_by_role("alert").wait_for()  # the answer: the form again, its error summary first
    assert "tarvitsee salassapitoperusteen" in page.locator("main").inner_text()
    assert_accessible(page)
    screenshot(page, "backoffice-records-plan-refused")
    page.goto(f"{base}/vaikutukset/system/keypro/")
    assert "Vesijohtoverkon kartta (esimerkki)" in page.locator("main").inner_text()
    assert_accessible(page)
