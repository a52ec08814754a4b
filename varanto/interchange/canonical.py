"""The canonical catalogue format, `varanto.catalog/1`: the working model to a dict and back.

Every other format (CSV, XLSX, DCAT-AP, HTML) is a view of the dict made here, and every
importer produces such a dict before anything is written. `catalog_export` is also the one
place that decides visibility: with `audience=PUBLIC` it leaves out every field the model
marks internal (`varanto.catalog.fields.internal`), and it names the officials responsible for
resources and systems (`responsible.persons`) only where the organisation chose to show them
(`varanto.catalog.fields.responsible_persons_public`).

A record kind's simple fields are (JSON path, model attribute) pairs derived from the kind's
declaration (`varanto.catalog.declarations`); a dotted path such as "responsible.title" nests
the value. Relations (section, systems,
processes) are handled beside them, by key or name.
"""

from __future__ import annotations

import datetime

from django.db import models

from varanto.catalog import declarations
from varanto.catalog.declarations import canonical_pairs
from varanto.catalog.fields import responsible_persons_public
from varanto.catalog.models import (
    DataResource,
    DataService,
    InformationSystem,
    OpenDataset,
    Organization,
    Process,
    Section,
    SystemInterface,
)
from varanto.catalog.selectors import responsible_person_names
from varanto.core.keys import make_key

from . import records_plan
from .dumping import Audience, Spec, _dump, _model_field
from .validation import CatalogError, validate_catalog

FORMAT = "varanto.catalog/1"


# Derived from the one declaration of every kind and field (varanto.catalog.declarations).
ORGANIZATION_FIELDS: Spec = canonical_pairs(declarations.ORGANIZATION)
CONTACT_FIELDS: Spec = canonical_pairs(declarations.CONTACT)
SECTION_FIELDS: Spec = canonical_pairs(declarations.SECTION)
RESPONSIBLE_FIELDS: Spec = tuple((d.path, d.attr) for d in declarations.RESPONSIBLE)
RESOURCE_FIELDS: Spec = canonical_pairs(declarations.RESOURCE)
SYSTEM_FIELDS: Spec = canonical_pairs(declarations.SYSTEM)
PROCESS_FIELDS: Spec = canonical_pairs(declarations.PROCESS)
INTERFACE_FIELDS: Spec = canonical_pairs(declarations.INTERFACE)
DATASET_FIELDS: Spec = canonical_pairs(declarations.DATASET)
SERVICE_FIELDS: Spec = canonical_pairs(declarations.SERVICE)
LAYER_FIELDS: Spec = canonical_pairs(declarations.LAYER)


# --- export -----------------------------------------------------------------------------


def organization_export(organization: Organization, *, audience: Audience = Audience.INTERNAL) -> dict:
    """The organisation's own details with its contact persons, as `catalog_export` gives them."""
    org = _dump(organization, ORGANIZATION_FIELDS, audience)
    org["contacts"] = [_dump(c, CONTACT_FIELDS, audience) for c in organization.contacts.all()]
    return org


def section_export(section: Section, *, audience: Audience = Audience.INTERNAL) -> dict:
    return _dump(section, SECTION_FIELDS, audience)


def resource_export(resource: DataResource, *, audience: Audience = Audience.INTERNAL) -> dict:
    """A data resource (tietovaranto) with its section, systems and processes by key or name."""
    item = _dump(resource, RESOURCE_FIELDS, audience)
    item = {"key": item.pop("key"), "name": item.pop("name"), "section": resource.section.key, **item}
    item["systems"] = [{"name": link.system.name, "usage": link.usage} for link in resource.system_links.all()]
    item["processes"] = [p.key for p in resource.processes.all()]
    return item


def system_export(system: InformationSystem, *, audience: Audience = Audience.INTERNAL) -> dict:
    return _dump(system, SYSTEM_FIELDS, audience)


def process_export(process: Process, *, audience: Audience = Audience.INTERNAL) -> dict:
    """A process with its parent and inputs by key and its systems by name."""
    item = _dump(process, PROCESS_FIELDS, audience)
    item["parent"] = process.parent.key if process.parent else None
    item["systems"] = [s.name for s in process.systems.all()]
    item["inputs"] = [p.key for p in process.inputs.all()]
    item["task_class"] = process.task_class.key if process.task_class else None
    return item


