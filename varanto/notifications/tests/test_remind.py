"""`varanto remind` against a real SMTP server: one digest per official, nothing new on a second run."""

import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from varanto.accounts.models import AuditEvent, AuditKind, Role
from varanto.accounts.services import membership_assign, membership_set
from varanto.catalog.models import ReviewStatus
from varanto.catalog.services.systems import information_system_review_confirm, information_system_update
from varanto.catalog.tests.factories import DataResourceFactory, InformationSystemFactory, OrganizationFactory
from varanto.notifications.models import Frequency, ReminderPreference
from varanto.notifications.services import reminder_preference_set

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()


@pytest.fixture
def office():
    """An editor responsible for one overdue and one recently reviewed resource and the same of systems,
    and a publisher."""
    organization = OrganizationFactory(name="Testilä", slug="testila")
    overdue = DataResourceFactory(
        organization=organization,
        name="Vesihuollon asiakasrekisteri",
        last_reviewed=TODAY - datetime.timedelta(days=500),
    )
    fresh = DataResourceFactory(organization=organization, name="Tuore varanto", last_reviewed=TODAY)
    systems = [
        InformationSystemFactory(
            organization=organization,
            name="Vesilaitoksen asiakasjärjestelmä",
            key="vesilaitos",
            last_reviewed=TODAY - datetime.timedelta(days=400),
        ),
        InformationSystemFactory(organization=organization, name="Tuore järjestelmä", last_reviewed=TODAY),
    ]
    users = get_user_model().objects
    editor = users.create_user("veera", email="veera@example.org", first_name="Veera")
    publisher = users.create_user("jussi", email="jussi@example.org", first_name="Jussi")
    membership = membership_set(organization=organization, user=editor, role=Role.EDITOR, acting_user=None)
    membership_assign(membership=membership, resources=[overdue, fresh], systems=systems, acting_user=None)
    membership_set(organization=organization, user=publisher, role=Role.PUBLISHER, acting_user=None)
    return organization, overdue, fresh, editor, publisher


def _remind() -> str:
    out = io.StringIO()
    call_command("remind", stdout=out)
    return out.getvalue()


def test_remind_sends_the_editor_a_digest_naming_the_overdue_resource_and_system_and_nothing_new_the_second_time(
    office, smtp_server
):
    _organization, overdue, fresh, _editor, _publisher = office
    _remind()
    (message,) = smtp_server.to("veera@example.org")
    body = smtp_server.text(message)
    assert "Vesihuollon asiakasrekisteri" in body
    assert f"http://127.0.0.1:8000/hallinta/testila/tietovarannot/{overdue.key}/" in body
    assert "Vesilaitoksen asiakasjärjestelmä, tietojärjestelmä (Testilä)" in body
    assert "http://127.0.0.1:8000/hallinta/testila/jarjestelmat/vesilaitos/" in body
    assert fresh.name not in body and "Tuore järjestelmä" not in body
    assert message["Content-Language"] == "fi"
    received = len(smtp_server.messages)

    assert "Sent 0 reminder" in _remind()
    assert len(smtp_server.messages) == received
    assert AuditEvent.objects.filter(kind=AuditKind.REMINDERS_SENT).count() == 1


def test_a_system_confirmed_or_changed_is_not_due_again_until_its_cycle_comes_round(office, smtp_server):
    from varanto.notifications.selectors import digest_for

    organization, _overdue, _fresh, editor, _publisher = office
    system = organization.systems.get(key="vesilaitos")
    assert [i.kind for i in digest_for(editor, fresh_only=False).items].count("system") == 1
    information_system_review_confirm(system=system, expected_version=system.version, acting_user=editor)
    system.refresh_from_db()
    assert system.last_reviewed == TODAY
    assert "system" not in [i.kind for i in digest_for(editor, fresh_only=False).items]
    assert AuditEvent.objects.get(kind=AuditKind.REVIEW_CONFIRMED).detail["key"] == "vesilaitos"
    assert system.history.latest().history_change_reason == "reviewed"

    system.last_reviewed = TODAY - datetime.timedelta(days=400)
    system.save(update_fields=["last_reviewed"])
    unchanged = information_system_update(system=system, data={}, expected_version=system.version, acting_user=editor)
    assert unchanged.last_reviewed != TODAY  # saving nothing is no review
    changed = information_system_update(
        system=system, data={"vendor": "Vesi Oy"}, expected_version=system.version, acting_user=editor
    )
    assert changed.last_reviewed == TODAY
    _remind()
    assert "jarjestelmat/vesilaitos" not in smtp_server.text(smtp_server.to("veera@example.org")[0])


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
