"""Single sign-on's rules: who an identity signs in as, what links it, and the roles the provider gives."""

import socket

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse
from django.utils import translation

from varanto.accounts.models import AuditEvent, AuditKind, Membership, Role, SsoIdentity
from varanto.backoffice.sso.checks import sso_configuration_check
from varanto.backoffice.sso.roles import mapped_roles
from varanto.backoffice.sso.services import SignInRefused, sso_user_resolve

ISSUER = "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000001/v2.0"
User = get_user_model()


@pytest.fixture
def role_map(settings, staff):
    slug = staff.organization.slug
    settings.OIDC_ROLE_CLAIM = "roles"
    settings.OIDC_ROLE_MAP = {"Varanto.Editor": f"{slug}:editor", "Varanto.Publisher": f"{slug}:publisher"}
    return staff


def claims(subject: str, email: str, *, verified=True, roles=()):
    return {"sub": subject, "email": email, "email_verified": verified, "roles": list(roles)}


def test_the_widest_role_a_claim_gives_in_an_organisation_wins(role_map):
    given = mapped_roles({"roles": ["Varanto.Editor", "Varanto.Publisher", "Muu.Rooli"]})
    assert given == {role_map.organization.slug: Role.PUBLISHER}


def test_a_role_map_entry_without_a_known_role_names_itself(settings):
    settings.OIDC_ROLE_MAP = {"Varanto.Boss": "imatra:boss"}
    with pytest.raises(ImproperlyConfigured, match="Varanto.Boss=imatra:boss"):
        mapped_roles({"groups": ["Varanto.Boss"]})


def test_an_existing_user_is_linked_by_verified_email_once_and_then_found_by_subject(role_map):
    editor = role_map.editor
    editor.email = "vesi@imatra.example"
    editor.save()
    assert (
        sso_user_resolve(issuer=ISSUER, claims=claims("s-1", "VESI@imatra.example", roles=["Varanto.Editor"])) == editor
    )
    # The provider's address changes: the same subject is still the same user.
    again = sso_user_resolve(issuer=ISSUER, claims=claims("s-1", "vesi.uusi@imatra.example", roles=["Varanto.Editor"]))
    assert again == editor
    assert SsoIdentity.objects.get(issuer=ISSUER, subject="s-1").email == "vesi.uusi@imatra.example"
    assert (
        AuditEvent.objects.filter(kind=AuditKind.SSO_IDENTITY_LINKED, user=editor, detail__created=False).count() == 1
    )


def test_another_identity_with_a_linked_users_address_does_not_take_the_account_over(role_map):
    editor = role_map.editor
    editor.email = "vesi@imatra.example"
    editor.save()
    sso_user_resolve(issuer=ISSUER, claims=claims("s-1", "vesi@imatra.example", roles=["Varanto.Editor"]))
    with pytest.raises(SignInRefused, match="email_taken"):
        sso_user_resolve(issuer=ISSUER, claims=claims("s-2", "vesi@imatra.example", roles=["Varanto.Publisher"]))
    refusal = AuditEvent.objects.get(kind=AuditKind.SSO_SIGN_IN_REFUSED)
    assert (refusal.detail["subject"], refusal.detail["reason"]) == ("s-2", "email_taken")
    assert Membership.objects.get(user=editor, organization=role_map.organization).role == Role.EDITOR


def test_an_unverified_address_links_nobody(role_map):
    role_map.editor.email = "vesi@imatra.example"
    role_map.editor.save()
    with pytest.raises(SignInRefused, match="email_unverified"):
        sso_user_resolve(issuer=ISSUER, claims=claims("s-1", "vesi@imatra.example", verified=False))
    assert not SsoIdentity.objects.exists()
    assert AuditEvent.objects.filter(kind=AuditKind.SSO_SIGN_IN_REFUSED, detail__reason="email_unverified").exists()


def test_a_django_admin_user_is_never_linked_by_email(role_map):
    User.objects.create_superuser("root", email="it@imatra.example", password="x" * 20)
    with pytest.raises(SignInRefused, match="superuser"):
        sso_user_resolve(issuer=ISSUER, claims=claims("s-9", "it@imatra.example", roles=["Varanto.Publisher"]))


def test_a_new_official_is_created_only_when_the_provider_gives_a_role(role_map):
    with pytest.raises(SignInRefused, match="no_account"):
        sso_user_resolve(issuer=ISSUER, claims=claims("s-5", "uusi@imatra.example"))
    user = sso_user_resolve(issuer=ISSUER, claims=claims("s-5", "uusi@imatra.example", roles=["Varanto.Editor"]))
    assert (user.username, user.has_usable_password()) == ("uusi@imatra.example", False)
    assert Membership.objects.get(user=user).role == Role.EDITOR


