"""Integration tokens: made and revoked through the services, audited, and confined to their organisation."""

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from varanto.accounts.models import AuditEvent, AuditKind, Role
from varanto.accounts.services import membership_set
from varanto.api.models import IntegrationToken
from varanto.api.selectors import organization_tokens
from varanto.api.services import (
    USER_NOT_A_MEMBER,
    USER_NOT_ALLOWED,
    integration_token_create,
    integration_token_revoke,
    membership_end,
    token_digest,
)
from varanto.catalog.tests.factories import OrganizationFactory

from .helpers import auth

pytestmark = pytest.mark.django_db

User = get_user_model()


@pytest.fixture
def people(imatra):
    """An administrator and a publisher of Imatra; the publisher is a publisher of a second organisation too."""
    other = OrganizationFactory()
    administrator, publisher = User.objects.create_user("paakayttaja"), User.objects.create_user("julkaisija")
    membership_set(organization=imatra, user=administrator, role=Role.ADMINISTRATOR, acting_user=None)
    membership_set(organization=imatra, user=publisher, role=Role.PUBLISHER, acting_user=None)
    membership_set(organization=other, user=publisher, role=Role.PUBLISHER, acting_user=None)
    return administrator, publisher, other


def _resources(client, organization, secret):
    return client.get(reverse("api:working_resources", args=[organization.slug]), **auth(secret))


def test_a_token_keeps_only_the_digest_of_its_secret_and_its_creation_is_audited(imatra, people):
    administrator, publisher, _other = people
    token, secret = integration_token_create(
        name=" Asianhallinta ", user=publisher, organization=imatra, acting_user=administrator
    )
    stored = IntegrationToken.objects.filter(pk=token.pk).values().get()
    assert secret.startswith(token.prefix) and not any(secret in str(value) for value in stored.values())
    assert (token.name, token.digest, token.created_by) == ("Asianhallinta", token_digest(secret), administrator)
    event = AuditEvent.objects.get(kind=AuditKind.TOKEN_CREATED)
    assert (event.user, event.organization) == (administrator, imatra)
    assert event.detail == {"name": "Asianhallinta", "prefix": token.prefix, "acts_as": "julkaisija"}
    with translation.override("en"):
        assert event.summary == f"Asianhallinta ({token.prefix}…), acting as julkaisija"


def test_an_organisations_token_must_act_as_one_of_its_members(imatra, people):
    administrator, _publisher, _other = people
    stranger = User.objects.create_user("vieras")
    with pytest.raises(ValidationError) as error:
        integration_token_create(name="Asianhallinta", user=stranger, organization=imatra, acting_user=administrator)
    assert error.value.message_dict == {"user": [str(USER_NOT_A_MEMBER)]}
    assert not IntegrationToken.objects.exists() and not AuditEvent.objects.filter(kind=AuditKind.TOKEN_CREATED)


def test_revoking_stops_the_token_and_is_audited_once(client, imatra, people):
    administrator, publisher, _other = people
    token, secret = integration_token_create(
        name="Asianhallinta", user=publisher, organization=imatra, acting_user=administrator
    )
    assert _resources(client, imatra, secret).status_code == 200
    integration_token_revoke(token=token, acting_user=administrator)
    integration_token_revoke(token=IntegrationToken.objects.get(pk=token.pk), acting_user=administrator)
    assert _resources(client, imatra, secret).status_code == 401
    assert IntegrationToken.objects.get(pk=token.pk).revoked_at == token.revoked_at
    event = AuditEvent.objects.get(kind=AuditKind.TOKEN_REVOKED)
    assert (event.user, event.organization, event.detail["prefix"]) == (administrator, imatra, token.prefix)


def test_an_organisations_token_works_in_that_organisation_only(client, imatra, people):
    """Its user's roles elsewhere do not come with it: an administrator gives access to their own organisation."""
    administrator, publisher, other = people
    _token, secret = integration_token_create(
        name="Asianhallinta", user=publisher, organization=imatra, acting_user=administrator
    )
    assert _resources(client, imatra, secret).status_code == 200
    assert _resources(client, other, secret).status_code == 403
    _token, unbound = integration_token_create(name="Komentorivi", user=publisher, acting_user=None)
    assert _resources(client, other, unbound).status_code == 200


