"""Writes on the model's frame: sections, processes, and the organisation's own details."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from varanto.accounts.models import AuditKind
from varanto.accounts.services import audit_record
from varanto.catalog.models import (
    ContactPerson,
    DataResource,
    InformationSystem,
    Organization,
    Process,
    ReviewStatus,
    Section,
)

from .common import (
    Stamp,
    assign,
    contact_list,
    existing_records,
    locked,
    new_record,
    record_create,
    record_delete,
    record_save,
    record_update,
    rows_replace,
    same_organization,
)
from .specs import ORGANIZATION, PROCESS, SECTION


def section_write(section: Section, data: dict, stamp: Stamp) -> list[str]:
    return assign(section, data, SECTION.fields)


@transaction.atomic
def section_create(*, organization: Organization, data: dict, acting_user) -> Section:
    """Add a section (toimiala, a hosted regional body, a theme)."""
    section = new_record(Section, organization, data)
    assign(section, data, SECTION.fields)
    return record_create(section, Stamp(acting_user, "create"))


@transaction.atomic
def section_update(*, section: Section, data: dict, expected_version: int, acting_user) -> Section:
    return record_update(
        Section,
        section,
        expected_version,
        acting_user,
        lambda current, stamp: section_write(current, data, stamp),
        SECTION.fields,
    )


def section_references(section: Section) -> dict:
    """What refers to the section: its data resources, which must be moved or deleted first."""
    return {"resources": [{"id": r.pk, "name": r.name} for r in section.resources.all()]}


@transaction.atomic
def section_delete(*, section: Section, expected_version: int, acting_user) -> dict:
    """Delete a section that has no data resources left; restore brings it back."""
    current = locked(Section, section.pk, expected_version)
    if current.resources.exists():
        raise ValidationError(_("The section still has data resources; move or delete them first."))
    record_delete(current, Stamp(acting_user, "delete"))
    return {}


def _process_links_set(record: DataResource, processes) -> None:
    # Recorded by the history row of the save that follows, not one of its own.
    record.skip_history_when_saving = True  # type: ignore[attr-defined]  # read by simple-history
    try:
        record.processes.set(processes)
    finally:
        del record.skip_history_when_saving  # type: ignore[attr-defined]


def process_references(process: Process) -> dict:
    """What refers to the process: shown before deleting it and kept on its deletion row."""
    return {
        "resources": [{"id": r.pk, "name": r.name} for r in process.resources.all()],
        "outputs": [{"id": p.pk, "name": p.name} for p in process.outputs.all()],
        "subprocesses": [{"id": p.pk, "name": p.name} for p in process.subprocesses.all()],
    }


@transaction.atomic
def process_delete(*, process: Process, expected_version: int, acting_user) -> dict:
    """Delete the process after unlinking it from its data resources (a new version each, ready for
    review), from the processes taking its output and from its sub-processes (a new version each);
    the links are kept on the deletion row so that restoring the process puts them back."""
    current = locked(Process, process.pk, expected_version)
    references = process_references(current)
    stamp = Stamp(acting_user, f"process-deleted:{current.name}")
    for resource in current.resources.select_for_update():
        _process_links_set(resource, [p for p in resource.processes.all() if p.pk != current.pk])
        resource.review_status = ReviewStatus.READY_FOR_REVIEW
        record_save(resource, ["review_status"], stamp)
    for taker in current.outputs.select_for_update():
        _many_set(taker, "inputs", [p for p in taker.inputs.all() if p.pk != current.pk])
        record_save(taker, [], stamp)
    for child in current.subprocesses.select_for_update():
        child.parent = None
        record_save(child, ["parent"], stamp)
    record_delete(current, Stamp(acting_user, "delete", stamp.when), referred_by=references)
    return references


def process_relink(process: Process, referred_by: dict, stamp: Stamp, warnings: list[str]) -> None:
    """Put back the links the process's deletion removed from data resources, processes and sub-processes."""
    ids = [r["id"] for r in referred_by.get("resources", [])]
    for resource in existing_records(DataResource, ids, _("data resource"), warnings).values():
        _process_links_set(resource, [*resource.processes.all(), process])
        resource.review_status = ReviewStatus.READY_FOR_REVIEW
        record_save(resource, ["review_status"], stamp)
    ids = [r["id"] for r in referred_by.get("outputs", [])]
    for taker in existing_records(Process, ids, _("process"), warnings).values():
        if _many_set(taker, "inputs", [*taker.inputs.all(), process]):
            record_save(taker, [], stamp)
    ids = [r["id"] for r in referred_by.get("subprocesses", [])]
    for child in existing_records(Process, ids, _("process"), warnings).values():
        if child.parent_id is None:
            child.parent = process
            record_save(child, ["parent"], stamp)


def _many_set(record: Process, name: str, wanted) -> bool:
    """Set a many-to-many relation if it differs; recorded by the history row of the save that follows."""
    manager = getattr(record, name)
    if {r.pk for r in wanted} == set(manager.values_list("pk", flat=True)):
        return False
    record.skip_history_when_saving = True  # type: ignore[attr-defined]  # read by simple-history
    try:
        manager.set(wanted)
    finally:
        del record.skip_history_when_saving  # type: ignore[attr-defined]
    return True


