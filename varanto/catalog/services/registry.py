"""Each record kind's write services, registered beside its declaration (`declarations.RecordKind`).

The declarations import no services, so the services register here. Restore, the back office's
and the API's tables of kinds are built from `KINDS` and this registry, so a new kind is its
declaration, its services and one `KindServices` below. Every service follows the package's
contract (keyword-only, `acting_user`, `expected_version`); the record is passed under the
kind's `slug` ("resource=…").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import models

from varanto.catalog import declarations
from varanto.catalog.declarations import RecordKind

from . import documents, interfaces, opendata, resources, structure, systems, tasks

Writer = Callable[[Any, dict, Any], list[str]]  # (record, data, Stamp) -> changed names
Relinker = Callable[[Any, dict, Any, list[str]], None]  # (restored record, referred_by, Stamp, warnings)


@dataclass(frozen=True)
class KindServices:
    kind: RecordKind
    write: Writer  # what an update applies, and restore with it
    update: Callable[..., Any]
    create: Callable[..., Any] | None = None  # None: not added by itself (the organisation)
    delete: Callable[..., dict] | None = None  # None: not deleted by itself; returns the references
    references: Callable[[Any], dict] | None = None  # what refers to a record, shown before deleting it
    relink: Relinker | None = None  # puts back what the deletion unlinked, from the deletion row's references

    def create_record(self, organization, data: dict, acting_user):
        assert self.create is not None, self.kind.name
        return self.create(organization=organization, data=data, acting_user=acting_user)

    def update_record(self, record, data: dict, expected_version: int | None, acting_user):
        return self.update(
            **{self.kind.slug: record}, data=data, expected_version=expected_version, acting_user=acting_user
        )

    def delete_record(self, record, expected_version: int | None, acting_user) -> dict:
        assert self.delete is not None, self.kind.name
        return self.delete(**{self.kind.slug: record}, expected_version=expected_version, acting_user=acting_user)

    def references_of(self, record) -> dict:
        return self.references(record) if self.references is not None else {}


REGISTRY: dict[str, KindServices] = {  # by `RecordKind.name`, in the order of `declarations.KINDS`
    s.kind.name: s
    for s in (
        KindServices(
            declarations.ORGANIZATION,
            structure.organization_write,
            structure.organization_update,
        ),
        KindServices(
            declarations.SECTION,
            structure.section_write,
            structure.section_update,
            structure.section_create,
            structure.section_delete,
            structure.section_references,
        ),
        KindServices(
            declarations.RESOURCE,
            resources.resource_write,
            resources.data_resource_update,
            resources.data_resource_create,
            resources.data_resource_delete,
            resources.data_resource_references,
            resources.data_resource_relink,
        ),
        KindServices(
            declarations.SYSTEM,
            systems.system_write,
            systems.information_system_update,
            systems.information_system_create,
            systems.information_system_delete,
            systems.information_system_references,
            systems.information_system_relink,
        ),
        KindServices(
            declarations.PROCESS,
            structure.process_write,
            structure.process_update,
            structure.process_create,
            structure.process_delete,
            structure.process_references,
            structure.process_relink,
        ),
        KindServices(
            declarations.INTERFACE,
            interfaces.interface_write,
            interfaces.interface_update,
            interfaces.interface_create,
            interfaces.interface_delete,
        ),
        KindServices(
            declarations.DATASET,
            opendata.open_dataset_write,
            opendata.open_dataset_update,
            opendata.open_dataset_create,
            opendata.open_dataset_delete,
        ),
        KindServices(
            declarations.SERVICE,
            opendata.data_service_write,
            opendata.data_service_update,
            opendata.data_service_create,
            opendata.data_service_delete,
        ),
        KindServices(
            declarations.TASK_CLASS,
            tasks.task_class_write,
            tasks.task_class_update,
            tasks.task_class_create,
            tasks.task_class_delete,
            tasks.task_class_references,
            tasks.task_class_relink,
        ),
        KindServices(
            declarations.PROCESS_ACTION,
            tasks.action_write,
            tasks.action_update,
            tasks.action_create,
            tasks.action_delete,
            tasks.action_references,
        ),
        KindServices(
            declarations.DOCUMENT_TYPE,
            documents.document_type_write,
            documents.document_type_update,
            documents.document_type_create,
            documents.document_type_delete,
        ),
    )
}


def services_of(kind: RecordKind) -> KindServices:
    return REGISTRY[kind.name]


def services_for(model: type[models.Model]) -> KindServices:
    return services_of(declarations.kind_of(model))


def registered() -> tuple[KindServices, ...]:
    """The services of every kind that is a record of its own (not a part of another), in declaration order."""
    return tuple(REGISTRY[k.name] for k in declarations.KINDS if k.name in REGISTRY)
