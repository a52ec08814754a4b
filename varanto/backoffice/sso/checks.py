"""`varanto check` (and every start) finds a wrong single sign-on configuration before an official does."""

from __future__ import annotations

from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured

from .roles import role_map


@checks.register(checks.Tags.security)
def sso_configuration_check(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    problems: list[checks.CheckMessage] = []
    if bool(settings.OIDC_ISSUER) != bool(settings.OIDC_RP_CLIENT_ID):
        problems.append(
            checks.Error("Single sign-on needs both OIDC_ISSUER and OIDC_CLIENT_ID.", id="varanto.sso.E001")
        )
    if settings.OIDC_ISSUER and not settings.OIDC_RP_CLIENT_SECRET:
        problems.append(checks.Error("OIDC_CLIENT_SECRET is not set.", id="varanto.sso.E002"))
    try:
        role_map()
    except ImproperlyConfigured as wrong:
        problems.append(checks.Error(str(wrong), id="varanto.sso.E003"))
    return problems
