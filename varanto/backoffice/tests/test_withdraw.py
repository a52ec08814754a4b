"""Withdrawing a publication in the back office: administrators only, asked first with a reason, POST with CSRF."""

import pytest
from django.test import Client

from varanto.accounts.models import AuditEvent, AuditKind
from varanto.publications.models import Publication

pytestmark = pytest.mark.django_db


def _url(staff, number=1):
    return f"/hallinta/{staff.organization.slug}/julkaisut/{number}/peru/"


def test_an_administrator_is_asked_for_a_reason_then_the_publication_is_withdrawn(client, staff):
    client.force_login(staff.administrator)
    review = client.get(f"/hallinta/{staff.organization.slug}/tarkistus/")
    assert _url(staff).encode() in review.content  # linked from the list of publications
    asked = client.get(_url(staff))
    assert asked.status_code == 200 and b'name="reason"' in asked.content
    assert not Publication.objects.get().withdrawn  # asking withdraws nothing

    refused = client.post(_url(staff), {"reason": " "})
    assert refused.status_code == 400 and not Publication.objects.get().withdrawn

    response = client.post(_url(staff), {"reason": "Julkaistu vahingossa"})
    assert response.status_code == 302
    publication = Publication.objects.get()
    assert (publication.withdrawal_reason, publication.withdrawn_by) == ("Julkaistu vahingossa", staff.administrator)
    row = AuditEvent.objects.get(kind=AuditKind.PUBLICATION_WITHDRAWN)
    assert (row.user, row.detail["number"]) == (staff.administrator, 1)
    assert client.get(f"/{staff.organization.slug}/").status_code == 404


@pytest.mark.parametrize("role", ["publisher", "editor", "viewer", "outsider"])
def test_no_one_but_an_administrator_may_withdraw(client, staff, role):
    client.force_login(staff.by_role(role))
    assert client.get(_url(staff)).status_code == 403
    assert client.post(_url(staff), {"reason": "x"}).status_code == 403
    assert not Publication.objects.get().withdrawn
    assert not AuditEvent.objects.filter(kind=AuditKind.PUBLICATION_WITHDRAWN).exists()


def test_withdrawal_needs_the_csrf_token_and_a_signed_in_user(staff):
    anonymous = Client()
    assert anonymous.post(_url(staff), {"reason": "x"}).status_code == 302  # to the sign-in page
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(staff.administrator)
    assert browser.post(_url(staff), {"reason": "x"}).status_code == 403
    assert not Publication.objects.get().withdrawn


def test_an_unknown_number_is_not_found(client, staff):
    client.force_login(staff.administrator)
    assert client.get(_url(staff, 99)).status_code == 404
