"""The reminder and handover pages in Chromium, checked with axe."""

import pytest

from varanto.accounts.models import Membership
from varanto.notifications.models import ReminderPreference
from varanto.testing.browser import assert_accessible, csp_violations, screenshot

from .browser import signed_in_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_reminder_settings_preview_and_handover_pages(live_server, browser, staff):
    org = staff.organization.slug
    page = signed_in_page(browser, live_server, staff.editor)
    page.goto(f"{live_server.url}/hallinta/{org}/")
    page.get_by_role("link", name="Muistutukset").click()
    page.wait_for_url("**/hallinta/muistutukset/")
    assert "Vesihuolto" in page.locator(".message-body").inner_text()
    assert_accessible(page)
    page.check("input[name=frequency][value=monthly]")
    page.locator("main form button").click()
    page.wait_for_load_state()
    assert ReminderPreference.objects.get(user=staff.editor).frequency == "monthly"

    page = signed_in_page(browser, live_server, staff.administrator)
    membership = Membership.objects.get(organization=staff.organization, user=staff.editor)
    page.goto(f"{live_server.url}/hallinta/{org}/kayttajat/{membership.pk}/muistutus/")
    assert "Vesihuolto" in page.locator(".message-body").inner_text()
    assert_accessible(page)

    page.goto(f"{live_server.url}/hallinta/{org}/kayttajat/luovutus/")
    page.select_option("#id_source", f"user:{staff.editor.pk}")
    page.select_option("#id_to_user", str(staff.other_editor.pk))
    page.locator("button[name=preview]").click()
    page.wait_for_load_state()
    assert "Vesihuolto" in page.locator(".handover-list").inner_text()
    assert_accessible(page)
    screenshot(page, "backoffice-handover")
    page.locator("button[name=confirm]").click()
    page.wait_for_url("**/kayttajat/luovutus/")
    assert (
        Membership.objects.get(organization=staff.organization, user=staff.other_editor)
        .resources.filter(key="vesihuolto")
        .exists()
    )
    assert not csp_violations(page)
