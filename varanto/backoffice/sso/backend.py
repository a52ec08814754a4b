"""The authentication backend: mozilla-django-oidc's code flow, with the endpoints from discovery,
the ID token's issuer and audience checked, and the user found by issuer and subject (`services`)."""

from __future__ import annotations

import logging

import requests
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import SuspiciousOperation
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from .config import provider, sso_enabled
from .services import SignInRefused, sso_refused, sso_user_resolve

logger = logging.getLogger(__name__)


class SsoBackend(OIDCAuthenticationBackend):
    """Signs in whom the organisation's OpenID provider vouches for; answers nothing else."""

    def __init__(self, *args, **kwargs):
        # Listed in AUTHENTICATION_BACKENDS even with single sign-on off: configured on use, not here.
        self.UserModel = get_user_model()

    def authenticate(self, request, **kwargs):
        if not sso_enabled() or request is None or "nonce" not in kwargs:
            return None
        found = provider()
        self.OIDC_OP_TOKEN_ENDPOINT = found.token_endpoint
        self.OIDC_OP_USER_ENDPOINT = found.userinfo_endpoint
        self.OIDC_OP_JWKS_ENDPOINT = found.jwks_uri
        self.OIDC_RP_CLIENT_ID = settings.OIDC_RP_CLIENT_ID
        self.OIDC_RP_CLIENT_SECRET = settings.OIDC_RP_CLIENT_SECRET
        self.OIDC_RP_SIGN_ALGO = settings.OIDC_RP_SIGN_ALGO
        self.OIDC_RP_IDP_SIGN_KEY = None
        try:
            return super().authenticate(request, **kwargs)
        except (SuspiciousOperation, requests.RequestException) as failure:
            # A token that fails its checks, or a provider that does not answer: refused, not a server error.
            logger.warning("single sign-on failed: %s", failure)
            reason = "token" if isinstance(failure, SuspiciousOperation) else "provider"
            sso_refused(issuer=found.issuer, claims={}, reason=reason, request=request)
            return None

    def get_user(self, user_id):
        # mozilla-django-oidc's would keep a deactivated user's session; Django's own backend does not.
        user = super().get_user(user_id)
        return user if user is not None and self.user_can_authenticate(user) else None

    def verify_token(self, token, **kwargs):
        """The signature and nonce (mozilla-django-oidc), then the issuer and audience it leaves unchecked."""
        payload = super().verify_token(token, **kwargs)
        audience = payload.get("aud")
        audiences = audience if isinstance(audience, list) else [audience]
        if payload.get("iss") != provider().issuer:
            raise SuspiciousOperation(f"ID token from issuer {payload.get('iss')!r}")
        if settings.OIDC_RP_CLIENT_ID not in audiences:
            raise SuspiciousOperation("ID token not meant for this client")
        if len(audiences) > 1 and payload.get("azp") != settings.OIDC_RP_CLIENT_ID:
            raise SuspiciousOperation("ID token authorised for another party")
        return payload

    def get_or_create_user(self, access_token, id_token, payload):
        # The ID token's claims (Entra ID puts groups there) with the user info's; the subject must agree.
        userinfo = self.get_userinfo(access_token, id_token, payload) if self.OIDC_OP_USER_ENDPOINT else {}
        if userinfo and userinfo.get("sub") != payload.get("sub"):
            raise SuspiciousOperation("user info is for another subject than the ID token")
        claims = {**userinfo, **payload}
        try:
            return sso_user_resolve(issuer=payload["iss"], claims=claims, request=self.request)
        except SignInRefused:
            return None
