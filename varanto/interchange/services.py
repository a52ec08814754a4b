"""Importing a catalogue (tuonti): a canonical dict written into the working model through its services.

Into an existing organisation the import updates in place, record by record key: unchanged
records are left alone, each changed one is saved once (one version up, one history row with
the import's reason), new ones are created, and with `replace=True` the records the file no
longer has are deleted as the back office deletes them (kept in history, restorable). Ids,
history, editors' assignments and memberships survive. Contacts and service layers are parts
of their parent. A field the file leaves out keeps its value, so a published page (which has
no internal fields) does not wipe security measures or internal notes.

All or nothing: one transaction. A dry run makes the same writes and rolls them back, so the
change set it returns is exactly what the import would do.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import cast

from django.db import transaction
from django.utils.translation import gettext as _

from varanto.accounts.models import AuditKind
from varanto.accounts.services import audit_record
from varanto.catalog.models import (
    DataResource,
    DataService,
    InformationSystem,
    OpenDataset,
    Organization,
    Process,
    Section,
    ServiceLayer,
    SystemInterface,
)
from varanto.catalog.selectors import organization_find
from varanto.catalog.services import data_resource_delete, information_system_delete
from varanto.catalog.services.common import (
    Stamp,
    record_delete,
    record_save,
    rows_replace,
    value_warning,
    value_warnings,
)
from varanto.catalog.services.structure import organization_write, process_write
from varanto.catalog.slugs import reserved_slugs, slug_reserved_message
from varanto.core.keys import make_key
from varanto.publications.diff import FieldChange

from . import records_plan_import
from .canonical import (
    DATASET_FIELDS,
    INTERFACE_FIELDS,
    LAYER_FIELDS,
    ORGANIZATION_FIELDS,
    PROCESS_FIELDS,
    SECTION_FIELDS,
    SERVICE_FIELDS,
    SYSTEM_FIELDS,
    catalog_validate,
)
from .dumping import _model_field
from .records_write import ChangeSet, RecordChange, _changes, _Import, _loaded, _named, _relation
from .resources_import import resources_write

REASON = "tuonti"


@dataclass
class ImportSummary:
    organization: Organization
    created: bool = False  # the import made a new organisation
    changes: ChangeSet = field(default_factory=ChangeSet)
    counts: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)  # what the values' rules changed, and where

    def __str__(self) -> str:
        parts = ", ".join(f"{n} {kind}" for kind, n in self.counts.items())
        return f"{self.organization.name}: {parts}"


@transaction.atomic
def catalog_import(
    data: dict,
    *,
    acting_user,
    reason: str = REASON,
    organization: Organization | None = None,
    replace: bool = False,
    dry_run: bool = False,
    starter: bool = False,
) -> ImportSummary:
    """Write a canonical catalogue into `organization` (default: the one its name finds, or a new one).

    Every history row it writes carries `acting_user` and `reason` (e.g. "tuonti: imatra.json");
    one audit row records the import. With `replace=True` records missing from the file are
    deleted; without, they are kept. With `dry_run=True` nothing is kept. With `starter=True` the
    new data resources are drafts of the starter model (aloitusmalli): awaiting review and out of the
    public view until a publisher approves each. Raises CatalogError.
    The summary's `warnings` name what the values' rules changed (control characters removed).
    """
    with value_warnings() as warnings:
        summary = _catalog_import(
            data,
            acting_user=acting_user,
            reason=reason,
            organization=organization,
            replace=replace,
            dry_run=dry_run,
            starter=starter,
        )
    summary.warnings = warnings
    return summary


def _new_organization_slug(name: str) -> str:
    """A short name of its own for a new organisation, never one of the site's own addresses (/haku/, /hallinta/ …)."""
    taken = set(Organization.objects.values_list("slug", flat=True))
    slug = make_key(name, taken | reserved_slugs())
    wanted = make_key(name)
    if wanted in reserved_slugs():
        value_warning(
            _("%(message)s The organisation's short name is %(slug)s.")
            % {"message": slug_reserved_message(wanted), "slug": slug}
        )
    return slug


