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

from django.db import models

from varanto.catalog import declarations
from varanto.catalog.declarations import RecordKind, ValueType
from varanto.catalog.models import DataResource, InformationSystem, Organization, Process

from .common import flow_list, link_list, string_list, translations_of


@dataclass(frozen=True)
class RecordSpec:
    model: type[models.Model]
    fields: dict[str, Callable | None]
    relations: tuple[str, ...] = ()


# How a write normalises each value type (see `common.assign`); other types are stored as given.
NORMALISERS: dict[ValueType, Callable] = {
    ValueType.LINES: string_list,
    ValueType.FLOWS: flow_list,
    ValueType.LINKS: link_list,
}


def spec_of(kind: RecordKind) -> RecordSpec:
    """The kind's writable fields and relations, from its declaration."""
    fields: dict[str, Callable | None] = {}
    for decl in kind.fields:
        if not decl.editable:
            continue
        if decl.type is ValueType.TRANSLATIONS:
            fields[decl.attr] = translations_of(kind.model)
        else:
            fields[decl.attr] = NORMALISERS.get(decl.type)
    return RecordSpec(kind.model, fields, kind.relations)


RESOURCE = spec_of(declarations.RESOURCE)
SYSTEM = spec_of(declarations.SYSTEM)
SECTION = spec_of(declarations.SECTION)
PROCESS = spec_of(declarations.PROCESS)
ORGANIZATION = spec_of(declarations.ORGANIZATION)

SPECS: dict[type[models.Model], RecordSpec] = {s.model: s for s in (RESOURCE, SYSTEM, SECTION, PROCESS, ORGANIZATION)}


def _stored(record: models.Model, name: str):
    field = record._meta.get_field(name)
    return getattr(record, field.attname)


def relations_of(record: models.Model) -> dict:
    """The record's relations now, in the plain form history states use."""
    if isinstance(record, DataResource):
        return {
            "systems": [{"system": link.system_id, "usage": link.usage} for link in record.system_links.all()],
            "processes": sorted(p.pk for p in record.processes.all()),
        }
    if isinstance(record, InformationSystem):
        return {"interfaces": [{"system": i.target_id, "description": i.description} for i in record.interfaces.all()]}
    if isinstance(record, Process):
        return {"systems": sorted(s.pk for s in record.systems.all())}
    if isinstance(record, Organization):
        return {
            "contacts": [{k: getattr(c, k) for k in ("name", "title", "phone", "email")} for c in record.contacts.all()]
        }
    return {}


def state_of(record: models.Model) -> dict:
    """The record's present state: content fields as stored (foreign keys as ids) and relations."""
    spec = SPECS[type(record)]
    return {**{name: _stored(record, name) for name in spec.fields}, **relations_of(record)}


def state_of_data(spec: RecordSpec, data: dict, base: dict) -> dict:
    """The state a write of `data` over `base` would leave: for showing an unsaved edit beside the saved one."""
    state = dict(base)
    for name, value in data.items():
        if isinstance(value, models.Model):
            value = value.pk
        elif name == "systems" and spec.model is DataResource:
            value = [{"system": row["system"].pk, "usage": row.get("usage", "")} for row in value]
        elif name == "interfaces":
            value = [{"system": row["system"].pk, "description": row.get("description", "")} for row in value]
        elif name in ("processes", "systems"):
            value = sorted(item.pk for item in value)
        elif spec.fields.get(name):
            value = spec.fields[name](value, name)
        elif isinstance(value, str):
            value = value.strip()
        state[name] = value
    return state
