"""Every record kind is registered with its services and reachable through the back office's and the
API's tables of kinds; a record of each kind is deleted and restored, audited with who did it."""

import pytest
from django.urls import NoReverseMatch, reverse

from varanto.accounts.models import AuditEvent, AuditKind
from varanto.api import working_views
from varanto.api.schemas import WRITTEN
from varanto.backoffice.urls import SEGMENTS
from varanto.backoffice.views.kinds import KINDS
from varanto.catalog import declarations
from varanto.catalog.models import (
    DataResource,
    DataService,
    DocumentType,
    OpenDataset,
    Process,
    ProcessAction,
    Section,
    SystemInterface,
    TaskClass,
)
from varanto.catalog.services import (
    data_resource_update,
    data_service_create,
    interface_create,
    open_dataset_create,
    process_create,
    process_update,
    registry,
    section_create,
)
from varanto.catalog.services.documents import document_type_create
from varanto.catalog.services.tasks import action_create, task_class_create

OWN_RECORDS = [k for k in declarations.KINDS if not k.part]


@pytest.mark.parametrize("kind", OWN_RECORDS, ids=lambda k: k.name)
def test_every_record_kind_is_registered_with_its_services(kind):
    services = registry.services_of(kind)
    assert services.kind is kind
    assert kind.slug and kind.noun, f"{kind.name}: declare its slug and noun"
    if kind.parent is not None:  # a record of the organisation: added, deleted and restored by itself
        assert services.create and services.delete, f"{kind.name}: register its create and delete services"


def test_the_registry_lists_exactly_the_kinds_that_are_records_of_their_own():
    assert [s.kind for s in registry.registered()] == OWN_RECORDS
    parts = [k for k in declarations.KINDS if k.part]
    assert parts and not any(k.name in registry.REGISTRY for k in parts)


@pytest.mark.parametrize("kind", OWN_RECORDS, ids=lambda k: k.name)
def test_every_record_kind_is_reachable_through_the_back_offices_kind_table(kind):
    entry = KINDS[kind.slug]
    assert entry.declaration is kind and entry.services is registry.services_of(kind)
    if kind.parent is None:
        args: list = ["imatran-kaupunki"]
        names = [f"{kind.slug}_edit", f"{kind.slug}_history"]
    else:
        assert kind.slug in SEGMENTS, f"{kind.name}: give its back-office path segment"
        args = ["imatran-kaupunki", "avain"]
        names = [f"{kind.slug}_history"]
        if entry.editing is not None:
            names += [f"{kind.slug}_edit"] + ([f"{kind.slug}_delete"] if entry.deletable else [])
    for name in names:
        reverse(f"backoffice:{name}", args=args)
    reverse(f"backoffice:{kind.slug}_restore", args=[*args, 1])


@pytest.mark.parametrize("kind", [k for k in OWN_RECORDS if k.slug in WRITTEN], ids=lambda k: k.name)
def test_every_kind_the_api_writes_is_in_its_kind_table_with_its_routes(kind):
    entry = working_views.KINDS[kind.slug]
    assert entry.services is registry.services_of(kind) and entry.model is kind.model
    if kind.parent is None:
        reverse(entry.name, kwargs={"org": "imatran-kaupunki"})
        return
    reverse(entry.name, kwargs={"org": "imatran-kaupunki", "key": "avain"})
    views = [v for v in vars(working_views).values() if isinstance(v, type) and getattr(v, "kind", None) is entry]
    assert any(issubclass(v, working_views.WorkingList) for v in views), f"{kind.name}: no list view"
    detail = next(v for v in views if issubclass(v, working_views.WorkingDetail))
    assert hasattr(detail, "delete") == bool(entry.services.delete), f"{kind.name}: DELETE and its service disagree"


def test_the_api_kind_table_has_every_kind_the_api_schema_writes():
    assert sorted(working_views.KINDS) == sorted(WRITTEN)
    with pytest.raises(NoReverseMatch):  # open data has no working-model routes (yet)
        reverse("api:working_dataset", kwargs={"org": "imatran-kaupunki", "key": "avain"})


