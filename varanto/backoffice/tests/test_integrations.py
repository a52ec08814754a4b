"""The administrator's integration tokens page: create with the secret shown once, list, revoke with confirmation."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from varanto.accounts.models import AuditKind, Role
from varanto.accounts.services import membership_set
from varanto.api.models import IntegrationToken
from varanto.api.services import integration_token_create
from varanto.backoffice.forms.integrations import IntegrationTokenForm
from varanto.catalog.tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db


def _page(staff) -> str:
    return reverse("backoffice:integrations", args=[staff.organization.slug])


def _api(client, staff, secret):
    return client.get(
        reverse("api:working_resources", args=[staff.organization.slug]), HTTP_AUTHORIZATION=f"Bearer {secret}"
    )


def test_a_new_tokens_secret_is_shown_once_and_works_as_the_chosen_member(client, staff):
    client.force_login(staff.administrator)
    response = client.post(_page(staff), {"name": "Asianhallinta", "user": staff.editor.pk})
    assert response.status_code == 302 and response["Location"] == _page(staff)
    token = IntegrationToken.objects.get()
    assert (token.name, token.user, token.organization, token.created_by) == (
        "Asianhallinta",
        staff.editor,
        staff.organization,
        staff.administrator,
    )
    shown = client.get(_page(staff))
    secret = shown.context["created"]["secret"]
    assert secret.startswith(token.prefix) and secret in shown.content.decode()
    assert "no-store" in shown["Cache-Control"]
    reloaded = client.get(_page(staff))
    assert secret not in reloaded.content.decode() and f"{token.prefix}…" in reloaded.content.decode()
    assert IntegrationToken.objects.count() == 1
    client.logout()
    assert _api(client, staff, secret).status_code == 200


def test_the_integration_acts_only_as_a_member_of_the_organisation(client, staff):
    client.force_login(staff.administrator)
    response = client.post(_page(staff), {"name": "Asianhallinta", "user": staff.outsider.pk})
    assert response.status_code == 400 and "user" in response.context["form"].errors
    assert not IntegrationToken.objects.exists()
    html = response.content.decode()
    assert "vesi – muokkaaja" in html and "ulkopuolinen –" not in html


def _privileged_member(staff, username, **flags):
    user = get_user_model().objects.create_user(username, **flags)
    membership_set(organization=staff.organization, user=user, role=Role.VIEWER, acting_user=None)
    return user


def test_only_a_superuser_is_offered_superusers_django_admin_users_and_never_inactive_users(client, staff):
    root = _privileged_member(staff, "juuri", is_superuser=True)
    django_admin = _privileged_member(staff, "django", is_staff=True)
    gone = _privileged_member(staff, "poissa", is_active=False)
    offered = {
        user: set(IntegrationTokenForm(organization=staff.organization, acting_user=user).fields["user"].queryset)
        for user in (staff.administrator, root)
    }
    assert root not in offered[staff.administrator] and django_admin not in offered[staff.administrator]
    assert {root, django_admin} <= offered[root] and staff.editor in offered[staff.administrator]
    assert gone not in offered[staff.administrator] | offered[root]
    client.force_login(staff.administrator)
    response = client.post(_page(staff), {"name": "Asianhallinta", "user": root.pk})
    assert response.status_code == 400 and "user" in response.context["form"].errors
    assert not IntegrationToken.objects.exists()


def test_revoking_asks_first_and_then_the_api_refuses_the_token(client, staff):
    token, secret = integration_token_create(
        name="Asianhallinta", user=staff.editor, organization=staff.organization, acting_user=staff.administrator
    )
    client.force_login(staff.administrator)
    url = reverse("backoffice:integration_revoke", args=[staff.organization.slug, token.pk])
    confirmation = client.get(url)
    assert "Asianhallinta" in confirmation.content.decode() and not IntegrationToken.objects.get().revoked_at
    response = client.post(url, follow=True)
    assert response.redirect_chain[-1][0] == _page(staff)
    assert IntegrationToken.objects.get().revoked_at is not None
    assert _api(client, staff, secret).status_code == 401
    audit = client.get(reverse("backoffice:audit", args=[staff.organization.slug])).context["events"]
    assert [e.kind for e in audit if e.kind.startswith("token")] == [AuditKind.TOKEN_REVOKED, AuditKind.TOKEN_CREATED]


def test_another_organisations_token_is_out_of_reach(client, staff):
    other = OrganizationFactory()
    membership_set(organization=other, user=staff.outsider, role=Role.VIEWER, acting_user=None)
    token, _secret = integration_token_create(name="Muualla", user=staff.outsider, organization=other, acting_user=None)
    client.force_login(staff.administrator)
    response = client.post(reverse("backoffice:integration_revoke", args=[staff.organization.slug, token.pk]))
    assert response.status_code == 403 and IntegrationToken.objects.get().revoked_at is None
    assert "Muualla" not in client.get(_page(staff)).content.decode()


def test_only_administrators_see_integrations_in_the_navigation(client, staff):
    for user, shown in ((staff.administrator, True), (staff.publisher, False)):
        client.force_login(user)
        response = client.get(reverse("backoffice:my_resources", args=[staff.organization.slug]))
        assert (_page(staff) in [item["url"] for item in response.context["navigation"]]) is shown


def test_the_tokens_page_reads_a_constant_number_of_queries(client, staff):
    client.force_login(staff.administrator)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(_page(staff)).status_code == 200
        return len(captured)

    integration_token_create(
        name="Ensimmäinen", user=staff.editor, organization=staff.organization, acting_user=staff.administrator
    )
    before = queries()
    for user in (staff.publisher, staff.viewer, staff.other_editor):
        integration_token_create(
            name=f"Toinen {user}", user=user, organization=staff.organization, acting_user=staff.publisher
        )
    assert queries() == before
