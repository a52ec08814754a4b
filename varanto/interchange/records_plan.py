"""The records management plan's part of the canonical format ("records_management"): task classes,
phases and actions, document types; exported in the plan's own order, checked, and written by the import.

Records refer to each other by key (a document type's system by name, as elsewhere in the format);
a list is written parents first, so that a file read back writes each record once.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import F, Q

from varanto.catalog import declarations
from varanto.catalog.declarations import canonical_pairs
from varanto.catalog.models import DocumentType, Organization, ProcessAction, TaskClass
from varanto.catalog.models.tasks import PublicityClass

from .dumping import Audience, Spec, _dump

# A document type that is secret or not public, by its own class or the one its task class gives it, is
# left out of the public view altogether: the publicity description names what can be asked for.
UNPUBLISHED_CLASSES = (PublicityClass.SECRET, PublicityClass.NOT_PUBLIC)
UNPUBLISHED_DOCUMENT_TYPES = Q(publicity_class__in=UNPUBLISHED_CLASSES) | Q(
    publicity_class="", action__task_class__publicity_class__in=UNPUBLISHED_CLASSES
)

TASK_CLASS_FIELDS: Spec = canonical_pairs(declarations.TASK_CLASS)
ACTION_FIELDS: Spec = canonical_pairs(declarations.PROCESS_ACTION)
DOCUMENT_TYPE_FIELDS: Spec = canonical_pairs(declarations.DOCUMENT_TYPE)


def _first(item: dict, *names: str) -> dict:
    """The item with `names` first, as a reader expects them (key, code, name …)."""
    return {**{n: item[n] for n in names if n in item}, **{k: v for k, v in item.items() if k not in names}}


def _linked(record, relation: str, attr: str = "key"):
    """A linked record's key (a system's name): read with the rows where the whole plan is read
    (`records_management_export` annotates "linked_<relation>_<attr>"), else through the relation."""
    annotated = f"linked_{relation}_{attr}"
    if annotated in record.__dict__:
        return record.__dict__[annotated]
    if getattr(record, f"{relation}_id") is None:
        return None
    return getattr(getattr(record, relation), attr)


def task_class_export(task_class: TaskClass, *, audience: Audience = Audience.INTERNAL) -> dict:
    item = _dump(task_class, TASK_CLASS_FIELDS, audience)
    item["parent"] = _linked(task_class, "parent")
    return _first(item, "key", "code", "name", "parent")


def action_export(action: ProcessAction, *, audience: Audience = Audience.INTERNAL) -> dict:
    item = _dump(action, ACTION_FIELDS, audience)
    item["task_class"] = _linked(action, "task_class")
    item["parent"] = _linked(action, "parent")
    return _first(item, "key", "task_class", "parent", "name")


def document_type_export(document_type: DocumentType, *, audience: Audience = Audience.INTERNAL) -> dict:
    item = _dump(document_type, DOCUMENT_TYPE_FIELDS, audience)
    item["action"] = _linked(document_type, "action")
    item["system"] = _linked(document_type, "system", "name")
    item["resource"] = _linked(document_type, "resource")
    return _first(item, "key", "action", "document_class", "name")


def _with_links(queryset, *links: str):
    """The rows with their links' keys (or names) read alongside as plain values, not as records."""
    return queryset.annotate(**{f"linked_{link.replace('__', '_')}": F(link) for link in links})


# record kind -> (its export, select_related, prefetch_related), as `canonical.EXPORTS`
EXPORTS: dict = {
    TaskClass: (task_class_export, ("parent",), ()),
    ProcessAction: (action_export, ("task_class", "parent"), ()),
    DocumentType: (document_type_export, ("action", "system", "resource"), ()),
}


def plan_order(actions: Iterable[ProcessAction]) -> list[ProcessAction]:
    """Actions in the plan's order: class by class (as given), each phase followed by what is in it."""
    children: dict[int | None, list[ProcessAction]] = {}
    for action in actions:
        children.setdefault(action.parent_id, []).append(action)
    ordered: list[ProcessAction] = []

    def walk(action: ProcessAction) -> None:
        ordered.append(action)
        for child in children.get(action.pk, []):
            walk(child)

    for phase in children.get(None, []):
        walk(phase)
    return ordered


