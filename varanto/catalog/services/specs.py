"""What a caller may write on each kind of record, and what a record's state consists of.

A `RecordSpec` lists the content fields with their normalisers (see `common.assign`) and the
relations its service writes itself; both come from the kind's declaration
(`varanto.catalog.declarations`). The history pages, the conflict page and restore all
compare states through `state_of(record)`: content fields as stored (foreign keys as ids) and
relations as plain lists of ids and texts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models

from varanto.catalog import declarations
from varanto.catalog.declarations import RecordKind, Relation

from .values import field_cleaner


@dataclass(frozen=True)
class RecordSpec:
    model: type[models.Model]
    fields: dict[str, Callable | None]
    relations: tuple[str, ...] = ()


def spec_of(kind: RecordKind) -> RecordSpec:
    """The kind's writable fields, each with the one rule for its values (`values.field_cleaner`), and relations."""
    fields: dict[str, Callable | None] = {d.attr: field_cleaner(kind, d) for d in kind.fields if d.editable}
    return RecordSpec(kind.model, fields, kind.relation_names)


RESOURCE = spec_of(declarations.RESOURCE)
SYSTEM = spec_of(declarations.SYSTEM)
SECTION = spec_of(declarations.SECTION)
PROCESS = spec_of(declarations.PROCESS)
INTERFACE = spec_of(declarations.INTERFACE)
ORGANIZATION = spec_of(declarations.ORGANIZATION)
DATASET = spec_of(declarations.DATASET)
SERVICE = spec_of(declarations.SERVICE)
TASK_CLASS = spec_of(declarations.TASK_CLASS)
PROCESS_ACTION = spec_of(declarations.PROCESS_ACTION)
DOCUMENT_TYPE = spec_of(declarations.DOCUMENT_TYPE)

SPECS: dict[type[models.Model], RecordSpec] = {
    s.model: s
    for s in (
        RESOURCE,
        SYSTEM,
        SECTION,
        PROCESS,
        INTERFACE,
        ORGANIZATION,
        DATASET,
        SERVICE,
        TASK_CLASS,
        PROCESS_ACTION,
        DOCUMENT_TYPE,
    )
}


def _stored(record: models.Model, name: str):
    field = record._meta.get_field(name)
    assert isinstance(field, models.Field), name
    return getattr(record, field.attname)


def plain_rows(relation: Relation, children) -> list[dict]:
    """Child rows (live or historical) in the plain form of history states."""
    if relation.link is not None:
        key, attr = relation.link
        assert relation.text is not None, relation.name
        return [{key: getattr(c, f"{attr}_id"), relation.text: getattr(c, relation.text)} for c in children]
    return [{k: getattr(c, k) for k in relation.fields} for c in children]


def relations_of(record: models.Model) -> dict:
    """The record's relations now, in the plain form history states use."""
    out: dict = {}
    for relation in declarations.kind_of(type(record)).relations:
        if relation.accessor is None:
            continue
        related = getattr(record, relation.accessor).all()
        if relation.many_to_many(type(record)):
            out[relation.name] = sorted(r.pk for r in related)
        else:
            out[relation.name] = plain_rows(relation, related)
    return out


def state_of(record: models.Model) -> dict:
    """The record's present state: content fields as stored (foreign keys as ids) and relations."""
    spec = SPECS[type(record)]
    return {**{name: _stored(record, name) for name in spec.fields}, **relations_of(record)}


def state_of_data(spec: RecordSpec, data: dict, base: dict) -> dict:
    """The state a write of `data` over `base` would leave: for showing an unsaved edit beside the saved one."""
    state = dict(base)
    relations = {r.name: r for r in declarations.kind_of(spec.model).relations if r.accessor is not None}
    for name, value in data.items():
        relation = relations.get(name)
        if isinstance(value, models.Model):
            value = value.pk
        elif relation is not None and relation.many_to_many(spec.model):
            value = sorted(item.pk for item in value)
        elif relation is not None and relation.link is not None:
            key, text = relation.link[0], relation.text
            value = [{key: row[key].pk, text: row.get(text, "")} for row in value]
        elif (normalise := spec.fields.get(name)) is not None:
            try:
                value = normalise(value, name)
            except ValidationError:
                pass  # an edit the rules refuse is still shown as it was typed
        elif isinstance(value, str):
            value = value.strip()
        state[name] = value
    return state
