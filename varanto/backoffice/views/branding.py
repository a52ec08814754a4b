"""What the public site shows of the organisation beyond its catalogue, set by an administrator: its logo
(tunnus) and whether the officials responsible are named."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from varanto.accounts.permissions import Action, access_organization
from varanto.catalog.selectors import organization_logo_get
from varanto.catalog.services import organization_persons_shown_set
from varanto.catalog.services.logos import organization_logo_set
from varanto.public.logos import logo_url

from ..forms.branding import LogoForm
from .common import page, staff_view


@staff_view(methods=("GET", "POST"))
def logo(request, org: str):
    organization = access_organization(request.user, org, Action.MANAGE_USERS)
    form = LogoForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            organization_logo_set(
                organization=organization, upload=form.cleaned_data["image"], acting_user=request.user
            )
        except ValidationError as exc:
            form.add_error("image", exc.messages)
        else:
            messages.success(request, _("The logo was saved."))
            return redirect("backoffice:logo", organization.slug)
    current = organization_logo_get(organization.slug)
    context = {
        "form": form,
        "logo": current,
        "logo_url": logo_url(organization.slug, current.content_type) if current else "",
    }
    return page(request, "backoffice/logo.html", organization, context, status=400 if form.errors else 200)


@staff_view(methods=("POST",))
def persons_shown(request, org: str):
    """Whether the public pages name the officials responsible besides their titles."""
    organization = access_organization(request.user, org, Action.MANAGE_USERS)
    shown = request.POST.get("show_responsible_persons") == "yes"
    organization_persons_shown_set(organization=organization, shown=shown, acting_user=request.user)
    messages.success(
        request,
        _("The next publication names the officials responsible besides their titles.")
        if shown
        else _("The next publication shows the responsible titles only."),
    )
    return redirect("backoffice:logo", organization.slug)
