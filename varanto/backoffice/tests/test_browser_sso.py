"""Single sign-on end to end in Chromium: a real OpenID provider's own login page, then the back office."""

import pytest
from django.urls import reverse

from varanto.accounts.models import AuditEvent, AuditKind, Membership, Role, SsoIdentity
from varanto.testing.browser import assert_accessible, screenshot
from varanto.testing.oidc_provider import oidc_provider

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ANNA = {
    "email": "anna.virtanen@imatra.example",
    "email_verified": True,
    "given_name": "Anna",
    "family_name": "Virtanen",
    "name": "Anna Virtanen",
    "groups": ["varanto-imatra-julkaisijat", "kaikki-tyontekijat"],
}


def _configure(settings, provider, organization) -> None:
    settings.OIDC_ISSUER = provider.issuer
    settings.OIDC_RP_CLIENT_ID = provider.client_id
    settings.OIDC_RP_CLIENT_SECRET = provider.client_secret
    settings.OIDC_RP_SCOPES = "openid email profile groups"
    settings.OIDC_PROVIDER_NAME = "Imatran tunnistus"
    settings.OIDC_ROLE_MAP = {"varanto-imatra-julkaisijat": f"{organization.slug}:publisher"}


def _sign_in_at_provider(page, live_server, provider, login: str) -> None:
    page.goto(live_server.url + reverse("backoffice:login"))
    page.get_by_role("link", name="Kirjaudu: Imatran tunnistus").click()
    page.wait_for_url(f"{provider.issuer}/**")
    page.fill("input[name=login]", login)
    page.fill("input[name=password]", "any")
    page.locator("button[type=submit]").click()


def test_official_signs_in_on_the_providers_page_and_lands_in_the_back_office_as_mapped(
    live_server, page, settings, imatra_published
):
    organization = imatra_published
    callback = live_server.url + reverse("backoffice:sso_callback")
    with oidc_provider(redirect_uri=callback, accounts={"anna": ANNA}) as provider:
        _configure(settings, provider, organization)
        page.goto(live_server.url + reverse("backoffice:login"))
        assert_accessible(page)
        screenshot(page, "backoffice-sign-in-sso")
        _sign_in_at_provider(page, live_server, provider, "anna")
        page.wait_for_url(lambda url: url.startswith(live_server.url + "/hallinta/") and "kirjaudu" not in url)
        assert_accessible(page)
        screenshot(page, "backoffice-after-sso")

        assert page.url == live_server.url + reverse("backoffice:my_resources", args=[organization.slug])
        assert "Tarkistus ja julkaisu" in page.locator("nav").inner_text()
    identity = SsoIdentity.objects.select_related("user").get(issuer=provider.issuer, subject="anna")
    assert identity.user.email == ANNA["email"]
    assert Membership.objects.get(user=identity.user, organization=organization).role == Role.PUBLISHER
    sign_in = AuditEvent.objects.get(kind=AuditKind.SIGN_IN, user=identity.user)
    assert sign_in.detail["issuer"] == provider.issuer
    assert AuditEvent.objects.filter(
        kind=AuditKind.ROLE_CHANGE, detail__target=identity.user.username, detail__source="sso"
    ).exists()


def test_someone_the_provider_knows_but_varanto_gives_no_role_is_sent_back_to_sign_in_saying_so(
    live_server, page, settings, imatra_published
):
    outsider = {**ANNA, "email": "kesatyontekija@imatra.example", "groups": ["kaikki-tyontekijat"]}
    callback = live_server.url + reverse("backoffice:sso_callback")
    with oidc_provider(redirect_uri=callback, accounts={"kesa": outsider}) as provider:
        _configure(settings, provider, imatra_published)
        _sign_in_at_provider(page, live_server, provider, "kesa")
        page.wait_for_url(f"{live_server.url}{reverse('backoffice:login')}?sso=failed")
        assert "ei onnistunut" in page.locator("[role=alert]").inner_text()
        assert_accessible(page)
    assert not SsoIdentity.objects.exists()
    refusal = AuditEvent.objects.get(kind=AuditKind.SSO_SIGN_IN_REFUSED)
    assert (refusal.username, refusal.detail["reason"]) == ("kesatyontekija@imatra.example", "no_account")