def _catalog_import(
    data: dict,
    *,
    acting_user,
    reason: str,
    organization: Organization | None,
    replace: bool,
    dry_run: bool,
    starter: bool,
) -> ImportSummary:
    catalog_validate(data)
    org_data = dict(data["organization"])
    if organization is None:
        organization = organization_find(org_data["name"])
    else:
        org_data["name"] = organization.name  # an import into a chosen organisation does not rename it
    stamp = Stamp(acting_user, reason)
    changes = ChangeSet()
    created = organization is None
    if organization is None:
        organization = Organization(slug=_new_organization_slug(org_data["name"]))
        with _named(Organization, org_data["name"]):
            for attr, value in _loaded(org_data, ORGANIZATION_FIELDS, Organization, org_data["name"]).items():
                setattr(organization, attr, value)
            organization.full_clean()
            stamp.mark(organization)
            organization.save()
            organization_write(organization, {"contacts": org_data.get("contacts", [])}, stamp)
    else:
        organization = Organization.objects.select_for_update().get(pk=organization.pk)
        with _named(Organization, organization.name):
            # None: the contacts, not one model field
            fields: list[tuple[str | None, FieldChange]] = list(
                _changes(organization, ORGANIZATION_FIELDS, org_data, organization.name)
            )
            before = [
                {k: getattr(c, k) for k in ("name", "title", "phone", "email")} for c in organization.contacts.all()
            ]
            if "contacts" in org_data and organization_write(organization, {"contacts": org_data["contacts"]}, stamp):
                after = [
                    {k: getattr(c, k) for k in ("name", "title", "phone", "email")} for c in organization.contacts.all()
                ]
                fields.append((None, FieldChange("contacts", before, after)))
            if fields:
                record_save(organization, [attr for attr, _ in fields if attr], stamp)
                changes.changed.append(
                    RecordChange(Organization, organization.slug, organization.name, [c for _, c in fields])
                )
    run = _Import(organization, stamp, changes, new_organization=created, starter=starter)
    _write_records(run, data, replace)
    open_data = data.get("open_data", {})
    summary = ImportSummary(
        organization=organization,
        created=created,
        changes=changes,
        counts={
            "sections": len(data["sections"]),
            "data resources": len(data["resources"]),
            "systems": len(data["systems"]),
            "processes": len(data.get("processes", [])),
            "interfaces": len(data.get("interfaces", [])),
            "open data sets": len(open_data.get("datasets", [])),
            "data services": len(open_data.get("services", [])),
            "contacts": len(org_data.get("contacts", [])),
            **{
                name.replace("_", " "): len(items)
                for name, items in (data.get("records_management") or {}).items()
                if items
            },
        },
    )
    if dry_run:
        transaction.set_rollback(True)
        return summary
    audit_record(
        kind=AuditKind.CATALOG_IMPORT,
        user=acting_user,
        organization=organization,
        reason=reason,
        created=created,
        replace=replace,
        starter=starter,
        added=len(changes.added),
        changed=len(changes.changed),
        removed=len(changes.removed),
    )
    return summary


def _write_records(run: _Import, data: dict, replace: bool) -> None:
    """Sections, systems, processes, interfaces, resources and open data, in the order their references need;
    then, the records the file no longer has, dependants first."""
    old = {
        model: run.existing(model)
        for model in (Section, InformationSystem, Process, SystemInterface, DataResource, OpenDataset, DataService)
    }
    sections = {
        item["key"]: run.upsert(Section, SECTION_FIELDS, old[Section], item, position)
        for position, item in enumerate(data["sections"])
    }
    # New systems first: an interface, a link or a process may name a system further down the file.
    systems_by_key = cast(dict[str, InformationSystem], dict(old[InformationSystem]))
    for position, item in enumerate(data["systems"]):
        if item["key"] not in systems_by_key:
            systems_by_key[item["key"]] = run.upsert(InformationSystem, SYSTEM_FIELDS, {}, item, position)
    key_of = {item["name"].casefold(): item["key"] for item in data["systems"]}

    def system(name: str) -> InformationSystem:
        return systems_by_key[key_of[name.casefold()]]

    for position, item in enumerate(data["systems"]):
        if item["key"] in old[InformationSystem]:
            run.upsert(InformationSystem, SYSTEM_FIELDS, old[InformationSystem], item, position)
    systems_by_key = {item["key"]: systems_by_key[item["key"]] for item in data["systems"]}
    task_classes = records_plan_import.task_classes_write(run, data)
    processes = _processes_write(run, data.get("processes", []), old[Process], system, task_classes)
    interfaces = {
        item["key"]: run.upsert(
            SystemInterface,
            INTERFACE_FIELDS,
            old[SystemInterface],
            item,
            position,
            refs={"source": system(item["from"]), "target": system(item["to"])},
        )
        for position, item in enumerate(data.get("interfaces", []))
    }

    resources = resources_write(
        run, data["resources"], cast(dict[str, DataResource], old[DataResource]), sections, system, processes
    )

    records_plan_import.rest_write(run, data, task_classes, system, resources)
    open_data = data.get("open_data", {})
    for position, item in enumerate(open_data.get("datasets", [])):
        resource = resources.get(item.get("resource") or "")
        run.upsert(OpenDataset, DATASET_FIELDS, old[OpenDataset], item, position, refs={"resource": resource})
    for position, item in enumerate(open_data.get("services", [])):
        run.upsert(DataService, SERVICE_FIELDS, old[DataService], item, position, relations=_layers_write(run, item))

    def missing(model, keys) -> list:
        return [r for key, r in old[model].items() if key not in keys]

    stamp = run.stamp
    run.remove(
        missing(OpenDataset, {d["key"] for d in open_data.get("datasets", [])}),
        replace,
        lambda r: record_delete(r, stamp),
    )
    run.remove(
        missing(DataService, {s["key"] for s in open_data.get("services", [])}),
        replace,
        lambda r: _service_delete(r, stamp),
    )
    records_plan_import.remove_missing(run, data, replace)
    run.remove(
        missing(DataResource, resources),
        replace,
        lambda r: data_resource_delete(resource=r, expected_version=r.version, acting_user=stamp.user),
    )
    run.remove(missing(SystemInterface, interfaces), replace, lambda r: record_delete(r, stamp))
    run.remove(missing(Process, processes), replace, lambda r: record_delete(r, stamp))
    run.remove(
        missing(InformationSystem, systems_by_key),
        replace,
        lambda r: information_system_delete(system=r, expected_version=r.version, acting_user=stamp.user),
    )
    run.remove(missing(Section, sections), replace, lambda r: record_delete(r, stamp))


