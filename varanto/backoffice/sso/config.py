"""The single sign-on settings and the provider's endpoints, read from its discovery document."""

from __future__ import annotations

import time
from dataclasses import dataclass

import requests
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

# The discovery document is read again after this long: providers rotate keys, rarely endpoints.
DISCOVERY_TTL_SECONDS = 3600


@dataclass(frozen=True)
class Provider:
    """The OpenID provider's endpoints, as its `/.well-known/openid-configuration` names them."""

    issuer: str
    authorization_endpoint: str
    token_endpoint: str
    userinfo_endpoint: str
    jwks_uri: str


_discovered: dict[str, tuple[float, Provider]] = {}


def sso_enabled() -> bool:
    return bool(settings.OIDC_ISSUER and settings.OIDC_RP_CLIENT_ID)


def provider() -> Provider:
    """The configured issuer's endpoints; the document must name the issuer configured (OpenID Connect Discovery §4.3)."""
    issuer = settings.OIDC_ISSUER
    cached = _discovered.get(issuer)
    if cached and cached[0] > time.monotonic():
        return cached[1]
    response = requests.get(f"{issuer}/.well-known/openid-configuration", timeout=settings.OIDC_TIMEOUT)
    response.raise_for_status()
    document = response.json()
    if document.get("issuer", "").rstrip("/") != issuer:
        raise ImproperlyConfigured(
            f"OIDC_ISSUER is {issuer}, but its discovery document names the issuer {document.get('issuer')!r}"
        )
    found = Provider(
        issuer=document["issuer"],
        authorization_endpoint=document["authorization_endpoint"],
        token_endpoint=document["token_endpoint"],
        userinfo_endpoint=document.get("userinfo_endpoint", ""),
        jwks_uri=document["jwks_uri"],
    )
    _discovered[issuer] = (time.monotonic() + DISCOVERY_TTL_SECONDS, found)
    return found
