"""Writing the records management plan's part of a canonical catalogue (see `services.catalog_import`).

A file without "records_management" leaves the plan as it is (a published page, say, has none);
with it, the plan's records are written in place by key, parents first, and with `replace` the
records the file no longer has are deleted, what is in them first.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from varanto.catalog.models import DataResource, DocumentType, InformationSystem, ProcessAction, TaskClass
from varanto.catalog.services.common import record_delete

from .records_plan import ACTION_FIELDS, DOCUMENT_TYPE_FIELDS, TASK_CLASS_FIELDS


def plan_of(data: dict) -> dict | None:
    """The file's plan, or None when the file has none (and the plan is to be left alone)."""
    return data.get("records_management") if "records_management" in data else None


def task_classes_write(run: Any, data: dict) -> dict[str, TaskClass]:
    """The file's task classes, created or updated, by key (all the organisation's when the file has no plan)."""
    old = run.existing(TaskClass)
    plan = plan_of(data)
    if plan is None:
        return old
    written: dict[str, TaskClass] = {}
    for position, item in enumerate(plan.get("task_classes", [])):
        parent = written.get(item.get("parent") or "")
        written[item["key"]] = run.upsert(TaskClass, TASK_CLASS_FIELDS, old, item, position, refs={"parent": parent})
    return written


def rest_write(
    run: Any,
    data: dict,
    classes: dict[str, TaskClass],
    system: Callable[[str], InformationSystem],
    resources: dict[str, DataResource],
) -> None:
    """The phases and actions, then the document types (which name actions, systems and resources)."""
    plan = plan_of(data)
    if plan is None:
        return
    old_actions = run.existing(ProcessAction)
    actions: dict[str, ProcessAction] = {}
    for position, item in enumerate(plan.get("actions", [])):
        links = {"task_class": classes[item["task_class"]], "parent": actions.get(item.get("parent") or "")}
        actions[item["key"]] = run.upsert(ProcessAction, ACTION_FIELDS, old_actions, item, position, refs=links)
    old_documents = run.existing(DocumentType)
    for position, item in enumerate(plan.get("document_types", [])):
        # A system or resource the file does not mention (a JHS 191 file names neither) is left as it is.
        refs: dict[str, Any] = {"action": actions[item["action"]]}
        if "system" in item:
            refs["system"] = system(item["system"]) if item["system"] else None
        if "resource" in item:
            refs["resource"] = resources.get(item["resource"] or "")
        run.upsert(DocumentType, DOCUMENT_TYPE_FIELDS, old_documents, item, position, refs=refs)


def _depth(record, attr: str = "parent") -> int:
    depth = 0
    while getattr(record, f"{attr}_id") is not None:
        record, depth = getattr(record, attr), depth + 1
    return depth


def remove_missing(run: Any, data: dict, replace: bool) -> None:
    """The plan's records the file no longer has: deleted with `replace` (document types, then actions
    and classes, the innermost first), otherwise kept and listed."""
    plan = plan_of(data)
    if plan is None:
        return
    stamp = run.stamp
    for model, name in ((DocumentType, "document_types"), (ProcessAction, "actions"), (TaskClass, "task_classes")):
        keys = {item["key"] for item in plan.get(name, [])}
        gone = [r for r in model.objects.filter(organization=run.organization).exclude(key__in=keys)]
        if model is not DocumentType:
            gone.sort(key=_depth, reverse=True)
        run.remove(gone, replace, lambda r: record_delete(r, stamp))