def _processes_write(run: _Import, items: list[dict], old: dict, system, task_classes: dict) -> dict[str, Process]:
    """Processes refer to each other (parent, inputs) in any order: the new ones are inserted first
    without a history row, then every process gets its fields and links, each new one its one
    creation row ("+") holding them."""
    by_key = cast(dict[str, Process], dict(old))
    created: set[str] = set()
    for position, item in enumerate(items):
        if item["key"] not in by_key:
            label = item.get("name") or item["key"]
            with _named(Process, label):
                process = Process(
                    organization=run.organization, position=position, **_loaded(item, PROCESS_FIELDS, Process, label)
                )
                process.full_clean(exclude=["parent"])
                process.save_without_historical_record(force_insert=True)  # type: ignore[attr-defined]  # simple-history
            by_key[item["key"]] = process
            created.add(item["key"])

    def links(item):
        def write(process):
            wanted: dict = {}
            if "systems" in item:
                wanted["systems"] = [system(n) for n in item["systems"]]
            if "inputs" in item:
                wanted["inputs"] = [by_key[k] for k in item["inputs"]]
            before = {
                "systems": sorted(s.name for s in process.systems.all()),
                "inputs": sorted(p.key for p in process.inputs.all()),
            }
            changed = process_write(process, wanted, run.stamp)
            return [
                change
                for name in ("systems", "inputs")
                if name in changed
                for change in _relation(
                    None,
                    name,
                    before[name],
                    sorted(getattr(r, "name" if name == "systems" else "key") for r in wanted[name]),
                )
            ]

        return write

    for position, item in enumerate(items):
        refs = {"parent": by_key[item["parent"]] if item.get("parent") else None} if "parent" in item else {}
        if "task_class" in item:
            refs["task_class"] = task_classes.get(item["task_class"] or "")
        if item["key"] not in created:
            run.upsert(Process, PROCESS_FIELDS, old, item, position, relations=links(item), refs=refs)
            continue
        process = by_key[item["key"]]
        with _named(Process, str(process)):
            for name, value in refs.items():
                setattr(process, name, value)
            links(item)(process)
            run.stamp.mark(process)
            process.save()
            row = Process.history.filter(id=process.pk).order_by("-history_date", "-history_id").first()
            Process.history.filter(history_id=row.history_id).update(history_type="+")
        run.changes.added.append(RecordChange(Process, process.key, str(process)))
    return {item["key"]: by_key[item["key"]] for item in items}


def _layers_write(run: _Import, item: dict):
    """The service's layers (karttatasot), a part of it: replaced as a whole when they differ."""

    def row(layer: dict) -> dict:
        loaded = _loaded(layer, LAYER_FIELDS, ServiceLayer, layer.get("title") or "")
        return {attr: loaded.get(attr, _model_field(ServiceLayer, attr).get_default()) for _, attr in LAYER_FIELDS}

    def write(service: DataService) -> list:
        existing = list(service.layers.all())
        before = [{attr: getattr(layer, attr) for _, attr in LAYER_FIELDS} for layer in existing]
        wanted = [row(layer) for layer in item.get("layers", [])]
        if "layers" not in item or not rows_replace(
            existing,
            wanted,
            as_row=lambda layer: {attr: getattr(layer, attr) for _, attr in LAYER_FIELDS},
            build=lambda position, r: ServiceLayer(service=service, position=position, **r),
            stamp=run.stamp,
        ):
            return []
        return _relation(None, "layers", before, wanted)

    return write


def _service_delete(service: DataService, stamp: Stamp) -> None:
    for layer in service.layers.all():
        stamp.mark(layer)
        layer.delete()
    record_delete(service, stamp)