def test_the_organisations_tokens_are_listed_active_first(imatra, people):
    administrator, publisher, other = people
    revoked, _ = integration_token_create(name="A vanha", user=publisher, organization=imatra, acting_user=None)
    integration_token_revoke(token=revoked, acting_user=None)
    active, _ = integration_token_create(name="B uusi", user=publisher, organization=imatra, acting_user=None)
    integration_token_create(name="Muualla", user=publisher, organization=other, acting_user=None)
    integration_token_create(name="Komentorivi", user=publisher, acting_user=None)
    assert list(organization_tokens(imatra)) == [active, revoked]


@pytest.mark.parametrize("privileged", [{"is_superuser": True}, {"is_staff": True}])
def test_only_a_superuser_may_make_a_token_acting_as_a_superuser_or_django_admin_user(imatra, people, privileged):
    administrator, _publisher, _other = people
    root = User.objects.create_user("juuri", **privileged)
    membership_set(organization=imatra, user=root, role=Role.VIEWER, acting_user=None)
    with pytest.raises(ValidationError) as error:
        integration_token_create(name="Asianhallinta", user=root, organization=imatra, acting_user=administrator)
    assert error.value.message_dict == {"user": [str(USER_NOT_ALLOWED)]}
    assert not IntegrationToken.objects.exists() and not AuditEvent.objects.filter(kind=AuditKind.TOKEN_CREATED)
    superuser = User.objects.create_superuser("ylläpito")
    integration_token_create(name="Ylläpidon", user=root, organization=imatra, acting_user=superuser)
    integration_token_create(name="Komentorivi", user=root, acting_user=None)
    assert IntegrationToken.objects.count() == 2


def test_no_token_acts_as_an_inactive_user(imatra, people):
    _administrator, publisher, _other = people
    publisher.is_active = False
    publisher.save(update_fields=["is_active"])
    for acting_user in (User.objects.create_superuser("ylläpito"), None):
        with pytest.raises(ValidationError) as error:
            integration_token_create(name="Asianhallinta", user=publisher, organization=imatra, acting_user=acting_user)
        assert error.value.message_dict == {"user": [str(USER_NOT_ALLOWED)]}
    assert not IntegrationToken.objects.exists()


def test_a_superusers_organisation_token_has_only_the_role_of_the_membership(client, imatra, people):
    """Being a superuser does not come with the token an organisation's administrator gave."""
    root = User.objects.create_superuser("juuri")
    membership_set(organization=imatra, user=root, role=Role.VIEWER, acting_user=None)
    _token, secret = integration_token_create(name="Katselu", user=root, organization=imatra, acting_user=root)
    assert _resources(client, imatra, secret).status_code == 200
    response = client.post(
        reverse("api:working_sections", args=[imatra.slug]),
        {"name": "Digitalisaatio"},
        content_type="application/json",
        **auth(secret),
    )
    assert response.status_code == 403


def test_removing_a_member_revokes_their_tokens_of_that_organisation_for_good(client, imatra, people):
    administrator, publisher, other = people
    here, secret = integration_token_create(
        name="Asianhallinta", user=publisher, organization=imatra, acting_user=administrator
    )
    _elsewhere, elsewhere = integration_token_create(
        name="Muualla", user=publisher, organization=other, acting_user=None
    )
    _unbound, unbound = integration_token_create(name="Komentorivi", user=publisher, acting_user=None)
    membership = publisher.memberships.get(organization=imatra)
    membership_end(membership=membership, acting_user=administrator)
    assert _resources(client, imatra, secret).status_code == 401
    assert [_resources(client, other, secret).status_code for secret in (elsewhere, unbound)] == [200, 200]
    event = AuditEvent.objects.get(kind=AuditKind.TOKEN_REVOKED)
    assert (event.user, event.organization, event.detail["prefix"]) == (administrator, imatra, here.prefix)
    membership_set(
        organization=imatra, user=publisher, role=Role.PUBLISHER, acting_user=None
    )  # another organisation's member: not the administrator's to add back
    assert _resources(client, imatra, secret).status_code == 401


def test_djangos_admin_offers_only_the_users_the_service_accepts(rf, people):
    from django.contrib.admin.sites import site

    _administrator, publisher, _other = people
    django_admin = User.objects.create_user("django", is_staff=True)
    request = rf.get("/")
    request.user = django_admin
    field = site._registry[IntegrationToken].get_form(request)().fields["user"]
    assert publisher in field.queryset and django_admin not in field.queryset
    request.user = User.objects.create_superuser("juuri")
    assert django_admin in site._registry[IntegrationToken].get_form(request)().fields["user"].queryset