def interface_export(interface: SystemInterface, *, audience: Audience = Audience.INTERNAL) -> dict:
    """An interface (liittymä) with its two systems by name."""
    item = _dump(interface, INTERFACE_FIELDS, audience)
    return {"key": item.pop("key"), "from": interface.source.name, "to": interface.target.name, **item}


def dataset_export(dataset: OpenDataset, *, audience: Audience = Audience.INTERNAL) -> dict:
    item = _dump(dataset, DATASET_FIELDS, audience)
    item["resource"] = dataset.resource.key if dataset.resource else None
    return item


def service_export(service: DataService, *, audience: Audience = Audience.INTERNAL) -> dict:
    item = _dump(service, SERVICE_FIELDS, audience)
    item["layers"] = [_dump(layer, LAYER_FIELDS, audience) for layer in service.layers.all()]
    return item


# record kind -> (its export, what the export reads beside the record: select_related, prefetch_related)
EXPORTS: dict[type[models.Model], tuple] = {
    Organization: (organization_export, (), ("contacts",)),
    Section: (section_export, (), ()),
    DataResource: (resource_export, ("section",), ("system_links__system", "processes")),
    InformationSystem: (system_export, (), ()),
    Process: (process_export, ("parent", "task_class"), ("systems", "inputs")),
    SystemInterface: (interface_export, ("source", "target"), ()),
    OpenDataset: (dataset_export, ("resource",), ()),
    DataService: (service_export, (), ("layers",)),
    **records_plan.EXPORTS,
}


def exportable(model: type[models.Model]) -> models.QuerySet:
    """The records of a kind with what `record_export` reads of them fetched alongside (a fixed number of queries)."""
    _export, related, prefetched = EXPORTS[model]
    return model._default_manager.select_related(*related).prefetch_related(*prefetched)


def record_export(obj: models.Model, *, audience: Audience = Audience.INTERNAL) -> dict:
    """One record exactly as `catalog_export` lists it (the organisation: its "organization" item)."""
    return EXPORTS[type(obj)][0](obj, audience=audience)


def _persons_named(organization: Organization, model: type[models.Model], records: list[dict]) -> None:
    """Add `responsible.persons` to the records whose officials are named (the organisation chose to show them)."""
    names = responsible_person_names(organization, model)
    for record in records:
        if names.get(record["key"]):
            record.setdefault("responsible", {})["persons"] = names[record["key"]]


def catalog_export(organization: Organization, *, audience: Audience = Audience.INTERNAL) -> dict:
    """The organisation's whole catalogue as a `varanto.catalog/1` dict."""

    def every(model: type[models.Model], **hidden) -> list[dict]:
        records = exportable(model).filter(organization=organization)
        if audience is Audience.PUBLIC and hidden:
            records = records.exclude(**hidden)
        return [record_export(obj, audience=audience) for obj in records]

    # A resource of the starter model no official has confirmed yet is no part of the public view.
    resources = every(DataResource, starter_draft=True)
    systems = every(InformationSystem)
    datasets = every(OpenDataset)
    plan = records_plan.records_management_export(organization, audience=audience)
    if audience is Audience.PUBLIC:
        shown = {r["key"] for r in resources}
        for linked in (*datasets, *plan.get("document_types", [])):
            if linked["resource"] not in shown:
                linked["resource"] = None
        if responsible_persons_public(organization):
            _persons_named(organization, DataResource, resources)
            _persons_named(organization, InformationSystem, systems)
    return {
        "format": FORMAT,
        "organization": organization_export(organization, audience=audience),
        "sections": every(Section),
        "resources": resources,
        "systems": systems,
        "processes": every(Process),
        "interfaces": every(SystemInterface),
        "open_data": {"datasets": datasets, "services": every(DataService)},
        "records_management": plan,
    }


# --- import -----------------------------------------------------------------------------


def _get_path(data: dict, path: str):
    for part in path.split("."):
        if not isinstance(data, dict) or part not in data:
            return _MISSING
        data = data[part]
    return data


_MISSING = object()


def _load(data: dict, spec: Spec, model: type[models.Model]) -> dict:
    """Model keyword arguments from a canonical record; absent keys keep the model default."""
    kwargs = {}
    for path, attr in spec:
        value = _get_path(data, path)
        if value is _MISSING:
            continue
        model_field = _model_field(model, attr)
        if value is None and model_field.choices is not None and not model_field.null:
            value = ""
        elif isinstance(model_field, models.DateField) and isinstance(value, str):
            value = datetime.date.fromisoformat(value)
        kwargs[attr] = value
    return kwargs