def test_the_provider_changes_and_takes_away_roles_audited_as_from_sso(role_map):
    organization = role_map.organization
    user = sso_user_resolve(issuer=ISSUER, claims=claims("s-7", "k@imatra.example", roles=["Varanto.Editor"]))
    sso_user_resolve(issuer=ISSUER, claims=claims("s-7", "k@imatra.example", roles=["Varanto.Publisher"]))
    assert Membership.objects.get(user=user, organization=organization).role == Role.PUBLISHER
    sso_user_resolve(issuer=ISSUER, claims=claims("s-7", "k@imatra.example", roles=[]))
    assert not Membership.objects.filter(user=user, organization=organization).exists()
    changes = AuditEvent.objects.filter(kind=AuditKind.ROLE_CHANGE, detail__target=user.username).order_by("id")
    assert [(e.detail["old_role"], e.detail["new_role"], e.detail["source"]) for e in changes] == [
        (None, "editor", "sso"),
        ("editor", "publisher", "sso"),
        ("publisher", None, "sso"),
    ]
    with translation.override("fi"):
        assert "(kertakirjautumisesta)" in changes[0].summary


def test_roles_in_organisations_the_map_does_not_name_are_left_as_given(role_map, settings):
    settings.OIDC_ROLE_MAP = {"Varanto.Editor": "toinen-kunta:editor"}
    role_map.viewer.email = "lukija@imatra.example"
    role_map.viewer.save()
    sso_user_resolve(issuer=ISSUER, claims=claims("s-3", "lukija@imatra.example", roles=[]))
    assert Membership.objects.get(user=role_map.viewer, organization=role_map.organization).role == Role.VIEWER


def test_without_a_provider_configured_the_sign_in_page_has_passwords_only_and_sso_is_not_found(client, db):
    page = client.get(reverse("backoffice:login")).content.decode()
    assert 'name="password"' in page
    assert reverse("backoffice:sso_start") not in page
    assert client.get(reverse("backoffice:sso_start")).status_code == 404
    assert client.get(reverse("backoffice:sso_callback"), {"code": "x", "state": "y"}).status_code == 404


def test_a_provider_that_does_not_answer_sends_the_official_back_to_sign_in_saying_so(client, db, settings):
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        settings.OIDC_ISSUER = f"http://127.0.0.1:{probe.getsockname()[1]}"
    settings.OIDC_RP_CLIENT_ID = "varanto"
    settings.OIDC_TIMEOUT = 2
    response = client.get(reverse("backoffice:sso_start"))
    assert (response.status_code, response["Location"]) == (302, reverse("backoffice:login") + "?sso=failed")
    assert "ei onnistunut" in client.get(response["Location"]).content.decode()


def test_the_system_check_names_a_wrong_role_map_and_a_missing_secret(settings):
    settings.OIDC_ISSUER = ISSUER
    settings.OIDC_RP_CLIENT_ID = "varanto"
    settings.OIDC_RP_CLIENT_SECRET = ""
    settings.OIDC_ROLE_MAP = {"Varanto.Editor": "imatran-kaupunki"}
    found = {message.id: message.msg for message in sso_configuration_check()}
    assert set(found) == {"varanto.sso.E002", "varanto.sso.E003"}
    assert "Varanto.Editor=imatran-kaupunki" in found["varanto.sso.E003"]


def test_the_member_page_names_the_identity_and_warns_that_the_provider_decides_roles(client, role_map, settings):
    settings.OIDC_ISSUER, settings.OIDC_RP_CLIENT_ID = ISSUER, "varanto"
    user = sso_user_resolve(issuer=ISSUER, claims=claims("s-4", "uusi@imatra.example", roles=["Varanto.Editor"]))
    membership = Membership.objects.get(user=user, organization=role_map.organization)
    client.force_login(role_map.administrator)
    page = client.get(reverse("backoffice:membership", args=[role_map.organization.slug, membership.pk]))
    text = page.content.decode()
    assert f"Kirjautuu kertakirjautumisella: {ISSUER} (viimeksi " in text
    assert "Organisaation tunnistuspalvelu päättää roolit" in text


def test_a_deactivated_users_single_sign_on_session_ends(client, staff):
    client.force_login(staff.editor, backend="varanto.backoffice.sso.backend.SsoBackend")
    home = reverse("backoffice:my_resources", args=[staff.organization.slug])
    assert client.get(home).status_code == 200
    staff.editor.is_active = False
    staff.editor.save()
    assert client.get(home)["Location"].startswith(reverse("backoffice:login"))
