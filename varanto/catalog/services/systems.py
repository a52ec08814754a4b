"""Writes on information systems (tietojärjestelmät): create, update, delete."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from varanto.accounts.models import AuditKind
from varanto.catalog.models import (
    DataResource,
    InformationSystem,
    Organization,
    Process,
    ResourceSystem,
    ReviewStatus,
    SystemInterface,
)

from .common import (
    Stamp,
    assign,
    existing_records,
    locked,
    new_record,
    record_audit,
    record_create,
    record_delete,
    record_save,
    record_update,
)
from .interfaces import interfaces_of_system, system_interfaces_delete
from .specs import SYSTEM
from .structure import process_write


def system_write(system: InformationSystem, data: dict, stamp: Stamp) -> list[str]:
    changed = assign(system, data, SYSTEM.fields, relations=SYSTEM.relations)
    system.full_clean()
    return changed


@transaction.atomic
def information_system_create(*, organization: Organization, data: dict, acting_user) -> InformationSystem:
    """Add an information system to the organisation's registry; its key comes from its name."""
    stamp = Stamp(acting_user, "create")
    system = new_record(InformationSystem, organization, data)
    assign(system, data, SYSTEM.fields, relations=SYSTEM.relations)
    system.last_reviewed = timezone.localdate()  # described just now: its first review falls a cycle from today
    return record_create(system, stamp)


@transaction.atomic
def information_system_update(
    *,
    system: InformationSystem,
    data: dict,
    expected_version: int,
    acting_user,
) -> InformationSystem:
    """Change the fields in `data` (`specs.SYSTEM`); its interfaces are records of their own (`interfaces`).

    A system's change needs no approval, so a saved change is its review: it is last reviewed today.
    """

    def write(current: InformationSystem, stamp: Stamp) -> list[str]:
        changed = system_write(current, data, stamp)
        if changed:
            current.last_reviewed = timezone.localdate()
            changed.append("last_reviewed")
        return changed

    return record_update(
        InformationSystem, system, expected_version, acting_user, write, {**SYSTEM.fields, "last_reviewed": None}
    )


@transaction.atomic
def information_system_review_confirm(
    *, system: InformationSystem, expected_version: int | None, acting_user
) -> InformationSystem:
    """Record that an official reviewed the system and found its description current: last reviewed today.

    For a review that changes nothing (a change saved is a review already); a history row ("reviewed") and
    an audit row, and the system drops out of reminders and overdue lists until its cycle comes round again.
    """
    current = locked(InformationSystem, system.pk, expected_version)
    current.last_reviewed = timezone.localdate()
    stamp = Stamp(acting_user, "reviewed")
    saved = record_save(current, ["last_reviewed"], stamp)
    record_audit(AuditKind.REVIEW_CONFIRMED, saved, stamp)
    return saved


def information_system_references(system: InformationSystem) -> dict:
    """What refers to the system: shown before deleting it and kept on its deletion row."""
    return {
        "resources": [
            {"id": link.resource_id, "name": link.resource.name, "usage": link.usage, "position": link.position}
            for link in system.resource_links.select_related("resource")
        ],
        "processes": [{"id": p.pk, "name": p.name} for p in system.processes.all()],
        "interfaces": [{"id": i.pk, "name": str(i)} for i in interfaces_of_system(system)],
        "editors": [
            {"id": m.pk, "username": m.user.get_username()} for m in system.editor_memberships.select_related("user")
        ],
    }


@transaction.atomic
def information_system_delete(*, system: InformationSystem, expected_version: int, acting_user) -> dict:
    """Delete the system after unlinking it, each unlinking recorded in the record it changes.

    Resources that used it lose the link (a new version each, ready for review), processes
    lose it too, and its interfaces are deleted (each restorable); the references are kept on the deletion row so that
    restoring the system puts them back.
    """
    current = locked(InformationSystem, system.pk, expected_version)
    references = information_system_references(current)
    stamp = Stamp(acting_user, f"system-deleted:{current.name}")
    for link in current.resource_links.all():
        resource = DataResource.objects.select_for_update().get(pk=link.resource_id)
        stamp.mark(link)
        link.delete()
        resource.review_status = ReviewStatus.READY_FOR_REVIEW
        record_save(resource, ["review_status"], stamp)
    for process in current.processes.select_for_update():
        process.skip_history_when_saving = True  # type: ignore[attr-defined]  # read by simple-history
        process.systems.remove(current)
        del process.skip_history_when_saving  # type: ignore[attr-defined]
        record_save(process, [], stamp)
    system_interfaces_delete(current, stamp)
    record_delete(current, Stamp(acting_user, "delete", stamp.when), referred_by=references)
    return references


def information_system_relink(system: InformationSystem, referred_by: dict, stamp: Stamp, warnings: list[str]) -> None:
    """Put back the links the system's deletion removed from resources, processes and other systems."""
    refs = referred_by.get("resources", [])
    resources = existing_records(DataResource, [r["id"] for r in refs], _("data resource"), warnings)
    for ref in refs:
        resource = resources.get(ref["id"])
        if resource is None or resource.system_links.filter(system=system).exists():
            continue
        link = ResourceSystem(resource=resource, system=system, usage=ref["usage"], position=ref["position"])
        stamp.mark(link)
        link.save()
        resource.review_status = ReviewStatus.READY_FOR_REVIEW
        record_save(resource, ["review_status"], stamp)
    process_ids = [p["id"] for p in referred_by.get("processes", [])]
    for process in existing_records(Process, process_ids, _("process"), warnings).values():
        process_write(process, {"systems": [*process.systems.all(), system]}, stamp)
        record_save(process, [], stamp)
    for ref in referred_by.get("interfaces", []):
        _interface_restore(ref, stamp, warnings)


def _interface_restore(ref: dict, stamp: Stamp, warnings: list[str]) -> None:
    """Bring back an interface the system's deletion took, as it was just before; refused if its other system is gone."""
    from .restore import record_restore  # restore reads the registry, which imports this module

    if SystemInterface.objects.filter(pk=ref["id"]).exists():
        return
    before = (
        SystemInterface.history.filter(id=ref["id"])
        .exclude(history_type="-")
        .order_by("-history_date", "-history_id")
        .first()
    )
    if before is None:
        return
    try:
        record_restore(model=SystemInterface, pk=ref["id"], history_id=before.history_id, acting_user=stamp.user)
    except ValidationError:
        warnings.append(_("The interface %(name)s was not restored: its other system no longer exists.") % ref)