def _process_structure_checked(process: Process, inputs: list[Process] | None) -> None:
    """A parent and inputs of the same organisation, never the process itself, and no circle of parents."""
    if process.parent_id is not None:
        same_organization(process.organization_id, [process.parent], "parent")
        seen, parent = {process.pk}, process.parent
        while parent is not None:
            if parent.pk in seen:
                raise ValidationError({"parent": _("A process cannot be its own parent, directly or through others.")})
            seen.add(parent.pk)
            parent = parent.parent
    if inputs is not None:
        same_organization(process.organization_id, inputs, "inputs")
        if process.pk is not None and any(p.pk == process.pk for p in inputs):
            raise ValidationError({"inputs": _("A process cannot take its own output as its input.")})


def process_write(process: Process, data: dict, stamp: Stamp) -> list[str]:
    if data.get("task_class") is not None:
        same_organization(process.organization_id, [data["task_class"]], "task_class")
    changed = assign(process, data, PROCESS.fields, relations=PROCESS.relations)
    _process_structure_checked(process, data.get("inputs"))
    process.full_clean()
    if "systems" in data:
        systems: list[InformationSystem] = data["systems"]
        same_organization(process.organization_id, systems, "systems")
        if _many_set(process, "systems", systems):
            changed.append("systems")
    if "inputs" in data and _many_set(process, "inputs", data["inputs"]):
        changed.append("inputs")
    return changed


@transaction.atomic
def process_create(*, organization: Organization, data: dict, acting_user) -> Process:
    """Add a process (toimintaprosessi), with the systems it uses and the processes it takes input from."""
    stamp = Stamp(acting_user, "create")
    process = new_record(Process, organization, data)
    assign(process, data, PROCESS.fields, relations=PROCESS.relations)
    relations = {k: data[k] for k in PROCESS.relations if k in data}
    return record_create(process, stamp, relations=lambda: process_write(process, relations, stamp))


@transaction.atomic
def process_update(*, process: Process, data: dict, expected_version: int, acting_user) -> Process:
    """Change the fields in `data` (`specs.PROCESS`, plus "systems": [InformationSystem], "inputs": [Process])."""
    return record_update(
        Process,
        process,
        expected_version,
        acting_user,
        lambda current, stamp: process_write(current, data, stamp),
        PROCESS.fields,
    )


def _contacts_write(organization: Organization, rows, stamp: Stamp) -> bool:
    return rows_replace(
        list(organization.contacts.all()),
        contact_list(rows),
        as_row=lambda c: {k: getattr(c, k) for k in ("name", "title", "phone", "email")},
        build=lambda position, row: ContactPerson(organization=organization, position=position, **row),
        stamp=stamp,
    )


def organization_write(organization: Organization, data: dict, stamp: Stamp) -> list[str]:
    changed = assign(organization, data, ORGANIZATION.fields, relations=ORGANIZATION.relations)
    organization.full_clean()
    if "contacts" in data and _contacts_write(organization, data["contacts"], stamp):
        changed.append("contacts")
    return changed


@transaction.atomic
def organization_update(
    *,
    organization: Organization,
    data: dict,
    expected_version: int,
    acting_user,
) -> Organization:
    """Change the organisation's details: where information requests go, who decides on them,
    the contact persons ("contacts": [{name, title, phone, email}]) and its basic facts."""
    return record_update(
        Organization,
        organization,
        expected_version,
        acting_user,
        lambda current, stamp: organization_write(current, data, stamp),
        ORGANIZATION.fields,
    )


@transaction.atomic
def organization_own_approval_set(*, organization: Organization, allowed: bool, acting_user) -> Organization:
    """Let whoever made a change approve it too (an organisation of one person), or stop that.

    Four eyes (neljän silmän periaate) is the default; the choice is kept in the organisation's
    history ("setting") and audited. Setting what is already set writes nothing.
    """
    current = locked(Organization, organization.pk, None, required=False)
    if current.own_approval_allowed == allowed:
        return current
    current.own_approval_allowed = allowed
    record_save(current, ["own_approval_allowed"], Stamp(acting_user, "setting"))
    audit_record(
        kind=AuditKind.OWN_APPROVAL_SETTING, user=acting_user, organization=current, own_approval_allowed=allowed
    )
    return current


@transaction.atomic
def organization_persons_shown_set(*, organization: Organization, shown: bool, acting_user) -> Organization:
    """Name the officials responsible for resources and systems to the public, or show their titles only.

    Titles only is the default (`catalog.fields.responsible_persons_public`). Publications are snapshots,
    so the choice shows from the next publication on. Kept in the organisation's history ("setting") and
    audited; setting what is already set writes nothing.
    """
    current = locked(Organization, organization.pk, None, required=False)
    if current.show_responsible_persons == shown:
        return current
    current.show_responsible_persons = shown
    record_save(current, ["show_responsible_persons"], Stamp(acting_user, "setting"))
    audit_record(
        kind=AuditKind.PERSONS_SHOWN_SETTING, user=acting_user, organization=current, show_responsible_persons=shown
    )
    return current
