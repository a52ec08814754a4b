import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError

from varanto.catalog.models import DataResource, InformationSystem, OpenDataset, ReviewStatus
from varanto.catalog.services import (
    EditConflict,
    data_resource_delete,
    data_resource_update,
    deleted_records,
    information_system_delete,
    organization_update,
    record_restore,
    record_states,
)

from .factories import DataResourceFactory, InformationSystemFactory, ProcessFactory, ResourceSystemFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def user():
    return get_user_model().objects.create_user("tietohallinto")


def _history_id(record, version):
    return type(record).history.filter(id=record.pk, version=version).order_by("history_date").first().history_id


def test_states_hold_fields_and_systems_version_by_version(user):
    link = ResourceSystemFactory(usage="verkosto")
    resource = link.resource
    other = InformationSystemFactory(organization=resource.organization)
    data_resource_update(
        resource=resource,
        data={"purpose": "Uusi", "systems": [{"system": other, "usage": ""}]},
        expected_version=1,
        acting_user=user,
    )
    states = record_states(DataResource, resource.pk)
    assert [s.values["systems"] for s in states] == [
        [{"system": link.system_id, "usage": "verkosto"}],
        [{"system": other.pk, "usage": ""}],
    ]
    assert states[1].values["purpose"] == "Uusi"
    assert states[1].row.history_user == user


def test_imported_catalogue_states_include_the_imported_systems(imatra):
    vesihuolto = DataResource.objects.get(organization=imatra, key="vesihuolto")
    first = record_states(DataResource, vesihuolto.pk)[0]
    usages = [s["usage"] for s in first.values["systems"]]
    assert "verkosto" in usages and len(usages) == 6


def test_restore_brings_back_fields_and_links_as_a_recorded_change(user):
    link = ResourceSystemFactory(usage="verkosto")
    resource = link.resource
    process = ProcessFactory(organization=resource.organization)
    data_resource_update(
        resource=resource,
        data={"purpose": "Muutettu", "systems": [], "processes": [process]},
        expected_version=1,
        acting_user=user,
    )
    result = record_restore(
        model=DataResource, pk=resource.pk, history_id=_history_id(resource, 1), acting_user=user, expected_version=2
    )
    resource.refresh_from_db()
    assert resource.purpose == "Testitietovarannon käyttötarkoitus"
    assert [(each.system_id, each.usage) for each in resource.system_links.all()] == [(link.system_id, "verkosto")]
    assert list(resource.processes.all()) == []
    assert resource.version == 3
    assert resource.review_status == ReviewStatus.READY_FOR_REVIEW
    latest = resource.history.order_by("-history_date").first()
    assert (latest.history_change_reason, latest.history_user) == ("restore:1", user)
    assert set(result.changed) >= {"purpose", "systems", "processes"}


def test_restore_from_a_stale_page_is_a_conflict(user):
    resource = DataResourceFactory()
    data_resource_update(resource=resource, data={"notes": "A"}, expected_version=1, acting_user=user)
    data_resource_update(resource=resource, data={"notes": "B"}, expected_version=2, acting_user=user)
    with pytest.raises(EditConflict):
        record_restore(
            model=DataResource,
            pk=resource.pk,
            history_id=_history_id(resource, 1),
            acting_user=user,
            expected_version=2,
        )


def test_delete_records_what_referred_to_the_resource_and_restore_recovers_it(user):
    link = ResourceSystemFactory(usage="tarkastaja")
    resource = link.resource
    dataset = OpenDataset.objects.create(
        organization=resource.organization, key="ostolaskut", name="Ostolaskut", resource=resource
    )
    references = data_resource_delete(resource=resource, expected_version=1, acting_user=user)
    assert references["systems"][0]["usage"] == "tarkastaja"
    assert references["open_datasets"] == [{"id": dataset.pk, "name": "Ostolaskut"}]
    assert not DataResource.objects.filter(pk=resource.pk).exists()
    gone = deleted_records(DataResource, resource.organization)
    assert [row.id for row in gone] == [resource.pk]
    assert gone[0].related["open_datasets"][0]["name"] == "Ostolaskut"
    assert gone[0].history_user == user

    last_live = record_states(DataResource, resource.pk)[-2]
    result = record_restore(model=DataResource, pk=resource.pk, history_id=last_live.row.history_id, acting_user=user)
    restored = DataResource.objects.get(pk=resource.pk)
    assert restored.name == resource.name
    assert [(each.system_id, each.usage) for each in restored.system_links.all()] == [(link.system_id, "tarkastaja")]
    dataset.refresh_from_db()
    assert dataset.resource_id == resource.pk
    assert restored.version == 2
    assert result.warnings == []
    assert deleted_records(DataResource, resource.organization) == []


def test_restoring_the_deletion_row_itself_is_refused(user):
    resource = DataResourceFactory()
    data_resource_delete(resource=resource, expected_version=1, acting_user=user)
    deletion = deleted_records(DataResource, resource.organization)[0]
    with pytest.raises(ValidationError):
        record_restore(model=DataResource, pk=resource.pk, history_id=deletion.history_id, acting_user=user)


def test_deleting_a_system_unlinks_it_in_each_resource_history_and_restore_relinks(user):
    link = ResourceSystemFactory(usage="päivähoito")
    resource, system = link.resource, link.system
    process = ProcessFactory(organization=resource.organization)
    process.systems.add(system)
    references = information_system_delete(system=system, expected_version=1, acting_user=user)
    assert references["resources"][0]["usage"] == "päivähoito"
    resource.refresh_from_db()
    assert resource.system_links.count() == 0
    assert resource.version == 2
    assert resource.history.order_by("-history_date").first().history_change_reason == f"system-deleted:{system.name}"
    assert process.systems.count() == 0

    last_live = record_states(InformationSystem, system.pk)[-2]
    result = record_restore(
        model=InformationSystem, pk=system.pk, history_id=last_live.row.history_id, acting_user=user
    )
    assert result.warnings == []
    assert [(each.system_id, each.usage) for each in resource.system_links.all()] == [(system.pk, "päivähoito")]
    assert list(process.systems.all()) == [InformationSystem.objects.get(pk=system.pk)]


def test_restore_leaves_out_links_to_records_that_no_longer_exist_and_says_so(user):
    link = ResourceSystemFactory()
    resource, system = link.resource, link.system
    data_resource_update(resource=resource, data={"systems": []}, expected_version=1, acting_user=user)
    information_system_delete(system=system, expected_version=1, acting_user=user)
    result = record_restore(model=DataResource, pk=resource.pk, history_id=_history_id(resource, 1), acting_user=user)
    assert len(result.warnings) == 1
    assert resource.system_links.count() == 0


def test_organisation_contacts_are_restored_with_it(imatra, user):
    before = list(imatra.contacts.values_list("name", flat=True))
    organization_update(
        organization=imatra,
        data={
            "contacts": [{"name": "Uusi Henkilö", "title": "arkistonhoitaja"}],
            "deciding_authority": "kaupunginhallitus",
        },
        expected_version=imatra.version,
        acting_user=user,
    )
    imatra.refresh_from_db()
    assert list(imatra.contacts.values_list("name", flat=True)) == ["Uusi Henkilö"]
    first = imatra.history.order_by("history_date").first()
    record_restore(model=type(imatra), pk=imatra.pk, history_id=first.history_id, acting_user=user)
    imatra.refresh_from_db()
    assert list(imatra.contacts.values_list("name", flat=True)) == before
    assert imatra.deciding_authority == ""