def _check_references(data: dict) -> list[str]:
    """Cross-record rules JSON Schema cannot express: unique keys, and references that resolve."""
    errors: list[str] = []

    def unique(items: list[dict], what: str, attr: str = "key", fold=lambda v: v) -> set:
        seen: set = set()
        for i, item in enumerate(items):
            value = fold(item[attr])
            if value in seen:
                errors.append(f"{what}[{i}].{attr}: {item[attr]!r} appears more than once")
            seen.add(value)
        return seen

    sections = unique(data["sections"], "sections")
    unique(data["resources"], "resources")
    systems = unique(data["systems"], "systems", "name", str.casefold)
    unique(data["systems"], "systems")
    processes = unique(data.get("processes", []), "processes")
    open_data = data.get("open_data", {})
    unique(open_data.get("datasets", []), "open_data.datasets")
    unique(open_data.get("services", []), "open_data.services")
    resource_keys = {r["key"] for r in data["resources"]}

    for i, resource in enumerate(data["resources"]):
        where = f"resources[{i}] ({resource['name']})"
        if resource["section"] not in sections:
            errors.append(f"{where}.section: no section has the key {resource['section']!r}")
        linked: set[str] = set()
        for j, link in enumerate(resource.get("systems", [])):
            name = link["name"].casefold()
            if name not in systems:
                errors.append(f"{where}.systems[{j}]: no system is named {link['name']!r}")
            if name in linked:
                errors.append(f"{where}.systems[{j}]: {link['name']!r} is listed twice")
            linked.add(name)
        for j, key in enumerate(resource.get("processes", [])):
            if key not in processes:
                errors.append(f"{where}.processes[{j}]: no process has the key {key!r}")
    unique(data.get("interfaces", []), "interfaces")
    for i, interface in enumerate(data.get("interfaces", [])):
        for end in ("from", "to"):
            if interface[end].casefold() not in systems:
                errors.append(f"interfaces[{i}].{end}: no system is named {interface[end]!r}")
        if interface["from"].casefold() == interface["to"].casefold():
            errors.append(f"interfaces[{i}]: an interface goes from one system to another, not to itself")
    for i, process in enumerate(data.get("processes", [])):
        for j, name in enumerate(process.get("systems", [])):
            if name.casefold() not in systems:
                errors.append(f"processes[{i}].systems[{j}]: no system is named {name!r}")
        if process.get("parent") and process["parent"] not in processes:
            errors.append(f"processes[{i}].parent: no process has the key {process['parent']!r}")
        for j, key in enumerate(process.get("inputs", [])):
            if key not in processes:
                errors.append(f"processes[{i}].inputs[{j}]: no process has the key {key!r}")
    for i, dataset in enumerate(open_data.get("datasets", [])):
        if dataset.get("resource") and dataset["resource"] not in resource_keys:
            errors.append(f"open_data.datasets[{i}].resource: no data resource has the key {dataset['resource']!r}")
    errors += records_plan.reference_errors(data, systems, resource_keys)
    return errors


def interfaces_lifted(data) -> None:
    """Read a file of the time when interfaces were rows of their source system (`systems[].interfaces`
    [{system, description}]): each becomes an interface record of its own, keyed by its two systems."""
    if not isinstance(data, dict) or not isinstance(data.get("systems"), list):
        return
    lifted = []
    for system in data["systems"]:
        if not isinstance(system, dict) or "interfaces" not in system:
            continue
        for row in system.pop("interfaces") or []:
            if isinstance(row, dict) and isinstance(row.get("system"), str) and isinstance(system.get("name"), str):
                lifted.append(
                    {"from": system["name"], "to": row["system"], "description": row.get("description") or ""}
                )
    if not lifted:
        return
    taken = {str(i.get("key")) for i in data.get("interfaces", []) if isinstance(i, dict)}
    for interface in lifted:
        interface["key"] = make_key(f"{interface['from']} {interface['to']}", taken)
    data["interfaces"] = [*data.get("interfaces", []), *lifted]


def catalog_validate(data) -> None:
    """Raise CatalogError listing every problem (schema first, then references).

    An older file's interfaces are lifted into records of their own first (`interfaces_lifted`)."""
    interfaces_lifted(data)
    validate_catalog(data)
    errors = _check_references(data)
    if errors:
        raise CatalogError(errors)
