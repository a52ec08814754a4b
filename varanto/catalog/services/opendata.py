"""Writes on open data (avoin data): open data sets and data services with their map layers."""

from __future__ import annotations

from django.db import transaction

from varanto.catalog.models import DataResource, DataService, OpenDataset, Organization, ServiceLayer

from .common import (
    Stamp,
    assign,
    locked,
    new_record,
    record_create,
    record_delete,
    record_update,
    rows_replace,
    same_organization,
)
from .specs import DATASET, SERVICE

LAYER_FIELDS = ("title", "name")


def open_dataset_write(dataset: OpenDataset, data: dict, stamp: Stamp) -> list[str]:
    """Apply `data`; "resource" is the data resource the set is drawn from (or None)."""
    changed = assign(dataset, data, DATASET.fields, relations=DATASET.relations)
    if "resource" in data:
        resource: DataResource | None = data["resource"]
        if resource is not None:
            same_organization(dataset.organization_id, [resource], "resource")
        if dataset.resource_id != getattr(resource, "pk", None):
            dataset.resource = resource
            changed.append("resource")
    dataset.full_clean()
    return changed


@transaction.atomic
def open_dataset_create(*, organization: Organization, data: dict, acting_user) -> OpenDataset:
    """Add an open data set (avoin data -aineisto); its key comes from its name."""
    stamp = Stamp(acting_user, "create")
    dataset = new_record(OpenDataset, organization, data)
    open_dataset_write(dataset, data, stamp)
    return record_create(dataset, stamp)


@transaction.atomic
def open_dataset_update(*, dataset: OpenDataset, data: dict, expected_version: int, acting_user) -> OpenDataset:
    return record_update(
        OpenDataset,
        dataset,
        expected_version,
        acting_user,
        lambda current, stamp: open_dataset_write(current, data, stamp),
        {**DATASET.fields, "resource": None},
    )


@transaction.atomic
def open_dataset_delete(*, dataset: OpenDataset, expected_version: int, acting_user) -> dict:
    """Delete the open data set; restore brings it back."""
    record_delete(locked(OpenDataset, dataset.pk, expected_version), Stamp(acting_user, "delete"))
    return {}


def _layers_write(service: DataService, rows, stamp: Stamp) -> bool:
    return rows_replace(
        list(service.layers.all()),
        [{k: (row.get(k) or "").strip() for k in LAYER_FIELDS} for row in rows],
        as_row=lambda layer: {k: getattr(layer, k) for k in LAYER_FIELDS},
        build=lambda position, row: ServiceLayer(service=service, position=position, **row),
        stamp=stamp,
    )


def data_service_write(service: DataService, data: dict, stamp: Stamp) -> list[str]:
    """Apply `data`; "layers" are its map layers [{title, name}], in order."""
    changed = assign(service, data, SERVICE.fields, relations=SERVICE.relations)
    service.full_clean()
    if "layers" in data and _layers_write(service, data["layers"], stamp):
        changed.append("layers")
    return changed


@transaction.atomic
def data_service_create(*, organization: Organization, data: dict, acting_user) -> DataService:
    """Add a data service (rajapintapalvelu) with its layers; its key comes from its name."""
    stamp = Stamp(acting_user, "create")
    service = new_record(DataService, organization, data)
    assign(service, data, SERVICE.fields, relations=SERVICE.relations)
    return record_create(service, stamp, relations=lambda: _layers_write(service, data.get("layers", []), stamp))


@transaction.atomic
def data_service_update(*, service: DataService, data: dict, expected_version: int, acting_user) -> DataService:
    return record_update(
        DataService,
        service,
        expected_version,
        acting_user,
        lambda current, stamp: data_service_write(current, data, stamp),
        SERVICE.fields,
    )


@transaction.atomic
def data_service_delete(*, service: DataService, expected_version: int, acting_user) -> dict:
    """Delete the data service and its layers (kept in its history); restore brings them back."""
    current = locked(DataService, service.pk, expected_version)
    stamp = Stamp(acting_user, "delete")
    for layer in current.layers.all():
        stamp.mark(layer)
        layer.delete()
    record_delete(current, stamp)
    return {}
