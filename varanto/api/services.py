"""Writes of the API app: making and revoking integration tokens (rajapinta-avaimet), both audited, and ending a
membership with the tokens acting through it."""

from __future__ import annotations

import datetime
import hashlib
import secrets
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from varanto.accounts.models import AuditKind, Membership
from varanto.accounts.services import audit_record, membership_remove
from varanto.catalog.models import Organization

from .models import IntegrationToken
from .permissions import token_users

PREFIX_LENGTH = 8
USER_NOT_A_MEMBER = _("The integration must act as a user who has a role in this organisation.")
USER_NOT_ALLOWED = _(
    "The integration cannot act as this user: the user is not active, or is a superuser or "
    "Django admin user, whom only a superuser may choose."
)


EXPIRY_PAST = _("The expiry must be in the future.")


def token_expiry(day: datetime.date) -> datetime.datetime:
    """A token given until `day` works to the end of that day (in Finnish time)."""
    return timezone.make_aware(datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time()))


def token_digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


@transaction.atomic
def integration_token_create(
    *,
    name: str,
    user,
    acting_user,
    organization: Organization | None = None,
    expires_at: datetime.datetime | None = None,
    read_only: bool = False,
) -> tuple[IntegrationToken, str]:
    """A new token for an integration acting as `user`; returns it with its secret, which is not kept.

    With `organization` the token works in that organisation only, and `user` must have a role there.
    `acting_user` may choose only the users `permissions.token_users` gives them. `expires_at`:
    when it stops working (None: when revoked); `read_only`: the API refuses it every write.
    """
    if organization is not None and not Membership.objects.filter(organization=organization, user=user).exists():
        raise ValidationError({"user": USER_NOT_A_MEMBER})
    if not token_users(acting_user, organization).filter(pk=user.pk).exists():
        raise ValidationError({"user": USER_NOT_ALLOWED})
    if expires_at is not None and expires_at <= timezone.now():
        raise ValidationError({"expires_at": EXPIRY_PAST})
    secret = "vrn_" + secrets.token_urlsafe(32)
    token = IntegrationToken(
        name=name.strip(),
        user=user,
        organization=organization,
        prefix=secret[:PREFIX_LENGTH],
        digest=token_digest(secret),
        created_by=acting_user,
        expires_at=expires_at,
        read_only=read_only,
    )
    token.full_clean()
    token.save()
    _audit(AuditKind.TOKEN_CREATED, token, acting_user)
    return token, secret


@transaction.atomic
def integration_token_revoke(*, token: IntegrationToken, acting_user) -> IntegrationToken:
    """Stop a token from working; the record stays, to show who had access and until when."""
    now = timezone.now()
    # Conditional update: of two concurrent revocations only one is recorded.
    if IntegrationToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(revoked_at=now):
        token.revoked_at = now
        _audit(AuditKind.TOKEN_REVOKED, token, acting_user)
    else:
        token.refresh_from_db(fields=["revoked_at"])
    return token


@transaction.atomic
def membership_end(*, membership: Membership, acting_user, source: str = "") -> None:
    """End the user's membership of the organisation, revoking the organisation's tokens acting as them.

    Otherwise a token would outlive the membership, and come back to life if the user were added
    again. Each token is audited as revoked, the membership as a role change
    (`accounts.services.membership_remove`).
    """
    tokens = IntegrationToken.objects.filter(
        user=membership.user_id, organization=membership.organization_id, revoked_at__isnull=True
    ).select_related("user", "organization")
    for token in tokens:
        integration_token_revoke(token=token, acting_user=acting_user)
    membership_remove(membership=membership, acting_user=acting_user, source=source)


def _audit(kind: AuditKind, token: IntegrationToken, acting_user) -> None:
    limits: dict[str, Any] = {}
    if token.expires_at:
        limits["expires_at"] = token.expires_at.isoformat()
    if token.read_only:
        limits["read_only"] = True
    audit_record(
        kind=kind,
        user=acting_user,
        organization=token.organization,
        name=token.name,
        prefix=token.prefix,
        acts_as=token.user.get_username(),
        **limits,
    )
