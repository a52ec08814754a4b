"""The kinds of record the back office edits, each with its form, rows, services and access check.

One table, so that creating, editing, history, restore and deletion are written once for all.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from varanto.accounts import permissions
from varanto.catalog import services
from varanto.catalog.models import DataResource, InformationSystem, Organization, Process, Section

from ..forms.records import OrganizationForm, ProcessForm, RecordForm, ResourceForm, SectionForm, SystemForm
from ..forms.rows import ContactRows, DataFlowRows, InterfaceRows, LinkRows, ResourceSystemRows

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


@dataclass(frozen=True)
class Kind:
    name: str  # URL names are "<name>_edit", "<name>_history" …
    model: type[models.Model]
    label: StrOrPromise
    form: type[RecordForm]
    rows: dict  # service data key -> formset class
    initial_rows: Callable[[Any], dict]  # the kind's own record
    access: Callable
    create: Callable | None
    update: Callable
    delete: Callable | None = None
    references: Callable | None = None
    has_detail_page: bool = False


def _resource_rows(resource: DataResource) -> dict:
    return {
        "systems": [{"system": link.system_id, "usage": link.usage} for link in resource.system_links.all()],
        "data_flows": resource.data_flows,
        "links": resource.links,
    }


def _system_rows(system: InformationSystem) -> dict:
    return {"interfaces": [{"system": i.target_id, "description": i.description} for i in system.interfaces.all()]}


KINDS: dict[str, Kind] = {
    kind.name: kind
    for kind in (
        Kind(
            "resource",
            DataResource,
            _("data resource"),
            ResourceForm,
            {"systems": ResourceSystemRows, "data_flows": DataFlowRows, "links": LinkRows},
            _resource_rows,
            permissions.access_resource,
            lambda organization, data, user: services.data_resource_create(
                organization=organization, data=data, acting_user=user
            ),
            lambda record, data, version, user: services.data_resource_update(
                resource=record, data=data, expected_version=version, acting_user=user
            ),
            lambda record, version, user: services.data_resource_delete(
                resource=record, expected_version=version, acting_user=user
            ),
            services.data_resource_references,
            has_detail_page=True,
        ),
        Kind(
            "system",
            InformationSystem,
            _("information system"),
            SystemForm,
            {"interfaces": InterfaceRows},
            _system_rows,
            permissions.access_system,
            lambda organization, data, user: services.information_system_create(
                organization=organization, data=data, acting_user=user
            ),
            lambda record, data, version, user: services.information_system_update(
                system=record, data=data, expected_version=version, acting_user=user
            ),
            lambda record, version, user: services.information_system_delete(
                system=record, expected_version=version, acting_user=user
            ),
            services.information_system_references,
            has_detail_page=True,
        ),
        Kind(
            "section",
            Section,
            _("section"),
            SectionForm,
            {},
            lambda record: {},
            permissions.access_section,
            lambda organization, data, user: services.section_create(
                organization=organization, data=data, acting_user=user
            ),
            lambda record, data, version, user: services.section_update(
                section=record, data=data, expected_version=version, acting_user=user
            ),
        ),
        Kind(
            "process",
            Process,
            _("process"),
            ProcessForm,
            {"links": LinkRows},
            lambda record: {"links": record.links},
            permissions.access_process,
            lambda organization, data, user: services.process_create(
                organization=organization, data=data, acting_user=user
            ),
            lambda record, data, version, user: services.process_update(
                process=record, data=data, expected_version=version, acting_user=user
            ),
        ),
        Kind(
            "organization",
            Organization,
            _("organisation"),
            OrganizationForm,
            {"contacts": ContactRows},
            lambda record: {"contacts": list(record.contacts.values("name", "title", "phone", "email"))},
            permissions.access_own_organization,
            None,
            lambda record, data, version, user: services.organization_update(
                organization=record, data=data, expected_version=version, acting_user=user
            ),
        ),
    )
}
