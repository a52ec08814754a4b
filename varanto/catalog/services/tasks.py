"""Writes on the task classification (tehtäväluokitus) and the phases and actions (toimenpiteet) of
each class's handling process: create, update, delete.

The conditional rules of restrictions and retention are the models' own (`models.tasks`), checked
by `full_clean` on every write; references must stay within the organisation and the class.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from varanto.catalog.models import Organization, Process, ProcessAction, TaskClass

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
    same_organization,
)
from .specs import PROCESS_ACTION, TASK_CLASS
from .structure import process_write


def _references_checked(record, data: dict, names: tuple[str, ...]) -> None:
    for name in names:
        if data.get(name) is not None:
            same_organization(record.organization_id, [data[name]], name)


def _no_cycle(task_class: TaskClass) -> None:
    """A class's parents never lead back to it (the classification is a tree)."""
    seen = {task_class.pk}
    parent = task_class.parent
    while parent is not None:
        if parent.pk in seen:
            raise ValidationError({"parent": _("%(parent)s is below this class already.") % {"parent": parent}})
        seen.add(parent.pk)
        parent = parent.parent


def task_class_write(task_class: TaskClass, data: dict, stamp: Stamp) -> list[str]:
    _references_checked(task_class, data, ("parent",))
    changed = assign(task_class, data, TASK_CLASS.fields)
    task_class.full_clean()
    if task_class.pk is not None and "parent" in changed:
        _no_cycle(task_class)
    return changed


@transaction.atomic
def task_class_create(*, organization: Organization, data: dict, acting_user) -> TaskClass:
    """Add a task class (tehtäväluokka); its key comes from its code."""
    task_class = new_record(TaskClass, organization, {"name": data.get("code") or data.get("name") or ""})
    task_class_write(task_class, data, Stamp(acting_user, "create"))
    return record_create(task_class, Stamp(acting_user, "create"))


@transaction.atomic
def task_class_update(*, task_class: TaskClass, data: dict, expected_version: int, acting_user) -> TaskClass:
    """Change the fields in `data` (`specs.TASK_CLASS`: the class and its handling process's defaults)."""
    return record_update(
        TaskClass,
        task_class,
        expected_version,
        acting_user,
        lambda current, stamp: task_class_write(current, data, stamp),
        TASK_CLASS.fields,
    )


def task_class_references(task_class: TaskClass) -> dict:
    """What refers to the class: its sub-classes and handling process (which must go first) and processes."""
    return {
        "children": [{"id": c.pk, "name": str(c)} for c in task_class.children.all()],
        "actions": [{"id": a.pk, "name": a.name} for a in task_class.actions.filter(parent=None)],
        "processes": [{"id": p.pk, "name": p.name} for p in task_class.processes.all()],
    }


@transaction.atomic
def task_class_delete(*, task_class: TaskClass, expected_version: int, acting_user) -> dict:
    """Delete a class that has no sub-classes and no phases left; processes serving it lose the link
    (kept on the deletion row, so restoring the class puts it back)."""
    current = locked(TaskClass, task_class.pk, expected_version)
    if current.children.exists() or current.actions.exists():
        raise ValidationError(
            _("%(class)s still has sub-classes or phases; delete or move them first.") % {"class": current}
        )
    references = task_class_references(current)
    stamp = Stamp(acting_user, f"task-class-deleted:{current.code}")
    for process in current.processes.select_for_update():
        process_write(process, {"task_class": None}, stamp)
        record_save(process, ["task_class"], stamp)
    record_delete(current, Stamp(acting_user, "delete", stamp.when), referred_by=references)
    return references


def task_class_relink(task_class: TaskClass, referred_by: dict, stamp: Stamp, warnings: list[str]) -> None:
    """Put back the processes' links to the class that its deletion removed."""
    ids = [p["id"] for p in referred_by.get("processes", [])]
    for process in existing_records(Process, ids, _("process"), warnings).values():
        if process.task_class_id is None:
            process.task_class = task_class
            record_save(process, ["task_class"], stamp)


def action_write(action: ProcessAction, data: dict, stamp: Stamp) -> list[str]:
    _references_checked(action, data, ("task_class", "parent"))
    changed = assign(action, data, PROCESS_ACTION.fields)
    action.full_clean()
    return changed


@transaction.atomic
def action_create(*, organization: Organization, data: dict, acting_user) -> ProcessAction:
    """Add a phase (no parent) or an action of a task class's handling process."""
    action = new_record(ProcessAction, organization, data)
    action_write(action, data, Stamp(acting_user, "create"))
    return record_create(action, Stamp(acting_user, "create"))


@transaction.atomic
def action_update(*, action: ProcessAction, data: dict, expected_version: int, acting_user) -> ProcessAction:
    """Change the fields in `data` (`specs.PROCESS_ACTION`)."""
    return record_update(
        ProcessAction,
        action,
        expected_version,
        acting_user,
        lambda current, stamp: action_write(current, data, stamp),
        PROCESS_ACTION.fields,
    )


def action_references(action: ProcessAction) -> dict:
    """What is in the phase or action: its actions and document types, which must go first."""
    return {
        "children": [{"id": c.pk, "name": c.name} for c in action.children.all()],
        "document_types": [{"id": d.pk, "name": d.name} for d in action.document_types.all()],
    }


@transaction.atomic
def action_delete(*, action: ProcessAction, expected_version: int, acting_user) -> dict:
    """Delete a phase or action that holds no actions or document types any more."""
    current = locked(ProcessAction, action.pk, expected_version)
    if current.children.exists() or current.document_types.exists():
        raise ValidationError(
            _("%(action)s still holds actions or document types; delete or move them first.") % {"action": current}
        )
    record_delete(current, Stamp(acting_user, "delete"))
    return {}
