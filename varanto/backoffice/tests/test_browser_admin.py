"""History, restore, deletion and recovery, users and the audit log, and the other edit pages in Chromium."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from varanto.accounts.models import AuditEvent, AuditKind
from varanto.catalog.models import DataResource, ImpactAssessment
from varanto.catalog.services import data_resource_update
from varanto.testing.browser import assert_accessible, screenshot

from .browser import signed_in_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_history_and_restore(live_server, browser, staff):
    resource = DataResource.objects.get(organization=staff.organization, key="vesihuolto")
    data_resource_update(
        resource=resource, data={"purpose": "Virheellinen teksti"}, expected_version=1, acting_user=staff.editor
    )
    page = signed_in_page(browser, live_server, staff.editor)
    page.goto(f"{live_server.url}/hallinta/{staff.organization.slug}/tietovarannot/vesihuolto/historia/")
    assert "Virheellinen teksti" in page.locator(".history__entry").first.inner_text()
    assert_accessible(page)
    screenshot(page, "backoffice-history")
    page.locator(".history__entry").nth(1).get_by_role("link", name="Palauta versio 1…").click()
    page.wait_for_url("**/palauta/")
    changes = page.locator("table.changes").inner_text()
    assert "Virheellinen teksti" in changes and "Vesihuollon järjestäminen ja hallinta" in changes
    resource.refresh_from_db()
    assert resource.version == 2  # nothing restored before the confirmation
    assert_accessible(page)
    screenshot(page, "backoffice-restore-confirm")
    page.get_by_role("button", name="Palauta versio 1").click()
    page.wait_for_url("**/tietovarannot/vesihuolto/")
    resource.refresh_from_db()
    assert (resource.purpose, resource.version) == ("Vesihuollon järjestäminen ja hallinta", 3)


def test_delete_with_confirmation_and_recovery(live_server, browser, staff):
    page = signed_in_page(browser, live_server, staff.publisher)
    page.goto(f"{live_server.url}/hallinta/{staff.organization.slug}/tietovarannot/vesihuolto/")
    page.locator("a.button--danger").click()
    page.wait_for_url("**/poista/")
    assert "KeyPro (verkosto)" in page.locator("main").inner_text()
    assert_accessible(page)
    page.locator("main form button").click()
    page.wait_for_url("**/poistetut/")
    assert not DataResource.objects.filter(organization=staff.organization, key="vesihuolto").exists()
    assert_accessible(page)
    page.locator("tr", has_text="Vesihuolto").get_by_role("link", name="Palauta…").click()
    page.wait_for_url("**/palauta/")  # asked first, with what it brings back
    assert "KeyPro (verkosto)" in page.locator("table.changes").inner_text()  # its links come back
    assert_accessible(page)
    page.locator("main form button").click()
    page.wait_for_url("**/tietovarannot/vesihuolto/")
    assert DataResource.objects.get(organization=staff.organization, key="vesihuolto").system_links.count() == 6


def test_administrator_adds_a_user_and_reads_the_audit_log(live_server, browser, staff):
    page = signed_in_page(browser, live_server, staff.administrator)
    page.goto(f"{live_server.url}/hallinta/{staff.organization.slug}/kayttajat/")
    assert_accessible(page)
    page.fill("#id_username", "kirjaamo")
    page.fill("#id_first_name", "Kaisa")
    page.check("input[name=role][value=publisher]")
    page.locator("section[aria-labelledby=add-heading] form button").click()
    page.wait_for_load_state()
    password = page.locator(".password code").inner_text()
    assert len(password) >= 12
    assert AuditEvent.objects.filter(kind=AuditKind.ROLE_CHANGE, detail__target="kirjaamo").exists()

    signin = browser.new_context(locale="fi-FI").new_page()
    signin.goto(f"{live_server.url}/hallinta/kirjaudu/")
    signin.fill("#id_username", "kirjaamo")
    signin.fill("#id_password", "väärin")
    signin.locator("main button").click()
    signin.fill("#id_password", password)
    signin.locator("main button").click()
    signin.wait_for_url(f"**/hallinta/{staff.organization.slug}/")

    page.goto(f"{live_server.url}/hallinta/{staff.organization.slug}/loki/")
    text = page.locator("main table").inner_text()
    assert text.count("kirjaamo") >= 3  # role given, failed sign-in, sign-in
    assert_accessible(page)
    screenshot(page, "backoffice-audit-log")
    member = page.context.new_page()
    member.goto(f"{live_server.url}/hallinta/{staff.organization.slug}/kayttajat/")
    member.get_by_role("link", name="vesi", exact=True).click()
    assert_accessible(member)


@pytest.mark.parametrize(
    "path",
    [
        "/jarjestelmat/keypro/muokkaa/",
        "/toimialat/konsernipalvelut/muokkaa/",
        "/prosessit/uusi/",
        "/yhteystiedot/",
        "/toimialat/",
        "/prosessit/",
        "/prosessit/esimerkki-rakennuslupa/muokkaa/",
        "/liittymat/",
        "/liittymat/uusi/",
        "/liittymat/esimerkki-lupapiste-facta/muokkaa/",
        "/liittymat/esimerkki-lupapiste-facta/historia/",
        "/jarjestelmat/facta/",
        "/vaikutukset/system/facta/",
        "/jarjestelmat/",
        "/tietovarannot/uusi/",
        "/arviot/{assessment}/muokkaa/",
        "/yhteystiedot/historia/",
        "/tarkistus/",
        "/tunnus/",
    ],
)
def test_other_edit_and_list_pages_are_accessible(live_server, browser, staff, path):
    assessment = ImpactAssessment.objects.create(
        organization=staff.organization,
        subject_kind="system",
        subject_key="m-files",
        subject_name="M-Files",
        title="Pilveen",
    )
    page = signed_in_page(browser, live_server, staff.administrator)
    page.goto(f"{live_server.url}/hallinta/{staff.organization.slug}{path.format(assessment=assessment.pk)}")
    assert page.locator("h1").count() == 1
    assert_accessible(page)


def test_own_password_change(live_server, browser, staff):
    viewer = get_user_model().objects.get(pk=staff.viewer.pk)
    viewer.set_password("Vanha-Salasana-2025")
    viewer.save()
    page = signed_in_page(browser, live_server, viewer)
    page.goto(f"{live_server.url}/hallinta/salasana/")
    assert_accessible(page)
    page.fill("#id_old_password", "Vanha-Salasana-2025")
    page.fill("#id_new_password1", "Uusi-Salasana-2026")
    page.fill("#id_new_password2", "Uusi-Salasana-2026")
    page.locator("main form button").click()
    page.wait_for_url(f"**/hallinta/{staff.organization.slug}/")
    assert page.locator(".message--success").count() == 1
    assert get_user_model().objects.get(pk=viewer.pk).check_password("Uusi-Salasana-2026")


def test_denied_page_is_accessible_and_says_why(live_server, browser, staff):
    page = signed_in_page(browser, live_server, staff.viewer)
    response = page.goto(f"{live_server.url}/hallinta/{staff.organization.slug}/tietovarannot/vesihuolto/muokkaa/")
    assert response.status == 403
    assert_accessible(page)


def test_swedish_interface(live_server, browser, staff):
    page = signed_in_page(browser, live_server, staff.editor)
    page.goto(f"{live_server.url}/hallinta/{staff.organization.slug}/")
    page.select_option("#language-select", "sv")
    page.locator(".language button").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "sv"
    assert_accessible(page)
    assert reverse("backoffice:my_resources", args=[staff.organization.slug]) in page.url


def test_administrator_makes_an_integration_token_and_revokes_it(live_server, browser, staff):
    org = staff.organization.slug
    api_url = f"{live_server.url}/api/v1/working/{org}/resources/"
    api = browser.new_context()  # an integration: no session, only the token
    page = signed_in_page(browser, live_server, staff.administrator)
    page.goto(f"{live_server.url}/hallinta/{org}/")
    page.locator(".mainnav").get_by_role("link", name="Integraatiot").click()
    page.wait_for_url(f"**/hallinta/{org}/integraatiot/")
    assert_accessible(page)
    page.fill("#id_name", "Asianhallinta")
    page.select_option("#id_user", label="vesi – muokkaaja")
    page.locator("section.panel form button").click()
    page.wait_for_load_state()
    secret = page.locator("#new-token").inner_text()
    assert secret.startswith("vrn_")
    assert_accessible(page)
    screenshot(page, "backoffice-integration-token")
    response = api.request.get(api_url, headers={"Authorization": f"Bearer {secret}"})
    assert response.status == 200 and response.json()["count"] == 31

    page.reload()  # the form was not sent again (post, redirect, get), and the secret is gone
    assert page.locator("#new-token").count() == 0 and secret not in page.content()
    assert page.locator("tr", has_text="Asianhallinta").count() == 1
    page.locator("tr", has_text="Asianhallinta").get_by_role("link", name="Poista käytöstä").click()
    page.wait_for_url("**/peru/")
    assert_accessible(page)
    page.locator("main form button.button--danger").click()
    page.wait_for_url(f"**/hallinta/{org}/integraatiot/")
    assert page.locator(".message--success").count() == 1
    assert api.request.get(api_url, headers={"Authorization": f"Bearer {secret}"}).status == 401
    api.close()