def _record_of(slug: str, organization):
    """A record of the kind that can be deleted now, with what restore must bring back."""
    if slug == "section":
        return section_create(organization=organization, data={"name": "Tyhjä toimiala"}, acting_user=None)
    if slug == "resource":
        return DataResource.objects.get(organization=organization, key="vesihuolto")
    if slug == "system":
        return organization.systems.get(name="KeyPro")
    if slug == "process":
        process = process_create(organization=organization, data={"name": "Laskutus"}, acting_user=None)
        resource = DataResource.objects.get(organization=organization, key="vesihuolto")
        data_resource_update(resource=resource, data={"processes": [process]}, expected_version=1, acting_user=None)
        return Process.objects.get(pk=process.pk)
    if slug == "interface":
        data = {
            "name": "Verkostotiedot arkistoon",
            "source": organization.systems.get(name="KeyPro"),
            "target": organization.systems.get(name="M-Files"),
        }
        return interface_create(organization=organization, data=data, acting_user=None)
    if slug == "dataset":
        resource = DataResource.objects.get(organization=organization, key="vesihuolto")
        data = {"name": "Vesijohtoverkko", "resource": resource}
        return open_dataset_create(organization=organization, data=data, acting_user=None)
    if slug in ("task_class", "action", "document_type"):
        return _records_plan_record(slug, organization)
    assert slug == "service"
    layers = [{"title": "Vesijohdot", "name": "vj"}, {"title": "Viemärit", "name": ""}]
    return data_service_create(
        organization=organization, data={"name": "Verkostot", "layers": layers}, acting_user=None
    )


def _records_plan_record(slug: str, organization):
    """A task class serving a process, an action of it, or a document type kept in a system."""
    task_class = task_class_create(organization=organization, data={"code": "99", "name": "Kokeilu"}, acting_user=None)
    if slug == "task_class":
        process = process_create(organization=organization, data={"name": "Kokeilu"}, acting_user=None)
        process_update(process=process, data={"task_class": task_class}, expected_version=1, acting_user=None)
        return task_class
    phase = action_create(
        organization=organization, data={"task_class": task_class, "name": "Vireilletulo"}, acting_user=None
    )
    if slug == "action":
        return phase
    system = organization.systems.get(name="KeyPro")
    data = {"action": phase, "document_class": "Hakemus", "name": "Kokeiluhakemus", "system": system}
    return document_type_create(organization=organization, data=data, acting_user=None)


def _links(record) -> object:
    """What restoring must bring back beside the record's own fields."""
    if isinstance(record, TaskClass):
        return sorted(record.processes.values_list("name", flat=True))
    if isinstance(record, ProcessAction):
        return record.task_class_id
    if isinstance(record, DocumentType):
        return (record.action_id, record.system_id)
    if isinstance(record, Process):
        return sorted(record.resources.values_list("key", flat=True))
    if isinstance(record, OpenDataset):
        return record.resource_id
    if isinstance(record, DataService):
        return list(record.layers.values_list("title", "name"))
    if isinstance(record, DataResource):
        return sorted(record.system_links.values_list("system__name", "usage"))
    if isinstance(record, Section):
        return record.name
    if isinstance(record, SystemInterface):
        return (record.source.name, record.target.name)
    return sorted(record.resource_links.values_list("resource__key", flat=True))


@pytest.mark.parametrize("slug", [k.slug for k in OWN_RECORDS if k.parent is not None])
def test_a_deleted_record_of_every_kind_is_listed_restored_and_audited(client, staff, slug):
    organization = staff.organization
    kind = KINDS[slug]
    record = _record_of(slug, organization)
    pk, links = record.pk, _links(record)
    events = AuditEvent.objects.filter(user=staff.publisher)
    kind.delete(record, record.version, staff.publisher)
    assert not kind.model._default_manager.filter(pk=pk).exists()
    # A system's interfaces go and come back with it, each audited as a record of its own.
    deleted = events.get(kind=AuditKind.RECORD_DELETE, detail__record=slug)
    assert (deleted.organization, deleted.detail["record"], deleted.detail["key"]) == (organization, slug, record.key)

    client.force_login(staff.publisher)
    page = client.get(reverse("backoffice:deleted", args=[organization.slug]))
    group = next(g for g in page.context["groups"] if g["kind"].name == slug)
    row = next(r for r in group["rows"] if r["row"].id == pk)
    assert record.name in page.content.decode()
    assert client.get(row["history_url"]).status_code == 200
    assert client.post(row["restore_url"]).status_code == 302

    restored = kind.model._default_manager.get(pk=pk)
    assert restored.key == record.key and _links(restored) == links
    event = events.get(kind=AuditKind.RECORD_RESTORE, detail__record=slug)
    assert (event.organization, event.detail["record"], event.detail["key"]) == (organization, slug, record.key)
    assert event.username == staff.publisher.get_username()
    client.force_login(staff.administrator)
    log = client.get(reverse("backoffice:audit", args=[organization.slug])).content.decode()
    assert f"{record.name} ({record.key})" in log


def test_a_section_with_data_resources_is_not_deleted(client, staff):
    client.force_login(staff.publisher)
    org = staff.organization
    section = Section.objects.filter(organization=org, resources__isnull=False).first()
    response = client.post(reverse("backoffice:section_delete", args=[org.slug, section.key]), {"version": "1"})
    assert response.status_code == 302
    assert Section.objects.filter(pk=section.pk).exists()
    assert not AuditEvent.objects.filter(kind=AuditKind.RECORD_DELETE).exists()
