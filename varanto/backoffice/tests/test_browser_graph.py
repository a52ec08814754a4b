"""The relationship graph of more than 60 systems in Chromium: clustered, filtered, focused, accessible."""

import pytest

from varanto.testing.browser import assert_accessible, screenshot

from .browser import signed_in_page
from .graphs import SECTIONS, SHARED_SYSTEMS, big_catalogue

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_graph_of_sixty_systems_is_clustered_and_opens_one_section(live_server, browser):
    catalogue = big_catalogue()
    page = signed_in_page(browser, live_server, catalogue.viewer)
    page.goto(f"{live_server.url}/hallinta/{catalogue.organization.slug}/kaavio/")
    assert page.locator("a.node.node--system").count() == SECTIONS + SHARED_SYSTEMS
    assert page.locator("table tbody tr").count() == 15
    assert_accessible(page)
    screenshot(page, "backoffice-relationship-graph-clustered")

    page.locator('a.node.node--system[data-node^="cluster:"]').first.click()
    page.wait_for_url("**kohde=section*")
    assert page.locator("a.node.node--resource").count() == 5
    assert_accessible(page)

    page.select_option("#graph-focus", label="Yhteinen 0")
    page.locator("main form.filters button").click()
    page.wait_for_url("**kohde=system*")
    assert page.locator("a.node.node--resource").count() == SECTIONS
    assert_accessible(page)

    page.goto(f"{live_server.url}/hallinta/{catalogue.organization.slug}/kaavio/?kaikki=1")
    assert page.locator("a.node.node--system").count() == catalogue.systems
    assert_accessible(page)
