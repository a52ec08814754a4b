"""Administrators' page for the organisation's integration tokens (rajapinta-avaimet) to the API."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _

from varanto.accounts.permissions import Action, access_organization
from varanto.api.permissions import access_integration_token
from varanto.api.selectors import organization_tokens
from varanto.api.services import integration_token_create, integration_token_revoke, token_expiry

from ..forms.integrations import IntegrationTokenForm
from .common import form_errors_from, page, staff_view


def _new_token_key(organization) -> str:
    return f"varanto_new_token_{organization.pk}"


@staff_view(methods=("GET", "POST"))
def integrations(request, org: str):
    """The organisation's tokens, and a new one whose secret is shown this once and never again.

    Post, redirect, get: the secret waits in the session for the one page that shows it, so that
    reloading that page makes no second token.
    """
    organization = access_organization(request.user, org, Action.MANAGE_INTEGRATIONS)
    form = IntegrationTokenForm(request.POST or None, organization=organization, acting_user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            token, secret = integration_token_create(
                name=form.cleaned_data["name"],
                user=form.cleaned_data["user"],
                organization=organization,
                acting_user=request.user,
                expires_at=token_expiry(day) if (day := form.cleaned_data["expires_at"]) else None,
                read_only=form.cleaned_data["read_only"],
            )
        except ValidationError as exc:
            form_errors_from(exc, form)
        else:
            request.session[_new_token_key(organization)] = {"name": token.name, "secret": secret}
            return redirect("backoffice:integrations", organization.slug)
    created = request.session.pop(_new_token_key(organization), None) if request.method == "GET" else None
    response = page(
        request,
        "backoffice/integrations.html",
        organization,
        {
            "tokens": organization_tokens(organization),
            "form": form,
            "created": created,
            "api_url": request.build_absolute_uri(reverse("api:working_resources", args=[organization.slug])),
        },
        status=400 if form.errors else 200,
    )
    if created:
        add_never_cache_headers(response)  # no cache may keep the one page that holds the secret
    return response


@staff_view(methods=("GET", "POST"))
def integration_revoke(request, org: str, pk: int):
    """Asks first; a revoked token stops working at once and stays listed."""
    organization = access_organization(request.user, org, Action.MANAGE_INTEGRATIONS)
    token = access_integration_token(request.user, organization, pk)
    if request.method == "POST":
        integration_token_revoke(token=token, acting_user=request.user)
        messages.success(request, _("The token of %(name)s was revoked.") % {"name": token.name})
        return redirect("backoffice:integrations", organization.slug)
    return page(request, "backoffice/integration_revoke.html", organization, {"token": token})
