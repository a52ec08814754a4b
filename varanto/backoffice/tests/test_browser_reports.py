"""The completeness dashboard, the change impact assessment and the relationship graph in Chromium."""

import io

import pytest
from openpyxl import load_workbook

from varanto.catalog.models import ImpactAssessment
from varanto.testing.browser import assert_accessible, screenshot

from .browser import signed_in_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_completeness_dashboard(live_server, browser, staff):
    page = signed_in_page(browser, live_server, staff.viewer)
    page.goto(f"{live_server.url}/hallinta/{staff.organization.slug}/kattavuus/")
    assert page.locator("svg.chart__svg .chart__label").count() == 12
    assert page.locator("table").nth(1).locator("tbody tr").count() == 31
    assert_accessible(page)
    screenshot(page, "backoffice-completeness-dashboard")


def test_impact_assessment_from_choice_to_printout_and_xlsx(live_server, browser, staff):
    page = signed_in_page(browser, live_server, staff.publisher)
    page.goto(f"{live_server.url}/hallinta/{staff.organization.slug}/vaikutukset/")
    assert_accessible(page)
    page.select_option("#subject", "system:effica")
    page.locator("main form.filters button").click()
    page.wait_for_url("**/vaikutukset/system/effica/")
    assert "Varda" in page.locator("main").inner_text()
    assert_accessible(page)
    screenshot(page, "backoffice-impact-report")

    page.fill("#id_title", "Effican korvaaminen")
    page.fill("#id_information_management", "Pääkäyttäjyys siirtyy varhaiskasvatukseen.")
    page.fill("#id_information_security", "Käyttöoikeudet ja lokit uudelleen.")
    page.fill("#id_data_processing", "Varda-siirto testataan ennen käyttöönottoa.")
    page.fill("#id_case_management", "Asiakirjojen säilytysajat TOS:n mukaan.")
    page.locator("section.panel form button").click()
    page.wait_for_url("**/arviot/*/")
    assert_accessible(page)
    screenshot(page, "backoffice-impact-assessment")

    page.emulate_media(media="print")
    assert page.locator(".masthead").is_hidden()
    assert page.locator("dl.assessment").is_visible()
    screenshot(page, "backoffice-impact-assessment-print")
    page.emulate_media(media="screen")

    with page.expect_download() as download_info:
        page.locator('a[href$="/xlsx/"]').click()
    workbook = load_workbook(io.BytesIO(open(download_info.value.path(), "rb").read()))
    cells = [cell for row in workbook.worksheets[0].iter_rows(values_only=True) for cell in row]
    assert "Varda-siirto testataan ennen käyttöönottoa." in cells
    assert ImpactAssessment.objects.get().affected["resources"][0]["name"] == "Varhaiskasvatus"


def test_relationship_graph_highlights_and_focuses(live_server, browser, staff):
    page = signed_in_page(browser, live_server, staff.viewer)
    page.goto(f"{live_server.url}/hallinta/{staff.organization.slug}/kaavio/?kaikki=1")
    assert_accessible(page)
    screenshot(page, "backoffice-relationship-graph")
    meita = page.locator('a.node[data-node="recipient:meita"]')
    meita.focus()
    lit = page.locator(".graph-frame.is-active a.node.is-lit")
    lit_ids = {lit.nth(i).get_attribute("data-node") for i in range(lit.count())}
    assert {"recipient:meita", "resource:talous", "resource:henkilosto-ja-palkkahallinto"} <= lit_ids
    assert page.locator(".edge.is-lit").count() >= 4

    page.locator('a.node[data-node="system:effica"]').click()
    page.wait_for_url("**kohde=system*")
    assert page.locator("a.node").count() < 20
    assert "Varda" in page.locator(".graph-frame").inner_text()
    assert_accessible(page)
    screenshot(page, "backoffice-relationship-graph-effica")

    page.emulate_media(media="print")
    assert page.locator(".graph-frame svg").is_visible()
    assert page.locator(".mainnav").is_hidden()
