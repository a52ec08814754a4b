"""The kinds of record the back office edits, built from the declarations and the services' registry.

One table, so that creating, editing, history, restore and deletion are written once for all.
A kind's model, noun, services and access check come from `catalog.declarations` and
`catalog.services.registry`; the back office adds only how it is edited here (`EDITING`): its
form, its row sets and which pages it has. A kind with no form here (open data, written by
import) still has its history, restore and place among the deleted records.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from varanto.accounts import permissions
from varanto.catalog import services
from varanto.catalog.declarations import RecordKind
from varanto.catalog.models import DataResource
from varanto.catalog.services.registry import KindServices

from ..forms.records import (
    InterfaceForm,
    OrganizationForm,
    ProcessForm,
    RecordForm,
    ResourceForm,
    SectionForm,
    SystemForm,
)
from ..forms.rows import ContactRows, DataFlowRows, LinkRows, ResourceSystemRows
from ..forms.tasks import DocumentTypeForm, ProcessActionForm, TaskClassForm

if TYPE_CHECKING:
    from django.db import models
    from django_stubs_ext import StrOrPromise


@dataclass(frozen=True)
class Editing:
    """How the back office edits a kind: its form and row sets, and the pages it has besides the edit page."""

    form: type[RecordForm]
    rows: dict = field(default_factory=dict)  # service data key -> formset class
    initial_rows: Callable[[Any], dict] = lambda record: {}  # the kind's own record
    has_detail_page: bool = False
    has_list_page: bool = True


def _resource_rows(resource: DataResource) -> dict:
    return {
        "systems": [{"system": link.system_id, "usage": link.usage} for link in resource.system_links.all()],
        "data_flows": resource.data_flows,
        "links": resource.links,
    }


EDITING: dict[str, Editing] = {  # by `RecordKind.slug`
    "resource": Editing(
        ResourceForm,
        {"systems": ResourceSystemRows, "data_flows": DataFlowRows, "links": LinkRows},
        _resource_rows,
        has_detail_page=True,
    ),
    "system": Editing(SystemForm, has_detail_page=True),
    "interface": Editing(InterfaceForm),
    "section": Editing(SectionForm),
    "process": Editing(ProcessForm, {"links": LinkRows}, lambda record: {"links": record.links}),
    "task_class": Editing(TaskClassForm),
    "action": Editing(ProcessActionForm),
    "document_type": Editing(DocumentTypeForm),
    "organization": Editing(
        OrganizationForm,
        {"contacts": ContactRows},
        lambda record: {"contacts": list(record.contacts.values("name", "title", "phone", "email"))},
        has_list_page=False,
    ),
}


@dataclass(frozen=True)
class Kind:
    services: KindServices
    editing: Editing | None  # None: not edited in the back office, only its history and restore

    @property
    def declaration(self) -> RecordKind:
        return self.services.kind

    @property
    def name(self) -> str:  # URL names are "<name>_edit", "<name>_history" …
        return self.declaration.slug

    @property
    def model(self) -> type[models.Model]:
        return self.declaration.model

    @property
    def label(self) -> StrOrPromise:
        assert self.declaration.noun is not None, self.declaration.name
        return self.declaration.noun

    @property
    def form(self) -> type[RecordForm]:
        assert self.editing is not None, self.name
        return self.editing.form

    @property
    def rows(self) -> dict:
        return self.editing.rows if self.editing else {}

    def initial_rows(self, record) -> dict:
        return self.editing.initial_rows(record) if self.editing else {}

    @property
    def has_detail_page(self) -> bool:
        return bool(self.editing and self.editing.has_detail_page)

    @property
    def has_list_page(self) -> bool:
        return bool(self.editing and self.editing.has_list_page)

    @property
    def deletable(self) -> bool:
        return self.services.delete is not None

    @property
    def owned(self) -> bool:
        """A record of the organisation (not the organisation itself): found by key, listed when deleted."""
        return self.declaration.parent is not None

    def access(self, user, organization, key, action):
        return permissions.access_kind(user, self.declaration, organization, key, action)

    def create(self, organization, data: dict, user):
        return self.services.create_record(organization, data, user)

    def update(self, record, data: dict, version: int | None, user):
        return self.services.update_record(record, data, version, user)

    def delete(self, record, version: int | None, user) -> dict:
        return self.services.delete_record(record, version, user)

    def references(self, record) -> dict:
        return self.services.references_of(record)


KINDS: dict[str, Kind] = {s.kind.slug: Kind(s, EDITING.get(s.kind.slug)) for s in services.registered()}
