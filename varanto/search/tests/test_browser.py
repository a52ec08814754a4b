"""The search in a real browser: from the header search box to a narrowed result list, accessibly."""

import re

import pytest

from varanto.search.tests.test_results_page_work import add_organizations
from varanto.search.views import FACET_VALUES_SHOWN
from varanto.testing.browser import PHONE, assert_accessible, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_resident_searches_from_the_front_page_and_narrows_the_results(live_server, page, imatra_published):
    page.goto(live_server.url + "/imatran-kaupunki/")
    page.get_by_role("searchbox").first.fill("sain pysäköintivirhemaksun")
    page.keyboard.press("Enter")
    page.wait_for_url("**/haku/?q=*")
    first = page.locator(".result h3 a").first
    assert first.inner_text() == "Pysäköinninvalvonta"
    assert page.locator(".snippet mark").first.inner_text() == "pysäköintivirhemaksuista"
    assert_accessible(page)
    screenshot(page, "search-results")

    page.goto(live_server.url + "/imatran-kaupunki/haku/?q=aineistot")
    count = page.locator(".result").count()
    page.locator(".facet a", has_text="Hyvinvointi- ja koulutus").click()
    assert 0 < page.locator(".result").count() < count
    assert page.locator('.facet a[aria-current="true"]').count() == 1
    assert_accessible(page)
    screenshot(page, "search-results-narrowed")

    # each result says in words where the search words were found, never the engine's scores
    why = page.locator(".result .why").first
    assert why.is_visible()
    assert re.fullmatch(r"Löytyi kohdista: [^\d]+", why.inner_text())
    assert_accessible(page)


def test_results_and_empty_results_are_accessible_on_a_phone(live_server, page, imatra_published):
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + "/imatran-kaupunki/haku/?q=päiväkoti")
    assert page.locator(".result h3 a").first.inner_text() == "Varhaiskasvatus"
    assert_accessible(page)
    screenshot(page, "search-results-phone")
    page.goto(live_server.url + "/imatran-kaupunki/haku/?q=avaruusromu")
    assert page.locator(".result").count() == 0
    assert_accessible(page)
    page.goto(live_server.url + "/sv/imatran-kaupunki/haku/?q=kirjasto")
    assert_accessible(page)


def test_a_swedish_query_says_what_it_also_searched_and_who_holds_another_authoritys_matter(
    live_server, page, imatra_published
):
    page.goto(live_server.url + "/sv/imatran-kaupunki/haku/?q=bygglovsritningar")
    assert page.locator(".result h3 a").first.inner_text() == "Rakennusvalvonta"
    assert page.locator(".searched-also").inner_text() == "Sökte även: rakennuslupa"
    assert_accessible(page)
    screenshot(page, "search-results-swedish")
    page.goto(live_server.url + "/en/imatran-kaupunki/haku/?q=health+centre+records")
    assert "The wellbeing services county" in page.locator(".referrals").inner_text()
    assert_accessible(page)
    screenshot(page, "search-referral")


def test_the_search_across_every_organisation_is_accessible(live_server, page, imatra_published):
    page.goto(live_server.url + "/haku/?q=p%C3%A4iv%C3%A4koti")
    assert page.locator(".result h3 a").first.inner_text() == "Varhaiskasvatus"
    assert page.locator("#facet-organization").inner_text() == "Organisaatio"
    assert_accessible(page)
    screenshot(page, "search-every-organisation")
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + "/en/haku/?q=tax+card")
    assert_accessible(page)


def test_show_all_values_of_a_facet_is_reached_and_followed_with_the_keyboard(live_server, page):
    add_organizations(0, 12)
    page.goto(live_server.url + "/haku/?q=kirjasto")
    organizations = page.locator("#facet-organization + ul li")
    assert organizations.count() == FACET_VALUES_SHOWN
    focused = "[document.activeElement.closest('.facet')?.getAttribute('aria-labelledby'), document.activeElement.textContent]"
    for _ in range(200):
        page.keyboard.press("Tab")
        facet, text = page.evaluate(focused)
        if facet == "facet-organization" and text.startswith("Näytä kaikki 12"):
            break
    else:
        pytest.fail("the show-all link is not reached with Tab")
    page.keyboard.press("Enter")
    page.wait_for_url("**kaikki=organisaatio*")
    assert organizations.count() == 12
    assert_accessible(page)
