"""An import's data resources (tietovarannot), written with a number of queries that does not grow with them.

A description has hundreds of resources, and an import into an existing organisation leaves most of
them as they are. So what the records already hold (their system links and processes) is read once
for all, and an unchanged resource is left alone without a query. The others are validated one by one
(the same value rules, `_loaded`, and `full_clean` for all but what would ask the database for each:
the references, which this import made or read under lock, and the unique key, which the file's
validation and the records read under lock decide) and written together: the new ones inserted with
their system links, the changed ones updated one version up and awaiting review; each with its one
history row under the import's stamp ("+" after its links, as `record_create` writes it, or "~" with
its processes, as a save writes it). A resource whose section, links or processes change, or a new
one with processes, goes through `_Import.upsert` one by one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from varanto.catalog.models import DataResource, InformationSystem, Process, ResourceSystem, ReviewStatus, Section
from varanto.catalog.services.common import texts_cleaned
from varanto.catalog.services.resources import resource_write
from varanto.core.acting import integration_of

from .canonical import RESOURCE_FIELDS
from .records_write import RecordChange, _changes, _Import, _loaded, _named, _relation


def resources_write(
    run: _Import,
    items: list[dict],
    old: dict[str, DataResource],
    sections: dict[str, Section],
    system: Callable[[str], InformationSystem],
    processes: dict[str, Process],
) -> dict[str, DataResource]:
    """Create or update the file's data resources in place by key; returns them by key."""
    links_of: dict[int, list[tuple[int, int, str]]] = defaultdict(list)
    processes_of: dict[int, list[tuple[int, int]]] = defaultdict(list)  # resource → (through row, process)
    if old:
        for link in ResourceSystem.objects.filter(resource__organization=run.organization).order_by("position", "id"):
            links_of[link.resource_id].append((link.system_id, link.position, link.usage))
        through = DataResource.processes.through.objects.filter(dataresource__organization=run.organization)
        for row, resource_id, process_id in through.values_list("id", "dataresource_id", "process_id"):
            processes_of[resource_id].append((row, process_id))
    resources: dict[str, DataResource] = {}
    moved: list[DataResource] = []
    changed: list[DataResource] = []
    changed_fields: set[str] = set()
    created: list[tuple[DataResource, list[dict]]] = []
    for position, item in enumerate(items):
        label = item.get("name") or item["key"]
        # Cleaned once: a control character removed is reported once, and the services find the text clean.
        links = [
            {"system": system(s["name"]), "usage": texts_cleaned(s.get("usage") or "", "systems.usage").strip()}
            for s in item.get("systems", [])
        ]
        with _named(DataResource, label):
            loaded = _loaded(item, RESOURCE_FIELDS, DataResource, label)
        section = sections[item["section"]]
        record = old.get(item["key"])
        if record is not None and _related_same(record, item, section, links, processes, links_of, processes_of):
            resources[item["key"]] = record
            fields = _changes(record, RESOURCE_FIELDS, item, label, loaded)
            if not fields:
                if record.position != position:  # the order of a list is not a record's content
                    record.position = position
                    moved.append(record)
                continue
            # As a back-office edit: a changed resource awaits review again.
            record.position, record.review_status = position, ReviewStatus.READY_FOR_REVIEW
            record.version += 1
            with _named(DataResource, label):
                record.full_clean(
                    exclude=["organization", "section"], validate_unique=False, validate_constraints=False
                )
            changed.append(record)
            changed_fields.update(attr for attr, _ in fields)
            run.changes.changed.append(RecordChange(DataResource, record.key, str(record), [c for _, c in fields]))
            continue
        new: dict = {} if run.new_organization else {"review_status": ReviewStatus.READY_FOR_REVIEW}
        if run.starter:
            new = {"review_status": ReviewStatus.READY_FOR_REVIEW, "starter_draft": True}
        if record is not None or item.get("processes"):
            resources[item["key"]] = run.upsert(
                DataResource,
                RESOURCE_FIELDS,
                old,
                item,
                position,
                relations=_relations(run, item, links, processes),
                refs={"section": section},
                new=new,
                loaded=loaded,
            )
            continue
        record = DataResource(organization=run.organization, position=position, section=section, **new, **loaded)
        with _named(DataResource, label):
            record.full_clean(exclude=["organization", "section"], validate_unique=False, validate_constraints=False)
        resources[item["key"]] = record
        created.append((record, links))
        run.changes.added.append(RecordChange(DataResource, record.key, str(record)))
    DataResource.objects.bulk_update(moved, ["position"])
    if changed:
        run.stamp.mark(*changed)
        DataResource.objects.bulk_update(changed, [*sorted(changed_fields), "position", "review_status", "version"])
        rows = DataResource.history.bulk_history_create(changed, update=True, custom_historical_attrs=_stamped(run))
        _processes_history(rows, changed, processes_of)
    _created_write(run, created)
    return resources


