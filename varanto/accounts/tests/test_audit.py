"""The audit log: sign-ins, failed sign-ins, publications and role changes, readable by administrators."""

import pytest
from django.contrib.auth import get_user_model
from django.test import override_settings

from varanto.accounts.models import AuditEvent, AuditKind, Role
from varanto.accounts.selectors import audit_events
from varanto.accounts.services import membership_assign, membership_remove, membership_set, user_password_reset
from varanto.catalog.tests.factories import DataResourceFactory, OrganizationFactory, SectionFactory
from varanto.publications.services import publication_create

pytestmark = pytest.mark.django_db

User = get_user_model()
PASSWORD = "Kirjaamo-2026-salasana"


@pytest.fixture
def member():
    organization = OrganizationFactory()
    user = User.objects.create_user("kirjaaja", password=PASSWORD)
    membership_set(organization=organization, user=user, role=Role.EDITOR, acting_user=None)
    return user, organization


def test_sign_in_through_the_login_page_is_logged_with_the_address(client, member):
    user, _organization = member
    response = client.post(
        "/hallinta/kirjaudu/", {"username": "kirjaaja", "password": PASSWORD}, REMOTE_ADDR="10.1.2.3"
    )
    assert response.status_code == 302
    event = AuditEvent.objects.get(kind=AuditKind.SIGN_IN)
    assert (event.user, event.ip_address) == (user, "10.1.2.3")


def test_failed_sign_in_is_logged_under_the_name_typed(client, member):
    response = client.post("/hallinta/kirjaudu/", {"username": "kirjaaja", "password": "väärä"})
    assert response.status_code == 200
    event = AuditEvent.objects.get(kind=AuditKind.SIGN_IN_FAILED)
    assert event.username == "kirjaaja" and event.user is None
    assert not AuditEvent.objects.filter(kind=AuditKind.SIGN_IN).exists()


def test_sign_out_is_logged(client, member):
    client.post("/hallinta/kirjaudu/", {"username": "kirjaaja", "password": PASSWORD})
    client.post("/hallinta/kirjaudu-ulos/")
    assert AuditEvent.objects.filter(kind=AuditKind.SIGN_OUT, username="kirjaaja").exists()


def test_every_publication_is_logged_whoever_makes_it(member):
    user, organization = member
    publication_create(organization=organization, note="Ensimmäinen", acting_user=user)
    publication_create(organization=organization, note="Komentoriviltä")
    events = AuditEvent.objects.filter(kind=AuditKind.PUBLICATION).order_by("id")
    assert [(e.user, e.detail["number"], e.organization) for e in events] == [
        (user, 1, organization),
        (None, 2, organization),
    ]


def test_role_changes_are_logged_with_old_and_new_role(member):
    user, organization = member
    admin = User.objects.create_user("paakayttaja")
    membership = membership_set(organization=organization, user=user, role=Role.PUBLISHER, acting_user=admin)
    membership_remove(membership=membership, acting_user=admin)
    changes = [
        (e.user, e.detail["old_role"], e.detail["new_role"])
        for e in AuditEvent.objects.filter(kind=AuditKind.ROLE_CHANGE).order_by("id")
    ]
    assert changes == [(None, None, "editor"), (admin, "editor", "publisher"), (admin, "publisher", None)]


def test_setting_the_same_role_again_logs_nothing(member):
    user, organization = member
    membership_set(organization=organization, user=user, role=Role.EDITOR, acting_user=None)
    assert AuditEvent.objects.filter(kind=AuditKind.ROLE_CHANGE).count() == 1


def test_organisation_log_holds_its_members_sign_ins_but_not_strangers(client, member):
    user, organization = member
    User.objects.create_user("muualta", password=PASSWORD)
    for username, password in [("kirjaaja", PASSWORD), ("muualta", PASSWORD), ("kirjaaja", "väärä")]:
        client.post("/hallinta/kirjaudu/", {"username": username, "password": password})
        client.logout()
    names = [(e.kind, e.username) for e in audit_events(organization)]
    assert (AuditKind.SIGN_IN, "kirjaaja") in names
    assert (AuditKind.SIGN_IN_FAILED, "kirjaaja") in names
    assert "muualta" not in [n for _k, n in names]


def test_only_administrators_read_the_audit_log(client, member):
    user, organization = member
    client.force_login(user)
    assert client.get(f"/hallinta/{organization.slug}/loki/").status_code == 403
    admin = User.objects.create_user("paakayttaja")
    membership_set(organization=organization, user=admin, role=Role.ADMINISTRATOR, acting_user=None)
    client.force_login(admin)
    response = client.get(f"/hallinta/{organization.slug}/loki/")
    assert response.status_code == 200
    assert [e.kind for e in response.context["events"]].count(AuditKind.ROLE_CHANGE) == 2


def test_passwords_are_stored_hashed_with_a_slow_hasher_outside_the_tests():
    """The tests hash with MD5 for speed (conftest); the settings module itself keeps Django's PBKDF2."""
    from django.conf import global_settings

    from varanto import settings as project_settings

    hashers = getattr(project_settings, "PASSWORD_HASHERS", global_settings.PASSWORD_HASHERS)
    with override_settings(PASSWORD_HASHERS=hashers):
        user = User.objects.create_user("salasanallinen", password=PASSWORD)
        stored = User.objects.get(pk=user.pk).password
    assert PASSWORD not in stored and stored.startswith(("pbkdf2_", "argon2", "bcrypt", "scrypt"))


def test_password_reset_is_logged_with_who_reset_it(member):
    user, organization = member
    admin = User.objects.create_user("hallinto")
    user_password_reset(user=user, acting_user=admin, organization=organization)
    event = AuditEvent.objects.get(kind=AuditKind.PASSWORD_RESET)
    assert (event.user, event.organization, event.summary) == (admin, organization, "kirjaaja")


def test_assignment_change_is_logged_with_what_was_added_and_removed(member):
    user, organization = member
    admin = User.objects.create_user("hallinto")
    section = SectionFactory(organization=organization)
    water = DataResourceFactory(organization=organization, section=section, name="Vesihuolto")
    roads = DataResourceFactory(organization=organization, section=section, name="Kadut")
    membership = user.memberships.get()
    membership_assign(membership=membership, resources=[water], systems=[], acting_user=admin)
    membership_assign(membership=membership, resources=[roads], systems=[], acting_user=admin)
    membership_assign(membership=membership, resources=[roads], systems=[], acting_user=admin)
    events = AuditEvent.objects.filter(kind=AuditKind.ASSIGNMENT_CHANGE).order_by("id")
    assert [(e.user, e.detail["added"], e.detail["removed"]) for e in events] == [
        (admin, ["Vesihuolto"], []),
        (admin, ["Kadut"], ["Vesihuolto"]),
    ]
    assert events[1].summary == "kirjaaja: + Kadut, − Vesihuolto"
