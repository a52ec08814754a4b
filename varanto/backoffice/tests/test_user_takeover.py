"""Finding 6: an administrator added another organisation's user to their own organisation and made
an integration token acting as them. An administrator brings in only users they answer for."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from varanto.accounts.models import AuditEvent, AuditKind, Membership, Role
from varanto.accounts.services import membership_set
from varanto.api.models import IntegrationToken
from varanto.api.services import integration_token_create
from varanto.catalog.tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db

User = get_user_model()


@pytest.fixture
def neighbour(staff):
    """Another organisation with its own publisher, whom Imatra's administrator does not administer."""
    other = OrganizationFactory(slug="lappeenranta", name="Lappeenranta")
    official = User.objects.create_user("naapuri")
    membership_set(organization=other, user=official, role=Role.PUBLISHER, acting_user=None)
    return other, official


def _add(client, staff, username, role=Role.PUBLISHER):
    return client.post(
        reverse("backoffice:users", args=[staff.organization.slug]), {"username": username, "role": role}
    )


def test_an_administrator_cannot_add_another_organisations_user(client, staff, neighbour):
    _other, official = neighbour
    client.force_login(staff.administrator)
    response = _add(client, staff, "naapuri")
    assert response.status_code == 400
    assert "organisaatiossa, jota et ylläpidä" in response.content.decode()
    assert not Membership.objects.filter(user=official, organization=staff.organization).exists()
    assert not AuditEvent.objects.filter(
        kind=AuditKind.ROLE_CHANGE, organization=staff.organization, detail__target="naapuri"
    ).exists()


def test_so_no_token_can_act_as_them_in_the_administrators_organisation(client, staff, neighbour):
    _other, official = neighbour
    client.force_login(staff.administrator)
    _add(client, staff, "naapuri")
    response = client.post(
        reverse("backoffice:integrations", args=[staff.organization.slug]), {"name": "Ohitus", "user": official.pk}
    )
    assert response.status_code == 400
    with pytest.raises(ValidationError):
        integration_token_create(
            name="Ohitus", user=official, organization=staff.organization, acting_user=staff.administrator
        )
    assert not IntegrationToken.objects.exists()


def test_the_service_refuses_it_whatever_calls_it(staff, neighbour):
    _other, official = neighbour
    with pytest.raises(ValidationError) as error:
        membership_set(
            organization=staff.organization, user=official, role=Role.VIEWER, acting_user=staff.administrator
        )
    assert "username" in error.value.message_dict


def test_nor_a_django_admin_user(client, staff):
    User.objects.create_user("django", is_staff=True)
    client.force_login(staff.administrator)
    assert _add(client, staff, "django").status_code == 400


def test_an_administrator_of_both_organisations_may_add_them(client, staff, neighbour):
    other, official = neighbour
    membership_set(organization=other, user=staff.administrator, role=Role.ADMINISTRATOR, acting_user=None)
    client.force_login(staff.administrator)
    assert _add(client, staff, "naapuri").status_code == 302
    assert Membership.objects.get(user=official, organization=staff.organization).role == Role.PUBLISHER


def test_a_superuser_may_add_anyone(client, staff, neighbour):
    client.force_login(User.objects.create_superuser("juuri"))
    assert _add(client, staff, "naapuri").status_code == 302


def test_a_new_user_and_one_with_no_role_anywhere_may_be_added(client, staff):
    User.objects.create_user("vapaa")
    client.force_login(staff.administrator)
    assert _add(client, staff, "vapaa").status_code == 302
    assert _add(client, staff, "uusi-kayttaja").status_code == 200  # created: the password is shown once
    assert set(Membership.objects.filter(organization=staff.organization).values_list("user__username", flat=True)) >= {
        "vapaa",
        "uusi-kayttaja",
    }


def test_changing_the_role_of_a_shared_member_still_works(client, staff, neighbour):
    """A member of both organisations (added by someone who administers both) stays manageable here."""
    _other, official = neighbour
    membership_set(organization=staff.organization, user=official, role=Role.VIEWER, acting_user=None)
    membership_set(organization=staff.organization, user=official, role=Role.EDITOR, acting_user=staff.administrator)
    assert Membership.objects.get(user=official, organization=staff.organization).role == Role.EDITOR


def test_the_tokens_page_makes_expiring_and_read_only_tokens(client, staff):
    client.force_login(staff.administrator)
    until = timezone.localdate() + datetime.timedelta(days=30)
    response = client.post(
        reverse("backoffice:integrations", args=[staff.organization.slug]),
        {"name": "Arkisto", "user": staff.viewer.pk, "expires_at": until.isoformat(), "read_only": "on"},
    )
    assert response.status_code == 302
    token = IntegrationToken.objects.get()
    assert token.read_only
    assert timezone.localtime(token.expires_at).date() == until + datetime.timedelta(days=1)
    page = client.get(reverse("backoffice:integrations", args=[staff.organization.slug])).content.decode()
    assert "vain luku" in page and "voimassa" in page
    past = client.post(
        reverse("backoffice:integrations", args=[staff.organization.slug]),
        {"name": "Vanha", "user": staff.viewer.pk, "expires_at": "2000-01-01"},
    )
    assert past.status_code == 400 and "tulevaisuudessa" in past.content.decode()
