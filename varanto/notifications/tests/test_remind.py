"""`varanto remind` against a real SMTP server: one digest per official, nothing new on a second run."""

import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from varanto.accounts.models import AuditEvent, AuditKind, Role
from varanto.accounts.services import membership_assign, membership_set
from varanto.catalog.models import ReviewStatus
from varanto.catalog.tests.factories import DataResourceFactory, OrganizationFactory
from varanto.notifications.models import Frequency, ReminderPreference
from varanto.notifications.services import reminder_preference_set

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()


@pytest.fixture
def office():
    """An editor responsible for one overdue and one recently reviewed resource, and a publisher."""
    organization = OrganizationFactory(name="Testilä", slug="testila")
    overdue = DataResourceFactory(
        organization=organization,
        name="Vesihuollon asiakasrekisteri",
        last_reviewed=TODAY - datetime.timedelta(days=500),
    )
    fresh = DataResourceFactory(organization=organization, name="Tuore varanto", last_reviewed=TODAY)
    users = get_user_model().objects
    editor = users.create_user("veera", email="veera@example.org", first_name="Veera")
    publisher = users.create_user("jussi", email="jussi@example.org", first_name="Jussi")
    membership = membership_set(organization=organization, user=editor, role=Role.EDITOR, acting_user=None)
    membership_assign(membership=membership, resources=[overdue, fresh], systems=[], acting_user=None)
    membership_set(organization=organization, user=publisher, role=Role.PUBLISHER, acting_user=None)
    return organization, overdue, fresh, editor, publisher


def _remind() -> str:
    out = io.StringIO()
    call_command("remind", stdout=out)
    return out.getvalue()


def test_remind_sends_the_editor_a_digest_naming_the_overdue_resource_and_nothing_new_the_second_time(
    office, smtp_server
):
    _organization, overdue, fresh, _editor, _publisher = office
    _remind()
    (message,) = smtp_server.to("veera@example.org")
    body = smtp_server.text(message)
    assert "Vesihuollon asiakasrekisteri" in body
    assert f"http://127.0.0.1:8000/hallinta/testila/tietovarannot/{overdue.key}/" in body
    assert fresh.name not in body
    assert message["Content-Language"] == "fi"
    received = len(smtp_server.messages)

    assert "Sent 0 reminder" in _remind()
    assert len(smtp_server.messages) == received
    assert AuditEvent.objects.filter(kind=AuditKind.REMINDERS_SENT).count() == 1


def test_an_item_comes_up_again_once_the_users_interval_has_passed(office, smtp_server):
    from varanto.notifications.services import reminders_send

    _remind()
    before = len(smtp_server.to("veera@example.org"))
    reminders_send(now=datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=6))
    assert len(smtp_server.to("veera@example.org")) == before
    reminders_send(now=datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=8))
    assert len(smtp_server.to("veera@example.org")) == before + 1


def test_the_publisher_hears_of_what_awaits_approval_and_the_editor_of_what_was_returned(office, smtp_server):
    _organization, overdue, fresh, _editor, _publisher = office
    fresh.review_status = ReviewStatus.READY_FOR_REVIEW
    fresh.save(update_fields=["review_status"])
    overdue.review_status, overdue.review_comment = ReviewStatus.RETURNED, "Lisää säilytysaika."
    overdue.save(update_fields=["review_status", "review_comment"])
    _remind()
    (to_publisher,) = smtp_server.to("jussi@example.org")
    assert "Odottaa hyväksyntääsi" in smtp_server.text(to_publisher)
    assert fresh.name in smtp_server.text(to_publisher)
    (to_editor,) = smtp_server.to("veera@example.org")
    assert "Lisää säilytysaika." in smtp_server.text(to_editor)


def test_each_official_is_reminded_in_their_own_language_or_not_at_all(office, smtp_server):
    _organization, overdue, _fresh, editor, publisher = office
    overdue.translations = {"sv": {"name": "Vattentjänstens kundregister"}}
    overdue.save(update_fields=["translations"])
    reminder_preference_set(user=editor, frequency=Frequency.WEEKLY, language="sv", acting_user=editor)
    reminder_preference_set(user=publisher, frequency=Frequency.OFF, language="fi", acting_user=publisher)
    _remind()
    (message,) = smtp_server.to("veera@example.org")
    assert message["Content-Language"] == "sv"
    assert "granskas" in smtp_server.text(message)
    assert "Vattentjänstens kundregister" in smtp_server.text(message)
    assert not smtp_server.to("jussi@example.org")
    assert ReminderPreference.objects.get(user=editor).language == "sv"
    assert AuditEvent.objects.filter(kind=AuditKind.REMINDER_PREFERENCE).count() == 2


def test_while_the_mail_server_is_down_nothing_counts_as_sent_and_the_next_run_sends_it(office, smtp_server, settings):
    port, settings.EMAIL_PORT = settings.EMAIL_PORT, 9  # nothing listens there
    assert "Sent 0 reminder" in _remind()
    settings.EMAIL_PORT = port
    _remind()
    assert len(smtp_server.to("veera@example.org")) == 1
