"""The sign-in page (password, and the provider's button when single sign-on is on) and the two
single sign-on steps: off to the provider, and back from it."""

from __future__ import annotations

import logging

import requests
from django.conf import settings
from django.contrib.auth.views import LoginView
from django.core.exceptions import ImproperlyConfigured
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import get_language
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from .config import provider, sso_enabled

FAILED = "sso=failed"
logger = logging.getLogger(__name__)


class SignIn(LoginView):
    """Kirjautuminen: the back office's sign-in page."""

    template_name = "backoffice/login.html"
    redirect_authenticated_user = True

    def get_default_redirect_url(self):
        return reverse("backoffice:home")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            **kwargs,
            sso=sso_enabled(),
            sso_provider=settings.OIDC_PROVIDER_NAME,
            sso_failed=self.request.GET.get("sso") == "failed",
        )


class SsoStart(OIDCAuthenticationRequestView):
    """Sends the browser to the provider's sign-in, with state, nonce and PKCE kept in the session."""

    def __init__(self, **kwargs):
        super(OIDCAuthenticationRequestView, self).__init__(**kwargs)  # settings are read on use

    def get(self, request):
        if not sso_enabled():
            raise Http404
        try:
            self.OIDC_OP_AUTH_ENDPOINT = provider().authorization_endpoint
        except (requests.RequestException, ImproperlyConfigured, KeyError, ValueError) as failure:
            # The provider unreachable or its discovery document wrong: the sign-in page says it failed.
            logger.error("single sign-on: the provider's discovery document could not be read: %s", failure)
            return redirect(f"{reverse('backoffice:login')}?{FAILED}")
        self.OIDC_RP_CLIENT_ID = settings.OIDC_RP_CLIENT_ID
        return super().get(request)

    def get_extra_params(self, request):
        # The provider's page in the language the back office speaks, where it has it.
        return {"ui_locales": get_language() or settings.LANGUAGE_CODE}


class SsoCallback(OIDCAuthenticationCallbackView):
    """Where the provider sends the browser back; signs in (audited) or returns to the sign-in page saying it failed."""

    @property
    def failure_url(self):
        return f"{reverse('backoffice:login')}?{FAILED}"

    @property
    def success_url(self):
        return self.request.session.get("oidc_login_next") or reverse("backoffice:home")

    def get(self, request):
        if not sso_enabled():
            raise Http404
        return super().get(request)
