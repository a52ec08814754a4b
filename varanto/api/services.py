"""Writes of the API app: making and revoking integration tokens (rajapinta-avaimet)."""

from __future__ import annotations

import hashlib
import secrets

from django.db import transaction
from django.utils import timezone

from .models import IntegrationToken

PREFIX_LENGTH = 8


def token_digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


@transaction.atomic
def integration_token_create(*, name: str, user, acting_user) -> tuple[IntegrationToken, str]:
    """A new token for an integration acting as `user`; returns it with its secret, which is not kept."""
    secret = "vrn_" + secrets.token_urlsafe(32)
    token = IntegrationToken(name=name.strip(), user=user, prefix=secret[:PREFIX_LENGTH], digest=token_digest(secret),
                             created_by=acting_user)
    token.full_clean()
    token.save()
    return token, secret


@transaction.atomic
def integration_token_revoke(*, token: IntegrationToken, acting_user) -> IntegrationToken:
    """Stop a token from working; the record stays, to show who had access and until when."""
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token
