"""An administrator's page for one member: a new password only where it gives no rights from elsewhere."""

import pytest
from django.urls import reverse

from varanto.accounts.models import AuditEvent, AuditKind, Role
from varanto.accounts.services import membership_set
from varanto.catalog.tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db


def _member_url(staff, user) -> str:
    return reverse(
        "backoffice:membership",
        args=[staff.organization.slug, user.memberships.get(organization=staff.organization).pk],
    )


def test_administrator_gives_a_member_a_new_password_shown_once_and_audited(client, staff):
    client.force_login(staff.administrator)
    response = client.post(_member_url(staff, staff.viewer), {"reset_password": ""})
    password = response.context["password"]
    assert response.status_code == 200 and password in response.content.decode()
    staff.viewer.refresh_from_db()
    assert staff.viewer.check_password(password)
    event = AuditEvent.objects.get(kind=AuditKind.PASSWORD_RESET)
    assert (event.user, event.organization, event.detail["target"]) == (
        staff.administrator,
        staff.organization,
        staff.viewer.get_username(),
    )


def test_no_new_password_for_someone_who_administers_another_organisation(client, staff):
    membership_set(organization=OrganizationFactory(), user=staff.viewer, role=Role.ADMINISTRATOR, acting_user=None)
    old = staff.viewer.password
    client.force_login(staff.administrator)
    url = _member_url(staff, staff.viewer)
    assert 'name="reset_password"' not in client.get(url).content.decode()
    assert client.post(url, {"reset_password": ""}).status_code == 403
    staff.viewer.refresh_from_db()
    assert staff.viewer.password == old