def _stamped(run: _Import) -> dict:
    """What `Stamp.mark` gives a history row that `bulk_history_create` does not read from the record."""
    return {"history_integration": integration_of(run.stamp.user)}


def _processes_history(rows: list, records: list[DataResource], processes_of: dict) -> None:
    """A resource's history row holds its processes, as simple-history writes them beside a saved row."""
    model = DataResource.history.model._meta.get_field("historicaldataresource_processes").related_model
    model.objects.bulk_create(
        model(history=row, id=through, dataresource_id=record.pk, process_id=process)
        for row, record in zip(rows, records, strict=True)
        for through, process in processes_of[record.pk]
    )


def _related_same(
    record: DataResource,
    item: dict,
    section: Section,
    links: list[dict],
    processes: dict[str, Process],
    links_of: dict,
    processes_of: dict,
) -> bool:
    """Whether importing `item` leaves the record's section, system links and processes as they are."""
    if record.section_id != section.pk:
        return False
    wanted = [(link["system"].pk, position, link["usage"]) for position, link in enumerate(links)]
    if "systems" in item and wanted != links_of[record.pk]:
        return False
    return "processes" not in item or {processes[k].pk for k in item["processes"]} == {
        process for _, process in processes_of[record.pk]
    }


def _relations(run: _Import, item: dict, links: list[dict], processes: dict[str, Process]):
    """`upsert`'s relations of one resource: its system links and processes, as the file has them."""

    def write(resource: DataResource) -> list:
        wanted: dict = {}
        if "systems" in item:
            wanted["systems"] = links
        if "processes" in item:
            wanted["processes"] = [processes[k] for k in item["processes"]]
        before_links = [(link.system.name, link.usage) for link in resource.system_links.all()] if resource.pk else []
        before_processes = sorted(resource.processes.values_list("key", flat=True)) if resource.pk else []
        changed = resource_write(resource, wanted, run.stamp)
        out = []
        if "systems" in changed:
            out += _relation(None, "systems", before_links, [(r["system"].name, r["usage"]) for r in links])
        if "processes" in changed:
            out += _relation(None, "processes", before_processes, sorted(item["processes"]))
        return out

    return write


def _created_write(run: _Import, created: list[tuple[DataResource, list[dict]]]) -> None:
    """Insert the new resources and their system links, each with its creation row in history."""
    if not created:
        return
    records = [record for record, _ in created]
    run.stamp.mark(*records)
    DataResource.objects.bulk_create(records)
    links = []
    for record, rows in created:
        for position, row in enumerate(rows):
            link = ResourceSystem(resource=record, system=row["system"], usage=row["usage"], position=position)
            with _named(DataResource, str(record)):
                link.full_clean(exclude=["resource", "system"], validate_constraints=False)
            links.append(link)
    run.stamp.mark(*links)
    ResourceSystem.objects.bulk_create(links)
    # The links' rows first, as `record_create` writes them (the resource's row is written after its relations).
    ResourceSystem.history.bulk_history_create(links, custom_historical_attrs=_stamped(run))
    DataResource.history.bulk_history_create(records, custom_historical_attrs=_stamped(run))
