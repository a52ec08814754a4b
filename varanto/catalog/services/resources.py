"""Writes on data resources (tietovarannot): create, update, review moves, delete."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from varanto.accounts.models import AuditKind
from varanto.accounts.permissions import WORKFLOW, Action
from varanto.accounts.services import audit_record
from varanto.catalog.models import DataResource, OpenDataset, Organization, Process, ResourceSystem, ReviewStatus

from .common import (
    Stamp,
    assign,
    locked,
    new_record,
    record_audit,
    record_create,
    record_delete,
    record_save,
    same_organization,
    texts_cleaned,
)
from .specs import RESOURCE

# Each review move's row in the audit log (an approval of one's own change has its own, `OWN_CHANGE_APPROVED`).
REVIEW_AUDITS = {
    Action.SUBMIT: AuditKind.REVIEW_SUBMITTED,
    Action.APPROVE: AuditKind.CHANGE_APPROVED,
    Action.RETURN: AuditKind.CHANGE_RETURNED,
}


def _links_write(resource: DataResource, rows: list[dict], stamp: Stamp) -> bool:
    """Make the resource's system links match `rows` ([{system, usage}], in order)."""
    same_organization(resource.organization_id, [row["system"] for row in rows], "systems")
    wanted: dict[int, tuple[int, str]] = {}
    for position, row in enumerate(rows):
        if row["system"].pk in wanted:
            raise ValidationError({"systems": _("%(system)s is listed twice.") % {"system": row["system"]}})
        wanted[row["system"].pk] = (position, texts_cleaned(row.get("usage") or "", "systems.usage").strip())
    changed = False
    for link in list(resource.system_links.all()):
        if link.system_id not in wanted:
            stamp.mark(link)
            link.delete()
            changed = True
            continue
        position, usage = wanted.pop(link.system_id)
        if (link.position, link.usage) != (position, usage):
            link.position, link.usage = position, usage
            link.full_clean(validate_constraints=False)
            stamp.mark(link)
            link.save(update_fields=["position", "usage"])
            changed = True
    for system_id, (position, usage) in wanted.items():
        link = ResourceSystem(resource=resource, system_id=system_id, usage=usage, position=position)
        link.full_clean(validate_constraints=False)
        stamp.mark(link)
        link.save()
        changed = True
    return changed


def _processes_write(resource: DataResource, processes: list[Process]) -> bool:
    same_organization(resource.organization_id, processes, "processes")
    wanted = {p.pk for p in processes}
    if wanted == set(resource.processes.values_list("pk", flat=True)):
        return False
    # The m2m change is recorded by the history row of the save that follows, not one of its own.
    resource.skip_history_when_saving = True  # type: ignore[attr-defined]  # read by simple-history
    try:
        resource.processes.set(processes)
    finally:
        del resource.skip_history_when_saving  # type: ignore[attr-defined]
    return True


def resource_write(resource: DataResource, data: dict, stamp: Stamp) -> list[str]:
    """Apply `data`; returns the changed field names (relations under their own names)."""
    if "section" in data:
        same_organization(resource.organization_id, [data["section"]], "section")
    changed = assign(resource, data, RESOURCE.fields, relations=RESOURCE.relations)
    resource.full_clean()
    if "systems" in data and _links_write(resource, data["systems"], stamp):
        changed.append("systems")
    if "processes" in data and _processes_write(resource, data["processes"]):
        changed.append("processes")
    return changed


@transaction.atomic
def data_resource_create(*, organization: Organization, data: dict, acting_user) -> DataResource:
    """Add a data resource; its key comes from its name. It starts as ready for review."""
    stamp = Stamp(acting_user, "create")
    resource = new_record(DataResource, organization, data, review_status=ReviewStatus.READY_FOR_REVIEW)
    if "section" in data:
        same_organization(organization.pk, [data["section"]], "section")
    assign(resource, data, RESOURCE.fields, relations=RESOURCE.relations)
    relations = {k: data[k] for k in RESOURCE.relations if k in data}
    return record_create(resource, stamp, relations=lambda: resource_write(resource, relations, stamp))


@transaction.atomic
def data_resource_update(
    *, resource: DataResource, data: dict, expected_version: int, acting_user, reason: str = "edit"
) -> DataResource:
    """Change the fields and relations in `data`, as edited from `expected_version`.

    `data` keys: the fields of `specs.RESOURCE` plus "systems" ([{"system": InformationSystem,
    "usage": str}]) and "processes" ([Process]); absent keys stay as they are. A change marks
    the resource ready for review. Raises EditConflict if the resource moved on from
    `expected_version`, ValidationError naming the field for bad input. `reason` goes into the
    history row ("edit", or "edit:bulk" for a bulk edit).
    """
    current = locked(DataResource, resource.pk, expected_version)
    stamp = Stamp(acting_user, reason)
    changed = resource_write(current, data, stamp)
    if not changed:
        return current
    current.review_status = ReviewStatus.READY_FOR_REVIEW
    return record_save(current, [f for f in changed if f in RESOURCE.fields] + ["review_status"], stamp)


class MoveNotAllowed(ValidationError):
    """A review move the workflow does not allow from the data resource's present state."""

    def __init__(self, resource: DataResource):
        self.status = resource.review_status
        super().__init__(
            _("The data resource is %(status)s; this move is not possible now.")
            % {"status": resource.get_review_status_display()}
        )


