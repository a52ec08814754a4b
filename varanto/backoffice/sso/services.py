"""Writes of single sign-on: finding, linking or creating the user, and the roles the provider gives.

Every outcome is audited: the sign-in itself by the accounts app's sign-in listener (naming the
issuer), a first link of an identity to a user as `SSO_IDENTITY_LINKED`, each role the provider
gives or takes as a role change from "sso", and a refusal with its reason.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from varanto.accounts.models import AuditKind, Membership, SsoIdentity
from varanto.accounts.services import audit_record, membership_set
from varanto.api.services import membership_end
from varanto.catalog.models import Organization

from .roles import governed_organizations, mapped_roles

User = get_user_model()
SOURCE = "sso"


class SignInRefused(Exception):
    """The provider vouched for someone Varanto will not sign in; `reason` says why (it is audited)."""

    def __init__(self, reason: str):
        self.reason = reason
        super().__init__(reason)


def _email_verified(claims: Mapping) -> bool:
    verified = claims.get("email_verified")
    # Some providers send the flag as a string.
    return settings.OIDC_TRUST_EMAIL or verified is True or str(verified).lower() == "true"


def _username_free(claims: Mapping) -> str:
    wanted = str(claims.get("preferred_username") or claims.get("email") or claims["sub"])
    base = re.sub(r"[^\w.@+-]", "", wanted)[:140] or "sso"
    username, number = base, 1
    while User.objects.filter(username__iexact=username).exists():
        number += 1
        username = f"{base}-{number}"
    return username


def _matched_by_email(issuer: str, claims: Mapping):
    """The one existing user with the provider's verified address, if they have no other identity there."""
    email = str(claims.get("email") or "").strip()
    if not (settings.OIDC_MATCH_EMAIL and email):
        return None
    if not _email_verified(claims):
        raise SignInRefused("email_unverified")
    users = list(User.objects.filter(email__iexact=email)[:2])
    if len(users) > 1:
        raise SignInRefused("email_ambiguous")
    if not users:
        return None
    user = users[0]
    # A Django admin user's powers are not handed to whoever the provider vouches for.
    if user.is_superuser:
        raise SignInRefused("superuser")
    if SsoIdentity.objects.filter(user=user, issuer=issuer).exists():
        raise SignInRefused("email_taken")
    return user


def _user_created(claims: Mapping):
    user = User(
        username=_username_free(claims),
        email=str(claims.get("email") or "")[:254] if _email_verified(claims) else "",
        first_name=str(claims.get("given_name") or "")[:150],
        last_name=str(claims.get("family_name") or "")[:150],
    )
    user.set_unusable_password()
    user.save()
    return user


def sso_roles_sync(*, user, claims: Mapping) -> None:
    """Make the user's roles in the organisations the role map names what the provider's claims give.

    A role the provider no longer gives is taken away (with the integration tokens acting as the user
    there); organisations the map does not name keep the roles given in the back office.
    """
    wanted = mapped_roles(claims)
    governed = governed_organizations()
    organizations = {o.slug: o for o in Organization.objects.filter(slug__in=governed)}
    held = {m.organization.slug: m for m in Membership.objects.filter(user=user, organization__slug__in=governed)}
    for slug, organization in organizations.items():
        if slug in wanted:
            membership_set(organization=organization, user=user, role=wanted[slug], acting_user=None, source=SOURCE)
        elif slug in held:
            membership_end(membership=held[slug], acting_user=None, source=SOURCE)


def sso_user_resolve(*, issuer: str, claims: Mapping, request=None):
    """The user the provider's identity (issuer + subject) signs in as, linked or created on the first sign-in.

    An identity seen before is found by issuer and subject alone, so a changed or reused address
    cannot take over another account. A new one is linked to the one existing user with its
    verified e-mail address, or else a user is created when the role map gives it a role. Raises
    SignInRefused when neither is possible, audited after the attempt's writes are rolled back.
    """
    try:
        return _resolved(issuer, claims, request)
    except SignInRefused as refused:
        sso_refused(issuer=issuer, claims=claims, reason=refused.reason, request=request)
        raise


def sso_refused(*, issuer: str, claims: Mapping, reason: str, request=None) -> None:
    """Audit a refused single sign-on, naming whom the provider vouched for (if it got so far) and why."""
    audit_record(
        kind=AuditKind.SSO_SIGN_IN_REFUSED,
        username=str(claims.get("preferred_username") or claims.get("email") or claims.get("sub", "")),
        request=request,
        issuer=issuer,
        subject=str(claims.get("sub", "")),
        reason=reason,
    )


@transaction.atomic
def _resolved(issuer: str, claims: Mapping, request):
    subject = str(claims["sub"])
    email = str(claims.get("email") or "")[:254]
    identity = SsoIdentity.objects.select_related("user").filter(issuer=issuer, subject=subject).first()
    if identity is None:
        user = _matched_by_email(issuer, claims)
        created = user is None
        if user is None:
            if not (settings.OIDC_CREATE_USER and mapped_roles(claims)):
                raise SignInRefused("no_account")
            user = _user_created(claims)
        identity = SsoIdentity.objects.create(user=user, issuer=issuer, subject=subject, email=email)
        audit_record(
            kind=AuditKind.SSO_IDENTITY_LINKED,
            user=user,
            request=request,
            issuer=issuer,
            subject=subject,
            email=email,
            created=created,
        )
    user = identity.user
    if not user.is_active:
        raise SignInRefused("inactive")
    identity.last_sign_in = timezone.now()
    identity.email = email
    identity.save(update_fields=["last_sign_in", "email"])
    sso_roles_sync(user=user, claims=claims)
    user.sso_issuer = issuer  # type: ignore[attr-defined]  # the sign-in listener names it on the audit row
    return user
