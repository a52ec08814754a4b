"""Tuo kuvaus and the starter model in Chromium: upload, preview beside the source, correct, import; axe on each page."""

import pytest
from django.contrib.auth import get_user_model

from varanto.catalog.models import DataResource, Organization
from varanto.interchange.models import ImportLabelMapping
from varanto.interchange.tests.test_preview import PAGE
from varanto.testing.browser import assert_accessible, screenshot

from .browser import signed_in_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_administrator_uploads_previews_corrects_and_imports_a_description(live_server, browser, tmp_path):
    superuser = get_user_model().objects.create_superuser("paakayttaja", password="x")
    source = tmp_path / "tietovarannot.txt"
    source.write_text(PAGE, encoding="utf-8")
    page = signed_in_page(browser, live_server, superuser)
    page.goto(f"{live_server.url}/hallinta/tuo/")
    assert_accessible(page)
    page.set_input_files("#id_uploads", str(source))
    page.fill("#id_organization_name", "Testilän kunta")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/hallinta/tuonnit/*/")
    # The recognised resources beside the source, the heading line marked, the unknown label offered.
    assert page.locator(".import-resource").count() == 3
    assert page.locator(".source-lines li.source-line--resource").count() == 3
    assert page.locator(".source-lines li.source-line--unplaced").count() >= 1
    assert_accessible(page)
    screenshot(page, "backoffice-import-preview")

    page.locator("tr", has_text="Tietosisältö").locator("select").select_option("key_datasets")
    page.locator("tr", has_text="Tietosisältö").locator("button").click()
    page.wait_for_load_state()
    page.locator(".import-resource", has_text="Arkisto").get_by_role("button", name="Osa edellistä").click()
    page.wait_for_load_state()
    assert page.locator(".import-resource").count() == 2
    split = page.locator(".import-resource", has_text="Varhaiskasvatus ja perusopetus")
    split.locator("summary").click()
    split.locator("input[name=name]").fill("Perusopetus")
    split.locator("label", has_text="oppilastiedot").click()
    split.locator("label", has_text="Wilma").click()
    split.locator("details button").click()
    page.wait_for_load_state()
    assert page.locator(".import-resource").count() == 3
    assert page.locator("#korjaukset li").count() == 3
    assert_accessible(page)

    page.get_by_role("button", name="Tuo", exact=True).click()
    page.wait_for_url("**/tarkistus/")
    organization = Organization.objects.get(name="Testilän kunta")
    names = set(DataResource.objects.filter(organization=organization).values_list("name", flat=True))
    assert names == {"Asianhallinta", "Varhaiskasvatus ja perusopetus", "Perusopetus"}
    perusopetus = DataResource.objects.get(organization=organization, name="Perusopetus")
    assert perusopetus.key_datasets == ["oppilastiedot"]
    assert [s.name for s in perusopetus.systems.all()] == ["Wilma"]
    assert ImportLabelMapping.objects.filter(organization=organization, field="key_datasets").exists()
    assert_accessible(page)


def test_superuser_starts_an_organisation_from_the_starter_model(live_server, browser):
    superuser = get_user_model().objects.create_superuser("paakayttaja", password="x")
    page = signed_in_page(browser, live_server, superuser)
    page.goto(f"{live_server.url}/hallinta/")
    assert_accessible(page)
    page.get_by_role("link", name="Aloita aloitusmallista, kun kuvausta ei vielä ole").click()
    page.wait_for_url("**/aloitusmalli/")
    assert_accessible(page)
    page.fill("#id_name", "Pikkulan kunta")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/tietovarannot/?tila=ready")
    assert page.locator(".badge--starter").count() == DataResource.objects.filter(starter_draft=True).count() > 20
    assert_accessible(page)
    screenshot(page, "backoffice-starter-model")


WEB_PAGE = """<!DOCTYPE html><html lang="fi"><head><meta charset="utf-8"><title>Rakennusvalvonta | Imatra</title></head>
<body><a href="#sisalto">Siirry sisältöön</a><main id="sisalto"><h1>Rakennusvalvonta</h1>
<p>Tietovarannon käyttötarkoitus: rakennuslupien käsittely</p>
<p>Keskeiset tietojärjestelmät: Lupapiste</p>
<h2>Yhteistyö ja kuvat</h2>
<p>Rakennuslupien piirustukset skannattuina.</p>
</main></body></html>"""


def test_a_web_page_is_shown_block_by_block_and_a_heading_taken_as_a_resource(live_server, browser, staff, tmp_path):
    source = tmp_path / "rakennusvalvonta.html"
    source.write_text(WEB_PAGE, encoding="utf-8")
    page = signed_in_page(browser, live_server, staff.administrator)
    page.goto(f"{live_server.url}/hallinta/{staff.organization.slug}/")
    page.get_by_role("link", name="Tuo kuvaus").click()
    page.wait_for_url("**/tuo/")
    page.set_input_files("#id_uploads", str(source))
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/hallinta/tuonnit/*/")
    assert page.locator(".import-resource").count() == 1
    assert "Siirry sisältöön" not in page.locator(".source-lines").inner_text()
    assert_accessible(page)
    page.locator(".source-lines li", has_text="Yhteistyö ja kuvat").locator("button").click()
    page.wait_for_load_state()
    assert page.locator(".import-resource").count() == 2
    assert_accessible(page)
    screenshot(page, "backoffice-import-web-page")
    page.get_by_role("button", name="Tuo", exact=True).click()
    page.wait_for_url("**/tarkistus/")
    added = DataResource.objects.get(organization=staff.organization, name="Yhteistyö ja kuvat")
    assert added.review_status == "ready_for_review"
