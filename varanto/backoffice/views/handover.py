"""Handing over responsibility (vastuun siirto): an administrator moves what one official or title holds."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from varanto.accounts.handover import responsibility_hand_over, responsibility_holdings
from varanto.accounts.permissions import Action, access_organization

from ..forms.handover import HandoverForm
from .common import form_errors_from, page, staff_view


@staff_view(methods=("GET", "POST"))
def handover(request, org: str):
    """First "preview" lists what would move; "confirm" moves it all in one step."""
    organization = access_organization(request.user, org, Action.MANAGE_USERS)
    form = HandoverForm(request.POST or None, organization=organization)
    holdings = None
    if request.method == "POST" and form.is_valid():
        source = form.source_arguments()
        if "confirm" in request.POST:
            try:
                done = responsibility_hand_over(
                    organization=organization,
                    **source,
                    to_user=form.cleaned_data["to_user"],
                    to_title=form.cleaned_data["to_title"],
                    acting_user=request.user,
                )
            except ValidationError as exc:
                form_errors_from(exc, form)
            else:
                messages.success(request, _("%(count)s records were handed over.") % {"count": len(done.records)})
                return redirect("backoffice:handover", org=organization.slug)
        else:
            holdings = responsibility_holdings(organization=organization, **source)
    return page(request, "backoffice/handover.html", organization, {"form": form, "holdings": holdings})
