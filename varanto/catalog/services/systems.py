"""Writes on information systems (tietojärjestelmät): create, update, delete."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

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
    record_create,
    record_delete,
    record_save,
    record_update,
    rows_replace,
    same_organization,
    texts_cleaned,
)
from .specs import SYSTEM
from .structure import process_write


def _interfaces_write(system: InformationSystem, rows: list[dict], stamp: Stamp) -> bool:
    """Make the system's outgoing interfaces match `rows` ([{system, description}], in order)."""
    targets = [row["system"] for row in rows]
    same_organization(system.organization_id, targets, "interfaces")
    if any(t.pk == system.pk for t in targets):
        raise ValidationError({"interfaces": _("A system cannot have an interface to itself.")})
    wanted = [
        {
            "target": row["system"].pk,
            "description": texts_cleaned(row.get("description") or "", "interfaces.description").strip(),
        }
        for row in rows
    ]
    return rows_replace(
        list(system.interfaces.all()),
        wanted,
        as_row=lambda i: {"target": i.target_id, "description": i.description},
        build=lambda position, row: SystemInterface(
            source=system, target_id=row["target"], description=row["description"], position=position
        ),
        stamp=stamp,
    )


def system_write(system: InformationSystem, data: dict, stamp: Stamp) -> list[str]:
    changed = assign(system, data, SYSTEM.fields, relations=SYSTEM.relations)
    system.full_clean()
    if "interfaces" in data and _interfaces_write(system, data["interfaces"], stamp):
        changed.append("interfaces")
    return changed


@transaction.atomic
def information_system_create(*, organization: Organization, data: dict, acting_user) -> InformationSystem:
    """Add an information system to the organisation's registry; its key comes from its name."""
    stamp = Stamp(acting_user, "create")
    system = new_record(InformationSystem, organization, data)
    assign(system, data, SYSTEM.fields, relations=SYSTEM.relations)
    return record_create(system, stamp, relations=lambda: _interfaces_write(system, data.get("interfaces", []), stamp))


@transaction.atomic
def information_system_update(
    *,
    system: InformationSystem,
    data: dict,
    expected_version: int,
    acting_user,
) -> InformationSystem:
    """Change the fields in `data` (`specs.SYSTEM`, plus "interfaces": [{"system", "description"}])."""
    return record_update(
        InformationSystem,
        system,
        expected_version,
        acting_user,
        lambda current, stamp: system_write(current, data, stamp),
        SYSTEM.fields,
    )


def information_system_references(system: InformationSystem) -> dict:
    """What refers to the system: shown before deleting it and kept on its deletion row."""
    return {
        "resources": [
            {"id": link.resource_id, "name": link.resource.name, "usage": link.usage, "position": link.position}
            for link in system.resource_links.select_related("resource")
        ],
        "processes": [{"id": p.pk, "name": p.name} for p in system.processes.all()],
        "interfaces_in": [
            {"id": i.source_id, "name": i.source.name, "description": i.description}
            for i in system.incoming_interfaces.select_related("source")
        ],
        "interfaces_out": [
            {"id": i.target_id, "name": i.target.name, "description": i.description}
            for i in system.interfaces.select_related("target")
        ],
        "editors": [
            {"id": m.pk, "username": m.user.get_username()} for m in system.editor_memberships.select_related("user")
        ],
    }


@transaction.atomic
def information_system_delete(*, system: InformationSystem, expected_version: int, acting_user) -> dict:
    """Delete the system after unlinking it, each unlinking recorded in the record it changes.

    Resources that used it lose the link (a new version each, ready for review), processes
    lose it too, and its interfaces go; the references are kept on the deletion row so that
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
    for interface in current.interfaces.all():
        stamp.mark(interface)
        interface.delete()
    for interface in current.incoming_interfaces.all():
        source = InformationSystem.objects.select_for_update().get(pk=interface.source_id)
        stamp.mark(interface)
        interface.delete()
        record_save(source, [], stamp)
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
    refs = referred_by.get("interfaces_in", [])
    sources = existing_records(InformationSystem, [i["id"] for i in refs], _("system"), warnings)
    for ref in refs:
        if ref["id"] in sources:
            source = sources[ref["id"]]
            rows = [
                {"system": i.target, "description": i.description} for i in source.interfaces.select_related("target")
            ]
            system_write(source, {"interfaces": [*rows, {"system": system, "description": ref["description"]}]}, stamp)
            record_save(source, [], stamp)
