"""The public's e-mail subscription against a real SMTP server: subscribe, confirm, notified once, unsubscribe."""

import io
import re

import pytest
from django.core.management import call_command

from varanto.accounts.models import AuditEvent, AuditKind
from varanto.catalog.models import DataResource
from varanto.notifications.models import Subscription
from varanto.publications.services import publication_publish

pytestmark = pytest.mark.django_db

ORG = "/imatran-kaupunki"
ADDRESS = "toimittaja@example.org"


def _link(text: str, path: str) -> str:
    match = re.search(rf"https?://[^/\s]+(\S*{path}\S*)", text)  # the address asked at, or PUBLIC_BASE_URL
    assert match, f"no link to {path} in:\n{text}"
    return match.group(1)


def _publish(imatra, django_capture_on_commit_callbacks, purpose: str):
    DataResource.objects.filter(organization=imatra, key="museo").update(purpose=purpose)
    with django_capture_on_commit_callbacks(execute=True):
        publication_publish(organization=imatra, include_unapproved=True)


def test_subscribe_confirm_notified_once_per_publication_then_unsubscribe(
    client, imatra_published, smtp_server, django_capture_on_commit_callbacks
):
    imatra = imatra_published
    response = client.post(f"{ORG}/tilaa/", {"email": ADDRESS})
    assert response.status_code == 200 and ADDRESS in response.content.decode()
    (confirmation,) = smtp_server.to(ADDRESS)
    confirm = _link(smtp_server.text(confirmation), "/tilaa/vahvista/")

    # Not confirmed yet: a publication tells no one.
    _publish(imatra, django_capture_on_commit_callbacks, "Kokoelmat")
    assert len(smtp_server.to(ADDRESS)) == 1

    assert client.get(confirm).status_code == 200  # the link alone confirms nothing (mail scanners follow links)
    assert Subscription.objects.get(email=ADDRESS).confirmed_at is None
    assert client.post(confirm).status_code == 200
    assert Subscription.objects.get(email=ADDRESS).confirmed_at is not None

    _publish(imatra, django_capture_on_commit_callbacks, "Kokoelmat ja näyttelyt")
    notice = smtp_server.to(ADDRESS)[-1]
    body = smtp_server.text(notice)
    assert "Museo" in body
    assert "/imatran-kaupunki/julkaisut/3/muutokset/" in body
    unsubscribe = _link(body, "/tilaa/peru/")
    assert notice["List-Unsubscribe"].strip() == f"<http://127.0.0.1:8000{unsubscribe}>"  # as unfolded
    assert notice["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    # Told once: `varanto notify` finds nothing pending.
    out = io.StringIO()
    call_command("notify", stdout=out)
    assert "Told 0" in out.getvalue()
    assert len(smtp_server.to(ADDRESS)) == 2
    assert AuditEvent.objects.filter(kind=AuditKind.SUBSCRIBERS_NOTIFIED).count() == 1

    # One click: the mail program's POST, without a CSRF token, ends it and deletes the address.
    client.handler.enforce_csrf_checks = True
    response = client.post(unsubscribe, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert not Subscription.objects.filter(email=ADDRESS).exists()
    _publish(imatra, django_capture_on_commit_callbacks, "Museon kokoelmat")
    assert len(smtp_server.to(ADDRESS)) == 2
    assert client.post(unsubscribe).status_code == 400  # the link names no subscription any more


def test_a_notice_the_server_could_not_take_is_sent_by_varanto_notify(
    client, imatra_published, smtp_server, settings, django_capture_on_commit_callbacks
):
    client.post(f"{ORG}/tilaa/", {"email": ADDRESS})
    client.post(_link(smtp_server.text(smtp_server.to(ADDRESS)[0]), "/tilaa/vahvista/"))
    port = settings.EMAIL_PORT
    settings.EMAIL_PORT = 9  # nothing listens there: the notice after publishing fails
    _publish(imatra_published, django_capture_on_commit_callbacks, "Kokoelmat")
    assert len(smtp_server.to(ADDRESS)) == 1
    settings.EMAIL_PORT = port
    call_command("notify", stdout=io.StringIO())
    call_command("notify", stdout=io.StringIO())
    assert len(smtp_server.to(ADDRESS)) == 2


def test_a_forged_or_mistyped_link_changes_nothing(client, imatra_published, smtp_server):
    client.post(f"{ORG}/tilaa/", {"email": ADDRESS})
    confirm = _link(smtp_server.text(smtp_server.to(ADDRESS)[0]), "/tilaa/vahvista/")
    assert client.post(confirm.replace("/vahvista/", "/vahvista/x")).status_code == 400
    assert client.post(f"{ORG}/tilaa/peru/{confirm.rstrip('/').rsplit('/', 1)[1]}/").status_code == 400
    assert Subscription.objects.get(email=ADDRESS).confirmed_at is None


def test_asking_again_soon_sends_no_second_message(client, imatra_published, smtp_server):
    client.post(f"{ORG}/tilaa/", {"email": ADDRESS})
    client.post(f"{ORG}/tilaa/", {"email": ADDRESS})
    assert len(smtp_server.to(ADDRESS)) == 1
    assert client.post(f"{ORG}/tilaa/", {"email": "not an address"}).status_code == 400
