"""Review and publish: what changed since the last publication, approve or return, publish."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from varanto.accounts.permissions import Action, access_organization, available_moves, can
from varanto.catalog.models import ReviewStatus
from varanto.publications.selectors import publication_by_number, publication_list
from varanto.publications.services import (
    NothingToPublish,
    UnapprovedChanges,
    WithdrawalRefused,
    publication_publish,
    publication_withdraw,
)

from ..selectors.changes import awaiting_approval, publication_delta
from .common import page, staff_view


@staff_view
def review(request, org: str):
    organization = access_organization(request.user, org)
    delta = publication_delta(organization)
    pending = list(awaiting_approval(organization))
    waiting = [
        {"resource": r, "delta": delta.resources.get(r.key), "moves": available_moves(request.user, r)}
        for r in pending
        if r.review_status == ReviewStatus.READY_FOR_REVIEW
    ]
    return page(
        request,
        "backoffice/review.html",
        organization,
        {
            "delta": delta,
            "waiting": waiting,
            "returned": [r for r in pending if r.review_status == ReviewStatus.RETURNED],
            "pending_count": len(pending),
            "may_publish": can(request.user, Action.PUBLISH, organization),
            "publications": publication_list(organization=organization)[:20],
        },
    )


@staff_view(methods=("POST",))
def publish(request, org: str):
    """Make the next publication under the publishing service's rules; unapproved changes need confirmation."""
    organization = access_organization(request.user, org, Action.PUBLISH)
    try:
        publication = publication_publish(
            organization=organization,
            note=request.POST.get("note", "").strip(),
            acting_user=request.user,
            include_unapproved=request.POST.get("include_unapproved") == "yes",
        )
    except NothingToPublish:
        messages.error(request, _("Nothing has changed since the latest publication."))
    except UnapprovedChanges as refused:
        messages.error(
            request,
            _(
                "%(count)s data resources have changes that are not approved. Approve or return them first, "
                "or confirm that they are published as they are."
            )
            % {"count": len(refused.pending)},
        )
    else:
        messages.success(request, _("Published as publication #%(number)s.") % {"number": publication.number})
    return redirect("backoffice:review", organization.slug)


@staff_view(methods=("GET", "POST"))
def withdraw(request, org: str, number: int):
    """Asks for the reason first; a withdrawn publication is no longer served anywhere public."""
    organization = access_organization(request.user, org, Action.WITHDRAW)
    publication = publication_by_number(organization=organization, number=number)
    if publication is None:
        raise Http404("No such publication.")
    error = ""
    if request.method == "POST" and not publication.withdrawn:
        try:
            publication_withdraw(
                publication=publication, reason=request.POST.get("reason", ""), acting_user=request.user
            )
        except WithdrawalRefused:
            error = _("Give the reason for withdrawing the publication.")
        else:
            messages.success(request, _("Publication #%(number)s was withdrawn.") % {"number": number})
            return redirect("backoffice:review", organization.slug)
    return page(
        request,
        "backoffice/publication_withdraw.html",
        organization,
        {"publication": publication, "error": error, "reason": request.POST.get("reason", "")},
        status=400 if error else 200,
    )
