"""Restore: bring a record back to an earlier state, or back from deletion, as a recorded change."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Max
from django.utils.translation import gettext as _
from simple_history.utils import get_history_manager_for_model

from varanto.catalog import declarations
from varanto.catalog.models import (
    DataResource,
    InformationSystem,
    OpenDataset,
    Organization,
    Process,
    ResourceSystem,
    ReviewStatus,
    Section,
)

from .common import Stamp, locked, record_create, record_save
from .history import RecordState, state_at
from .resources import resource_write
from .specs import SPECS
from .structure import organization_write, process_write, section_write
from .systems import system_write

# Each kind's write service; restore calls them on records it knows only by model, hence Callable[..., Any].
WRITERS: dict[type[models.Model], Callable[..., Any]] = {
    DataResource: resource_write,
    InformationSystem: system_write,
    Section: section_write,
    Process: process_write,
    Organization: organization_write,
}


@dataclass
class RestoreResult:
    record: models.Model
    changed: list[str]
    warnings: list[str] = field(default_factory=list)  # what could not be brought back, and why


M = TypeVar("M", bound=models.Model)


def _existing(model: type[M], ids: Iterable[int], what: str, warnings: list[str]) -> dict[int, M]:
    ids = list(ids)
    found: dict[int, M] = model._default_manager.in_bulk(ids)
    for missing in sorted(set(ids) - set(found)):
        warnings.append(
            _("A linked %(what)s (id %(id)s) no longer exists and was left out.") % {"what": what, "id": missing}
        )
    return found


def _data_from_state(model, state: RecordState, warnings: list[str]) -> dict:
    """The write-service input that recreates `state` with the records that still exist."""
    spec = SPECS[model]
    values = state.values
    data = {name: values[name] for name in spec.fields}
    if model is DataResource:
        section = Section.objects.filter(pk=values["section"]).first()
        if section is None:
            raise ValidationError({"section": _("The section of that version no longer exists; restore it first.")})
        data["section"] = section
    for relation in declarations.kind_of(model).relations:
        if relation.accessor is None:
            continue
        stored = values[relation.name]
        if relation.many_to_many(model):
            linked = _existing(relation.linked_model(model), stored, str(relation.noun), warnings)
            data[relation.name] = list(linked.values())
        elif relation.link is not None:
            key, text = relation.link[0], relation.text
            linked = _existing(relation.linked_model(model), [r[key] for r in stored], str(relation.noun), warnings)
            data[relation.name] = [{key: linked[r[key]], text: r[text]} for r in stored if r[key] in linked]
        else:
            data[relation.name] = stored
    return data


def _relink_deleted_system(system: InformationSystem, referred_by: dict, stamp: Stamp, warnings: list[str]) -> None:
    """Put back the links the system's deletion removed from resources, processes and other systems."""
    resources = _existing(
        DataResource, [r["id"] for r in referred_by.get("resources", [])], _("data resource"), warnings
    )
    for ref in referred_by.get("resources", []):
        resource = resources.get(ref["id"])
        if resource is None or resource.system_links.filter(system=system).exists():
            continue
        link = ResourceSystem(resource=resource, system=system, usage=ref["usage"], position=ref["position"])
        stamp.mark(link)
        link.save()
        resource.review_status = ReviewStatus.READY_FOR_REVIEW
        record_save(resource, ["review_status"], stamp)
    processes = _existing(Process, [p["id"] for p in referred_by.get("processes", [])], _("process"), warnings)
    for process in processes.values():
        process_write(process, {"systems": [*process.systems.all(), system]}, stamp)
        record_save(process, [], stamp)
    sources = _existing(
        InformationSystem, [i["id"] for i in referred_by.get("interfaces_in", [])], _("system"), warnings
    )
    for ref in referred_by.get("interfaces_in", []):
        if ref["id"] in sources:
            source = sources[ref["id"]]
            rows = [
                {"system": i.target, "description": i.description} for i in source.interfaces.select_related("target")
            ]
            system_write(source, {"interfaces": [*rows, {"system": system, "description": ref["description"]}]}, stamp)
            record_save(source, [], stamp)


def _relink_deleted_resource(resource: DataResource, referred_by: dict, stamp: Stamp) -> None:
    for dataset in OpenDataset.objects.filter(
        pk__in=[d["id"] for d in referred_by.get("open_datasets", [])], resource=None
    ):
        dataset.resource = resource
        stamp.mark(dataset)
        dataset.save(update_fields=["resource"])
    resource.editor_memberships.add(*[e["id"] for e in referred_by.get("editors", [])])


@transaction.atomic
def record_restore(
    *,
    model: type[models.Model],
    pk: int,
    history_id: int,
    acting_user,
    expected_version: int | None = None,
) -> RestoreResult:
    """Make the record as it was in history row `history_id`; a deleted record is recreated.

    The restore is itself a new version recorded with who did it ("restore:<version>"). A
    restored data resource is ready for review. Links to records that no longer exist are
    left out and listed in the result's warnings. Raises LookupError for an unknown history
    row, EditConflict if a live record moved on from `expected_version`.
    """
    state = state_at(model, pk, history_id)
    if state.deleted:
        raise ValidationError(_("Choose a version before the deletion."))
    warnings: list[str] = []
    stamp = Stamp(acting_user, f"restore:{state.row.version}")
    data = _data_from_state(model, state, warnings)
    write = WRITERS[model]
    history = get_history_manager_for_model(model)
    if model._default_manager.filter(pk=pk).exists():
        current: Any = locked(model, pk, expected_version, required=False)  # type: ignore[type-var]  # every restorable kind is versioned
        changed = write(current, data, stamp)
        if not changed:
            return RestoreResult(current, [], warnings)
        fields = [f for f in changed if f in SPECS[model].fields]
        if model is DataResource:
            current.review_status = ReviewStatus.READY_FOR_REVIEW
            fields.append("review_status")
        return RestoreResult(record_save(current, fields, stamp), changed, warnings)

    record: Any = state.row.instance
    record.version = (history.filter(id=pk).aggregate(v=Max("version"))["v"] or 0) + 1
    if model is DataResource:
        record.review_status = ReviewStatus.READY_FOR_REVIEW
    relations = {k: data[k] for k in SPECS[model].relations}
    deletion = history.filter(id=pk, history_type="-").order_by("-history_date", "-history_id").first()
    referred_by = getattr(deletion, "related", None) or {}
    try:
        record.validate_constraints()
    except ValidationError as clash:
        raise ValidationError(_("Another record now has this record's name or key; rename it first.")) from clash
    record_create(record, stamp, relations=lambda: write(record, relations, stamp))
    if model is InformationSystem:
        _relink_deleted_system(record, referred_by, stamp, warnings)
    elif model is DataResource:
        _relink_deleted_resource(record, referred_by, stamp)
    return RestoreResult(record, ["restored"], warnings)
