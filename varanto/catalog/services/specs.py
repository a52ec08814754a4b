"""What a caller may write on each kind of record, and what a record's state consists of.

A `RecordSpec` lists the content fields with their normalisers (see `common.assign`) and the
relations its service writes itself. The history pages, the conflict page and restore all
compare states through `state_of(record)`: content fields as stored (foreign keys as ids) and
relations as plain lists of ids and texts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.db import models

from varanto.catalog.models import DataResource, InformationSystem, Organization, Process, Section

from .common import flow_list, link_list, string_list, translations_of


@dataclass(frozen=True)
class RecordSpec:
    model: type[models.Model]
    fields: dict[str, Callable | None]
    relations: tuple[str, ...] = ()


RESPONSIBLE = {"responsible_title": None, "responsible_organization": None, "responsible_unit": None}

RESOURCE = RecordSpec(
    DataResource,
    {
        "name": None,
        "section": None,
        **RESPONSIBLE,
        "purpose": None,
        "key_datasets": string_list,
        "keywords": string_list,
        "notes": None,
        "disclosure_level": None,
        "disclosure_recipients": string_list,
        "disclosure_text": None,
        "disclosure_authority": None,
        "api_availability": None,
        "api_text": None,
        "search_criteria": string_list,
        "partners": string_list,
        "data_flows": flow_list,
        "links": link_list,
        "personal_data": None,
        "retention_period": None,
        "archiving": None,
        "retention_text": None,
        "security_measures": None,
        "internal_notes": None,
        "review_cycle_months": None,
        "translations": translations_of(DataResource),
    },
    relations=("systems", "processes"),
)

SYSTEM = RecordSpec(
    InformationSystem,
    {
        "name": None,
        "vendor": None,
        "purpose": None,
        "description": None,
        **RESPONSIBLE,
        "security_measures": None,
        "internal_notes": None,
        "translations": translations_of(InformationSystem),
    },
    relations=("interfaces",),
)

SECTION = RecordSpec(
    Section,
    {
        "name": None,
        "kind": None,
        "members": string_list,
        "description": None,
        "translations": translations_of(Section),
    },
)

PROCESS = RecordSpec(
    Process,
    {
        "name": None,
        "purpose": None,
        "function_class": None,
        **RESPONSIBLE,
        "links": link_list,
        "internal_notes": None,
        "translations": translations_of(Process),
    },
    relations=("systems",),
)

ORGANIZATION = RecordSpec(
    Organization,
    {
        "name": None,
        "business_id": None,
        "organization_type": None,
        "homepage": None,
        "registry_name": None,
        "registry_address": None,
        "registry_email": None,
        "registry_phone": None,
        "registry_hours": None,
        "deciding_authority": None,
        "request_instructions": None,
        "translations": translations_of(Organization),
    },
    relations=("contacts",),
)

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
