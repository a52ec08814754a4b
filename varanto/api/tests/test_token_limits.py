"""Finding 6: changes made with an integration token name the token in history and audit; tokens may
expire and may be read-only; the API keeps four eyes on approval as the back office does."""

import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from varanto.accounts.models import AuditEvent, AuditKind, Role
from varanto.accounts.services import membership_set
from varanto.api.models import IntegrationToken
from varanto.api.services import EXPIRY_PAST, integration_token_create, token_expiry
from varanto.catalog.models import DataResource, ReviewStatus
from varanto.catalog.services import organization_own_approval_set, section_update

from .helpers import auth

pytestmark = pytest.mark.django_db

User = get_user_model()
ORG = "imatran-kaupunki"


@pytest.fixture
def publisher(imatra):
    user = User.objects.create_user("julkaisija")
    membership_set(organization=imatra, user=user, role=Role.PUBLISHER, acting_user=None)
    return user


def _token(imatra, user, **limits):
    return integration_token_create(name="Asianhallinta", user=user, organization=imatra, acting_user=None, **limits)


def _patch(client, secret, version=1, body=None):
    return client.patch(
        reverse("api:working_resource", kwargs={"org": ORG, "key": "vesihuolto"}),
        body or {"purpose": "Vesihuollon asiakkuudet"},
        content_type="application/json",
        **auth(secret, **{"If-Match": f'"v{version}"'}),
    )


def _approve(client, secret, version):
    return client.post(
        reverse("api:working_resource_review", kwargs={"org": ORG, "key": "vesihuolto"}),
        {"move": "approve"},
        content_type="application/json",
        **auth(secret, **{"If-Match": f'"v{version}"'}),
    )


def _list(client, secret):
    return client.get(reverse("api:working_resources", kwargs={"org": ORG}), **auth(secret))


def test_history_names_the_token_a_change_was_made_with(client, imatra, publisher):
    token, secret = _token(imatra, publisher)
    assert _patch(client, secret).status_code == 200
    row = DataResource.objects.get(key="vesihuolto").history.latest("history_date", "history_id")
    assert (row.history_user, row.history_integration) == (publisher, f"Asianhallinta ({token.prefix}…)")
    # A change a person makes themselves names no token.
    section = imatra.sections.first()
    section_update(section=section, data={"name": "Uusi nimi"}, expected_version=section.version, acting_user=publisher)
    assert section.history.latest("history_date", "history_id").history_integration == ""


def test_the_back_office_history_shows_the_token(client, imatra, publisher):
    token, secret = _token(imatra, publisher)
    _patch(client, secret)
    admin = User.objects.create_user("hallinto")
    membership_set(organization=imatra, user=admin, role=Role.ADMINISTRATOR, acting_user=None)
    client.force_login(admin)
    page = client.get(f"/hallinta/{ORG}/tietovarannot/vesihuolto/historia/").content.decode()
    assert f"rajapinta-avaimella Asianhallinta ({token.prefix}…)" in page


def test_audit_names_the_token_an_event_came_through(client, imatra, publisher):
    token, secret = _token(imatra, publisher)
    response = client.post(
        reverse("api:working_publications", kwargs={"org": ORG}),
        {"note": "Rajapinnasta", "include_unapproved": True},
        content_type="application/json",
        **auth(secret),
    )
    assert response.status_code == 201, response.content
    event = AuditEvent.objects.get(kind=AuditKind.PUBLICATION)
    assert (event.user, event.integration) == (publisher, f"Asianhallinta ({token.prefix}…)")


def test_an_expired_token_is_refused_with_a_clear_401(client, imatra, publisher):
    token, secret = _token(imatra, publisher, expires_at=timezone.now() + datetime.timedelta(hours=1))
    assert _list(client, secret).status_code == 200
    IntegrationToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    response = _list(client, secret)
    assert response.status_code == 401
    assert response["Content-Type"].startswith("application/json")
    assert "Avaimen voimassaolo päättyi" in response.json()["detail"]