class OwnChangeNotApproved(ValidationError):
    """Four eyes (neljän silmän periaate): whoever made or last changed a change cannot approve it."""

    def __init__(self, resource: DataResource):
        super().__init__(
            _(
                "You made or changed %(resource)s since it was last approved, so someone else must approve it. "
                "An organisation of one person can allow approving one's own changes in its user settings."
            )
            % {"resource": resource}
        )


REVIEW_REASONS = {str(action) for action in WORKFLOW}
OWN_APPROVAL = "approve:own"


def change_authors(resource: DataResource) -> set[int]:
    """The users who made or changed the resource's change since it was last approved.

    Every history row since the last approval counts but the review moves themselves; rows
    written by the system (an import from the command line) name no one.
    """
    rows = resource.history.order_by("-history_date", "-history_id").values_list(
        "history_user_id", "history_change_reason"
    )
    authors = set()
    for user_id, reason in rows.iterator():
        code = (reason or "").partition(":")[0]
        if code == str(Action.APPROVE):
            break
        if code not in REVIEW_REASONS and user_id is not None:
            authors.add(user_id)
    return authors


@transaction.atomic
def data_resource_review(
    *,
    resource: DataResource,
    action: Action,
    expected_version: int | None,
    acting_user,
    comment: str = "",
) -> DataResource:
    """Make a review move (`accounts.permissions.WORKFLOW`): send for review, approve, or return.

    Approving sets the last-reviewed date to today and clears the comment; returning needs a
    comment saying what to change. The caller checks the role (`permissions.require`).
    Whoever made or changed the change may not approve it (`OwnChangeNotApproved`) unless the
    organisation allows approving one's own; such an approval is "approve:own" in the history
    and audited.
    """
    move = WORKFLOW[action]
    current = locked(DataResource, resource.pk, expected_version)
    if current.review_status not in move.sources:
        raise MoveNotAllowed(current)
    reason = str(action)
    if action is Action.APPROVE and acting_user is not None and acting_user.pk in change_authors(current):
        if not Organization.objects.filter(pk=current.organization_id, own_approval_allowed=True).exists():
            raise OwnChangeNotApproved(current)
        reason = OWN_APPROVAL
    comment = comment.strip()
    if move.comment_required and not comment:
        raise ValidationError({"review_comment": _("Say what should be changed.")})
    current.review_status = move.target
    fields = ["review_status"]
    if action is Action.APPROVE:
        current.last_reviewed = timezone.localdate()
        current.review_comment = ""
        current.starter_draft = False  # an official's approval confirms a resource of the starter model
        fields += ["last_reviewed", "review_comment", "starter_draft"]
    elif comment:
        current.review_comment = comment
        fields.append("review_comment")
    stamp = Stamp(acting_user, reason)
    saved = record_save(current, fields, stamp)
    if reason == OWN_APPROVAL:
        audit_record(
            kind=AuditKind.OWN_CHANGE_APPROVED,
            user=acting_user,
            organization=current.organization,
            resource=current.name,
            key=current.key,
        )
    else:
        record_audit(REVIEW_AUDITS[action], saved, stamp, **({"comment": comment} if comment else {}))
    return saved


def data_resource_references(resource: DataResource) -> dict:
    """What refers to the resource: shown before deleting it and kept on its deletion row."""
    return {
        "systems": [
            {"id": link.system_id, "name": link.system.name, "usage": link.usage}
            for link in resource.system_links.select_related("system")
        ],
        "processes": [{"id": p.pk, "name": p.name} for p in resource.processes.all()],
        "open_datasets": [{"id": d.pk, "name": d.name} for d in resource.open_datasets.all()],
        "data_flows_from": [
            {"id": other.pk, "name": other.name}
            for other in DataResource.objects.filter(organization_id=resource.organization_id).exclude(pk=resource.pk)
            if any(flow.get("target", "").casefold() == resource.name.casefold() for flow in other.data_flows)
        ],
        "editors": [
            {"id": m.pk, "username": m.user.get_username()} for m in resource.editor_memberships.select_related("user")
        ],
    }


@transaction.atomic
def data_resource_delete(*, resource: DataResource, expected_version: int, acting_user) -> dict:
    """Delete the resource after recording what referred to it; restore brings it back.

    Its system links and open data references are removed with history rows of their own;
    returns the references (`data_resource_references`).
    """
    current = locked(DataResource, resource.pk, expected_version)
    references = data_resource_references(current)
    stamp = Stamp(acting_user, "delete")
    for link in current.system_links.all():
        stamp.mark(link)
        link.delete()
    for dataset in current.open_datasets.all():
        dataset.resource = None
        stamp.mark(dataset)
        dataset.save(update_fields=["resource"])
    record_delete(current, stamp, referred_by=references)
    return references


def data_resource_relink(resource: DataResource, referred_by: dict, stamp: Stamp, warnings: list[str]) -> None:
    """Put back the open data sets' references and the editors' assignments the deletion removed."""
    for dataset in OpenDataset.objects.filter(
        pk__in=[d["id"] for d in referred_by.get("open_datasets", [])], resource=None
    ):
        dataset.resource = resource
        stamp.mark(dataset)
        dataset.save(update_fields=["resource"])
    resource.editor_memberships.add(*[e["id"] for e in referred_by.get("editors", [])])
