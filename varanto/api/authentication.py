"""API sign-in with an integration token: `Authorization: Bearer <token>`."""

from __future__ import annotations

import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions

from varanto.accounts.permissions import confine_to_organization
from varanto.core.acting import act_through_integration

from .models import IntegrationToken
from .services import token_digest

USE_RECORDED_EVERY = datetime.timedelta(minutes=5)  # last_used_at is a hint, not a log: spare the writes


class IntegrationTokenAuthentication(authentication.BaseAuthentication):
    keyword = "Bearer"

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].decode().lower() != self.keyword.lower():
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed(_("Give the token as: Authorization: Bearer <token>."))
        token = (
            IntegrationToken.objects.select_related("user")
            .filter(digest=token_digest(header[1].decode(errors="replace")), revoked_at__isnull=True)
            .first()
        )
        if token is None or not token.user.is_active:
            raise exceptions.AuthenticationFailed(_("Unknown or revoked token."))
        now = timezone.now()
        if token.expires_at is not None and token.expires_at <= now:
            raise exceptions.AuthenticationFailed(
                _("The token expired on %(date)s; ask an administrator for a new one.")
                % {"date": f"{timezone.localtime(token.expires_at):%Y-%m-%d %H:%M}"}
            )
        if token.last_used_at is None or now - token.last_used_at > USE_RECORDED_EVERY:
            IntegrationToken.objects.filter(pk=token.pk).update(last_used_at=now)
        if token.organization_id is not None:
            confine_to_organization(token.user, token.organization_id)
        act_through_integration(token.user, str(token))
        return token.user, token

    def authenticate_header(self, request) -> str:
        return f'{self.keyword} realm="varanto"'


class IntegrationTokenScheme(OpenApiAuthenticationExtension):
    target_class = IntegrationTokenAuthentication
    name = "integrationToken"

    def get_security_definition(self, auto_schema):
        return {"type": "http", "scheme": "bearer", "description": "An integration token made by an administrator."}