def records_management_export(organization: Organization, *, audience: Audience = Audience.INTERNAL) -> dict:
    """The organisation's records management plan, in plan order (a fixed number of queries)."""
    classes = list(
        _with_links(TaskClass.objects.filter(organization=organization), "parent__key").order_by("code", "id")
    )
    rank = {c.pk: i for i, c in enumerate(classes)}
    actions = _with_links(ProcessAction.objects.filter(organization=organization), "task_class__key", "parent__key")
    ordered = plan_order(sorted(actions, key=lambda a: (rank[a.task_class_id], a.position, a.pk)))
    place = {a.pk: i for i, a in enumerate(ordered)}
    documents = DocumentType.objects.filter(organization=organization)
    if audience is Audience.PUBLIC:
        documents = documents.exclude(UNPUBLISHED_DOCUMENT_TYPES)
    documents = _with_links(documents, "action__key", "system__name", "resource__key")
    return {
        "task_classes": [task_class_export(c, audience=audience) for c in classes],
        "actions": [action_export(a, audience=audience) for a in ordered],
        "document_types": [
            document_type_export(d, audience=audience)
            for d in sorted(documents, key=lambda d: (place[d.action_id], d.position, d.pk))
        ],
    }


# --- checking a file ---------------------------------------------------------------------


def reference_errors(data: dict, systems: set, resource_keys: set) -> list[str]:
    """What JSON Schema cannot say of the plan: unique keys and codes, and references that resolve
    (a parent class or phase named before what is in it; a phase of the same class)."""
    plan = data.get("records_management") or {}
    errors: list[str] = []
    classes = plan.get("task_classes", [])
    actions = plan.get("actions", [])
    where_classes = "records_management.task_classes"
    where_actions = "records_management.actions"

    def unique(items: list[dict], where: str, attr: str) -> None:
        seen: set = set()
        for i, item in enumerate(items):
            if item[attr] in seen:
                errors.append(f"{where}[{i}].{attr}: {item[attr]!r} appears more than once")
            seen.add(item[attr])

    unique(classes, where_classes, "key")
    unique(classes, where_classes, "code")
    unique(actions, where_actions, "key")
    unique(plan.get("document_types", []), "records_management.document_types", "key")
    class_keys = {c["key"] for c in classes}
    earlier: set = set()
    for i, item in enumerate(classes):
        parent = item.get("parent")
        if parent and parent not in class_keys:
            errors.append(f"{where_classes}[{i}].parent: no task class has the key {parent!r}")
        elif parent and parent not in earlier:
            errors.append(f"{where_classes}[{i}].parent: {parent!r} must come before the classes below it")
        earlier.add(item["key"])
    class_of: dict = {}
    for i, item in enumerate(actions):
        where = f"{where_actions}[{i}] ({item['name']})"
        if item["task_class"] not in class_keys:
            errors.append(f"{where}.task_class: no task class has the key {item['task_class']!r}")
        parent = item.get("parent")
        if parent and parent not in class_of:
            errors.append(f"{where}.parent: no phase before it has the key {parent!r}")
        elif parent and class_of[parent] != item["task_class"]:
            errors.append(f"{where}.parent: the phase {parent!r} is in another task class")
        class_of[item["key"]] = item["task_class"]
    for i, item in enumerate(plan.get("document_types", [])):
        where = f"records_management.document_types[{i}] ({item['name']})"
        if item["action"] not in class_of:
            errors.append(f"{where}.action: no action has the key {item['action']!r}")
        if item.get("system") and item["system"].casefold() not in systems:
            errors.append(f"{where}.system: no system is named {item['system']!r}")
        if item.get("resource") and item["resource"] not in resource_keys:
            errors.append(f"{where}.resource: no data resource has the key {item['resource']!r}")
    for i, process in enumerate(data.get("processes", []) if "records_management" in data else []):
        if process.get("task_class") and process["task_class"] not in class_keys:
            errors.append(f"processes[{i}].task_class: no task class has the key {process['task_class']!r}")
    return errors
