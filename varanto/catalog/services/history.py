"""A record's past, state by state, relations included: what history pages show and restore brings back.

simple-history keeps a row for each saved state of a record and separate rows for its
children (system links, interfaces, contact persons). The relations of a state are the
children as they stood until the next state began: a write service saves a record and its
children under one `Stamp` (one moment), and an import adds children just after the record,
so in both cases the children count with the state they belong to.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.db import models
from simple_history.utils import get_history_manager_for_model

from varanto.catalog import declarations
from varanto.catalog.models import Organization

from .specs import SPECS, plain_rows


@dataclass
class RecordState:
    row: Any  # the simple-history row
    values: dict[str, Any]

    @property
    def deleted(self) -> bool:
        return self.row.history_type == "-"


def _children_before(rows: list, before: datetime.datetime | None) -> list:
    """The child rows alive just before `before` (all rows when None), in their order."""
    latest: dict[int, Any] = {}
    for row in rows:
        if before is None or row.history_date < before:
            latest[row.id] = row
    alive = [r for r in latest.values() if r.history_type != "-"]
    return sorted(alive, key=lambda r: (r.position, r.id))


def _child_rows(history_model, **lookup) -> list:
    return list(history_model.objects.filter(**lookup).order_by("history_date", "history_id"))


def _m2m_ids(model: type[models.Model], field: str, rows: list, column: str) -> dict[int, list[int]]:
    """Many-to-many snapshots of the history rows, in one query: history_id -> sorted ids."""
    snapshot_model = apps.get_model(model._meta.app_label, f"Historical{model.__name__}_{field}")
    out: dict[int, list[int]] = {row.history_id: [] for row in rows}
    for history_id, linked_id in snapshot_model.objects.filter(history__in=list(out)).values_list("history", column):
        out[history_id].append(linked_id)
    return {k: sorted(v) for k, v in out.items()}


def _relation_reader(model: type[models.Model], pk: int, rows: list):
    """A function (state row, end of the state) -> that state's relations, as its kind declares them."""
    readers = []
    for relation in declarations.kind_of(model).relations:
        if relation.accessor is None:
            continue
        descriptor = relation.descriptor(model)
        if descriptor.many_to_many:
            column = descriptor.m2m_reverse_field_name()  # "informationsystem"; "to_process" for a process's inputs
            ids = _m2m_ids(model, relation.accessor, rows, column)
            readers.append(lambda row, until, name=relation.name, ids=ids: (name, ids[row.history_id]))
        else:
            children = _child_rows(descriptor.related_model.history.model, **{f"{descriptor.field.name}_id": pk})
            readers.append(
                lambda row, until, r=relation, children=children: (
                    r.name,
                    plain_rows(r, _children_before(children, until)),
                )
            )
    return lambda row, until: dict(read(row, until) for read in readers)


def _attname(model: type[models.Model], name: str) -> str:
    field = model._meta.get_field(name)
    assert isinstance(field, models.Field), name
    return field.attname


def record_states(model: type[models.Model], pk: int) -> list[RecordState]:
    """Every saved state of the record, oldest first, each with its relations."""
    spec = SPECS[model]
    history = get_history_manager_for_model(model)
    rows = list(history.filter(id=pk).order_by("history_date", "history_id").select_related("history_user"))
    relations = _relation_reader(model, pk, rows)
    states = []
    for i, row in enumerate(rows):
        until = rows[i + 1].history_date if i + 1 < len(rows) else None
        values = {name: getattr(row, _attname(model, name)) for name in spec.fields}
        if row.history_type == "-":
            values.update({name: [] for name in spec.relations})
        else:
            values.update(relations(row, until))
        states.append(RecordState(row=row, values=values))
    return states


def state_at(model: type[models.Model], pk: int, history_id: int) -> RecordState:
    """One earlier state of the record (raises LookupError when there is no such history row)."""
    for state in record_states(model, pk):
        if state.row.history_id == history_id:
            return state
    raise LookupError(f"{model.__name__} {pk} has no history row {history_id}")


def deleted_records(model: type[models.Model], organization: Organization) -> list:
    """Records of the organisation whose last history row is a deletion, newest deletion first."""
    rows = (
        get_history_manager_for_model(model)
        .filter(organization_id=organization.pk, history_type="-")
        .exclude(id__in=model._default_manager.values("id"))
        .order_by("-history_date")
        .select_related("history_user")
    )
    seen, out = set(), []
    for row in rows:
        if row.id not in seen:
            seen.add(row.id)
            out.append(row)
    return out
