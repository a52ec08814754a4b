"""The subscription pages in Chromium, checked with axe: subscribe, confirm, unsubscribe."""

import re

import pytest

from varanto.notifications.models import Subscription
from varanto.notifications.subscriptions import unsubscribe_url
from varanto.publications.services import publication_create
from varanto.testing.browser import assert_accessible, csp_violations, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _link(smtp_server, marker: str) -> str:
    text = smtp_server.text(smtp_server.messages[-1])
    match = re.search(rf"https?://\S*{marker}\S*", text)
    assert match, text
    return match.group(0)


def test_a_resident_subscribes_confirms_and_unsubscribes(live_server, page, imatra, smtp_server):
    publication_create(organization=imatra)
    page.goto(f"{live_server.url}/imatran-kaupunki/julkaisut/")
    page.get_by_role("link", name="Tilaa ilmoitukset julkaisuista sähköpostiin").click()
    page.wait_for_url("**/tilaa/")
    assert_accessible(page)
    page.fill("#id_email", "asukas@example.org")
    page.locator("main form button").click()
    page.wait_for_load_state()
    assert "asukas@example.org" in page.locator("main").inner_text()
    assert_accessible(page)

    confirm = _link(smtp_server, "/tilaa/vahvista/")
    assert confirm.startswith(live_server.url)  # the address the resident subscribed at
    page.goto(confirm)
    assert_accessible(page)
    page.locator("main form button").click()
    page.wait_for_load_state()
    assert Subscription.objects.get(email="asukas@example.org").confirmed_at is not None
    assert_accessible(page)
    screenshot(page, "public-subscription-confirmed")

    subscription = Subscription.objects.get(email="asukas@example.org")
    page.goto(unsubscribe_url(subscription).replace("http://127.0.0.1:8000", live_server.url))
    assert_accessible(page)
    page.locator("main form button").click()
    page.wait_for_load_state()
    assert not Subscription.objects.exists()
    assert_accessible(page)
    assert not csp_violations(page)