def test_a_token_cannot_be_made_already_expired(imatra, publisher):
    with pytest.raises(ValidationError) as error:
        _token(imatra, publisher, expires_at=timezone.now() - datetime.timedelta(days=1))
    assert error.value.message_dict == {"expires_at": [str(EXPIRY_PAST)]}


def test_a_token_given_until_a_day_works_to_the_end_of_it():
    end = token_expiry(datetime.date(2027, 1, 31))
    assert timezone.localtime(end).replace(tzinfo=None) == datetime.datetime(2027, 2, 1)


def test_a_read_only_token_reads_but_every_write_is_403(client, imatra, publisher):
    _token_row, secret = _token(imatra, publisher, read_only=True)
    assert _list(client, secret).status_code == 200
    response = _patch(client, secret)
    assert response.status_code == 403
    assert "vain lukuun" in response.json()["detail"]
    assert _approve(client, secret, 1).status_code == 403
    created = client.post(
        reverse("api:working_sections", kwargs={"org": ORG}),
        {"name": "Digitalisaatio"},
        content_type="application/json",
        **auth(secret),
    )
    assert created.status_code == 403
    assert DataResource.objects.get(key="vesihuolto").version == 1


def test_the_api_refuses_approving_ones_own_change(client, imatra, publisher):
    _token_row, secret = _token(imatra, publisher)
    assert _patch(client, secret).status_code == 200
    refused = _approve(client, secret, 2)
    assert refused.status_code == 403
    assert "joten sen hyväksyy joku muu" in refused.json()["detail"]
    assert DataResource.objects.get(key="vesihuolto").review_status == ReviewStatus.READY_FOR_REVIEW
    other = User.objects.create_user("toinen")
    membership_set(organization=imatra, user=other, role=Role.PUBLISHER, acting_user=None)
    _other_token, other_secret = integration_token_create(
        name="Toinen", user=other, organization=imatra, acting_user=None
    )
    assert _approve(client, other_secret, 2).status_code == 200


def test_the_api_approves_ones_own_where_the_organisation_allows_it(client, imatra, publisher):
    organization_own_approval_set(organization=imatra, allowed=True, acting_user=None)
    token, secret = _token(imatra, publisher)
    _patch(client, secret)
    assert _approve(client, secret, 2).status_code == 200
    row = DataResource.objects.get(key="vesihuolto").history.latest("history_date", "history_id")
    assert (row.history_change_reason, row.history_integration) == ("approve:own", f"Asianhallinta ({token.prefix}…)")
    event = AuditEvent.objects.get(kind=AuditKind.OWN_CHANGE_APPROVED)
    assert (event.user, event.integration) == (publisher, str(token))


def test_apitoken_create_takes_expiry_and_read_only(imatra, publisher):
    out = io.StringIO()
    call_command(
        "apitoken",
        "create",
        "julkaisija",
        "--name",
        "Arkisto",
        "--expires",
        "2099-12-31",
        "--read-only",
        stdout=out,
        stderr=io.StringIO(),
    )
    token = IntegrationToken.objects.get(name="Arkisto")
    assert token.read_only and token.expires_at == token_expiry(datetime.date(2099, 12, 31))
    assert "read-only, until 2099-12-31" in out.getvalue()
    listed = io.StringIO()
    call_command("apitoken", "list", stdout=listed)
    assert "read-only  active until 2100-01-01 00:00" in listed.getvalue()


@pytest.mark.parametrize(
    ("expires", "message"), [("31.12.2099", "is not a date like 2027-01-31"), ("2000-01-01", "tulevaisuudessa")]
)
def test_apitoken_create_refuses_a_bad_or_past_expiry(imatra, publisher, expires, message):
    with pytest.raises(CommandError, match=message):
        call_command("apitoken", "create", "julkaisija", "--name", "Arkisto", "--expires", expires)
    assert not IntegrationToken.objects.exists()
