"""The back office's import in steps (Tuo kuvaus): a draft keeps the uploaded description and its
corrections until it is imported through `interchange.services.catalog_import`.

A draft is its creator's: only they see it, and only while they may import into its organisation
(administrators) or, for a new organisation, create one (superusers). Importing writes the
corrected catalogue as working-model changes, which then go through review and publishing like any
other; a label mapped to a field is remembered for the organisation (ImportLabelMapping).
"""

from __future__ import annotations

import base64

from django.db import transaction
from django.utils.translation import gettext as _

from varanto.accounts.permissions import AccessDenied, Action, can, may_create_organization
from varanto.catalog.models import Organization
from varanto.catalog.models.organization import OrganizationType
from varanto.catalog.selectors import organization_name_taken

from .models import ImportDraft, ImportLabelMapping, LabelField
from .preview import Preview, Source, import_preview, label_fold, sources_check
from .preview.corrections import KINDS, MAX_CORRECTIONS, corrections_clean
from .services import ImportSummary, catalog_import
from .validation import CatalogError


def may_import(user, organization: Organization | None) -> bool:
    """Whether the user may import into the organisation (None: into a new one)."""
    return may_create_organization(user) if organization is None else can(user, Action.IMPORT, organization)


def access_import_draft(user, pk: int) -> ImportDraft:
    """The user's own draft, if they may still import with it; else the one uniform AccessDenied."""
    draft = ImportDraft.objects.select_related("organization").filter(pk=pk, created_by_id=user.pk).first()
    if draft is None or not may_import(user, draft.organization):
        raise AccessDenied(_("No such record, or you may not see it."))
    return draft


def import_drafts_of(user, organization: Organization | None) -> list[ImportDraft]:
    """The user's drafts not yet imported into the organisation (None: into new organisations), newest first."""
    return list(ImportDraft.objects.filter(created_by_id=user.pk, organization=organization).defer("sources"))


def draft_sources(draft: ImportDraft) -> list[Source]:
    return [Source(s["name"], base64.b64decode(s["data"])) for s in draft.sources]


@transaction.atomic
def import_draft_create(
    *,
    sources: list[Source],
    organization: Organization | None,
    organization_name: str = "",
    organization_type: str = OrganizationType.MUNICIPALITY,
    acting_user,
) -> ImportDraft:
    """Keep the uploaded files (or pasted text) for the preview. CatalogError if they are past the
    import's bounds or empty, or a new organisation's name is taken."""
    sources_check(sources)
    name = " ".join(organization_name.split())
    if organization is None and name and organization_name_taken(name):
        raise CatalogError([_("An organisation named %(name)s already exists.") % {"name": name}])
    return ImportDraft.objects.create(
        organization=organization,
        organization_name="" if organization else name[:200],
        organization_type=organization_type,
        sources=[{"name": s.safe_name, "data": base64.b64encode(s.data).decode("ascii")} for s in sources],
        created_by=acting_user,
    )


def import_draft_preview(draft: ImportDraft, *, acting_user) -> Preview:
    return import_preview(
        draft_sources(draft),
        organization=draft.organization,
        organization_name=draft.organization_name,
        corrections=draft.corrections,
        acting_user=acting_user,
    )


@transaction.atomic
def import_draft_correct(*, draft: ImportDraft, correction: dict, acting_user) -> ImportDraft:
    """Add a correction (`preview.corrections`); a label mapped into an existing organisation is
    remembered for it at once. CatalogError if the correction is malformed or too many."""
    if correction.get("kind") not in KINDS or not corrections_clean([correction]):
        raise CatalogError([_("This correction is not understood.")])
    if len(draft.corrections) >= MAX_CORRECTIONS:
        raise CatalogError([_("A draft takes at most %(count)s corrections.") % {"count": MAX_CORRECTIONS}])
    if correction["kind"] == "label":
        if correction.get("field") not in LabelField.values or not label_fold(str(correction.get("label", ""))):
            raise CatalogError([_("Choose the field the label stands for.")])
        if draft.organization is not None:
            _label_remember(draft.organization, correction, acting_user)
    draft.corrections = [*draft.corrections, correction]
    draft.save(update_fields=["corrections", "updated_at"])
    return draft


def import_draft_undo(*, draft: ImportDraft, index: int) -> ImportDraft:
    """Take back one correction (a label stays remembered: the organisation's mappings are kept apart)."""
    if 0 <= index < len(draft.corrections):
        draft.corrections = [c for i, c in enumerate(draft.corrections) if i != index]
        draft.save(update_fields=["corrections", "updated_at"])
    return draft


@transaction.atomic
def import_draft_import(*, draft: ImportDraft, acting_user) -> ImportSummary:
    """Import the corrected description as working-model changes (audited as an import), remember its
    labels for the organisation, and delete the draft. CatalogError (nothing written) if it cannot."""
    preview = import_draft_preview(draft, acting_user=acting_user)
    if not preview.ok or preview.catalog is None:
        raise CatalogError(preview.problems or [_("Nothing was recognised to import.")])
    if draft.organization is None:
        preview.catalog["organization"]["type"] = draft.organization_type
    names = ", ".join(s["name"] for s in draft.sources)
    summary = catalog_import(
        preview.catalog, acting_user=acting_user, reason=f"tuonti: {names}"[:200], organization=draft.organization
    )
    for correction in draft.corrections:
        if correction.get("kind") == "label":
            _label_remember(summary.organization, correction, acting_user)
    draft.delete()
    return summary


def _label_remember(organization: Organization, correction: dict, acting_user) -> None:
    ImportLabelMapping.objects.update_or_create(
        organization=organization,
        label=label_fold(str(correction["label"])),
        defaults={"field": correction["field"], "created_by": acting_user},
    )
