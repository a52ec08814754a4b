"""Tuo kuvaus: an administrator imports a published description, previewed and corrected first; and a new
organisation from the starter model (aloitusmalli). The work is `interchange.drafts` and `interchange.starter`."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from varanto.accounts.permissions import AccessDenied, Action, access_organization, may_create_organization
from varanto.catalog.models.organization import OrganizationType
from varanto.interchange.drafts import (
    access_import_draft,
    import_draft_correct,
    import_draft_create,
    import_draft_import,
    import_draft_preview,
    import_draft_undo,
    import_drafts_of,
)
from varanto.interchange.models import LabelField
from varanto.interchange.starter import starter_organization_create
from varanto.interchange.validation import CatalogError

from ..forms.imports import ImportUploadForm, StarterForm, correction_from
from .common import page, staff_view


def _creator(request) -> None:
    if not may_create_organization(request.user):
        raise AccessDenied(_("Only a superuser may create an organisation."))


def _render(request, template: str, organization, context: dict, *, status: int = 200):
    """A page of the organisation's back office, or, before there is one, a page of its own."""
    if organization is not None:
        return page(request, template, organization, context, status=status)
    return render(request, template, context, status=status)


@staff_view(methods=("GET", "POST"))
def import_start(request, org: str | None = None):
    """Upload files or paste text; the draft made of them is previewed next."""
    organization = access_organization(request.user, org, Action.IMPORT) if org else None
    if organization is None:
        _creator(request)
    form = ImportUploadForm(request.POST or None, request.FILES or None, new_organization=organization is None)
    if request.method == "POST" and form.is_valid():
        try:
            draft = import_draft_create(
                sources=form.sources(),
                organization=organization,
                organization_name=form.cleaned_data.get("organization_name", ""),
                organization_type=form.cleaned_data.get("organization_type") or OrganizationType.MUNICIPALITY,
                acting_user=request.user,
            )
        except CatalogError as exc:
            form.add_error(None, exc.problems)
        else:
            return redirect("backoffice:import_draft", draft.pk)
    context = {
        "form": form,
        "may_create": may_create_organization(request.user),
        "drafts": import_drafts_of(request.user, organization),
    }
    return _render(request, "backoffice/import_start.html", organization, context, status=400 if form.errors else 200)


@staff_view(methods=("GET", "POST"))
def import_draft(request, pk: int):
    """The preview beside the source; each correction is posted here and the preview made again."""
    draft = access_import_draft(request.user, pk)
    if request.method == "POST":
        try:
            if request.POST.get("kind") == "undo":
                index = request.POST.get("index", "")
                import_draft_undo(draft=draft, index=int(index) if index.isdigit() else -1)
            else:
                import_draft_correct(draft=draft, correction=correction_from(request.POST), acting_user=request.user)
        except CatalogError as exc:
            for problem in exc.problems:
                messages.error(request, problem)
        return redirect(reverse("backoffice:import_draft", args=[draft.pk]) + "#korjaukset")
    preview = import_draft_preview(draft, acting_user=request.user)
    context = {
        "draft": draft,
        "preview": preview,
        "label_fields": LabelField.choices,
        "corrections": list(enumerate(draft.corrections)),
    }
    return _render(request, "backoffice/import_draft.html", draft.organization, context)


@staff_view(methods=("POST",))
def import_draft_confirm(request, pk: int):
    """Import the corrected description; its changes then await review and publishing."""
    draft = access_import_draft(request.user, pk)
    try:
        summary = import_draft_import(draft=draft, acting_user=request.user)
    except CatalogError as exc:
        for problem in exc.problems:
            messages.error(request, problem)
        return redirect("backoffice:import_draft", draft.pk)
    changes = summary.changes
    messages.success(
        request,
        _(
            "The description was imported into %(name)s: %(added)s records added, %(changed)s changed. "
            "Review the changes and publish them."
        )
        % {"name": summary.organization.name, "added": len(changes.added), "changed": len(changes.changed)},
    )
    return redirect("backoffice:review", summary.organization.slug)


@staff_view(methods=("GET", "POST"))
def starter(request):
    """A new organisation from the starter model: every data resource a draft for the officials to confirm."""
    _creator(request)
    form = StarterForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            summary = starter_organization_create(
                name=form.cleaned_data["name"],
                organization_type=form.cleaned_data["organization_type"],
                acting_user=request.user,
            )
        except CatalogError as exc:
            form.add_error("name", exc.problems)
        else:
            for warning in summary.warnings:
                messages.warning(request, warning)
            messages.success(
                request,
                _(
                    "%(name)s was created from the starter model. Its %(count)s data resources are drafts: "
                    "each is published only once it has been confirmed and approved."
                )
                % {"name": summary.organization.name, "count": summary.counts["data resources"]},
            )
            return redirect(reverse("backoffice:resource_list", args=[summary.organization.slug]) + "?tila=ready")
    return render(request, "backoffice/starter.html", {"form": form}, status=400 if form.errors else 200)
