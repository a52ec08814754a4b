"""System interfaces as records of their own, and processes with their parent and inputs."""

import importlib

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError

from varanto.catalog.models import Process, SystemInterface
from varanto.catalog.services import (
    information_system_delete,
    interface_create,
    interface_update,
    process_create,
    process_delete,
    process_update,
    record_restore,
)
from varanto.catalog.tests.factories import InformationSystemFactory, OrganizationFactory
from varanto.publications.catalog import PublishedCatalog

pytestmark = pytest.mark.django_db


@pytest.fixture
def systems():
    organization = OrganizationFactory()
    return (
        organization,
        InformationSystemFactory(organization=organization, name="Lupapiste"),
        InformationSystemFactory(organization=organization, name="Arkisto"),
    )


def test_an_interface_is_keyed_by_its_systems_and_refuses_a_system_to_itself(systems):
    organization, lupapiste, arkisto = systems
    interface = interface_create(
        organization=organization, data={"source": lupapiste, "target": arkisto, "method": "api"}, acting_user=None
    )
    assert (interface.key, str(interface)) == ("lupapiste-arkisto", "Lupapiste → Arkisto")
    with pytest.raises(ValidationError) as refused:
        interface_update(interface=interface, data={"target": lupapiste}, expected_version=1, acting_user=None)
    assert "target" in refused.value.message_dict


def test_an_interface_to_a_system_of_another_organisation_is_refused(systems):
    organization, lupapiste, _arkisto = systems
    elsewhere = InformationSystemFactory(organization=OrganizationFactory(), name="Muu")
    with pytest.raises(ValidationError):
        interface_create(organization=organization, data={"source": lupapiste, "target": elsewhere}, acting_user=None)


def test_retiring_a_system_deletes_its_interfaces_as_recorded_and_restoring_it_brings_them_back(systems):
    organization, lupapiste, arkisto = systems
    interface = interface_create(
        organization=organization, data={"source": lupapiste, "target": arkisto, "data": "Päätökset"}, acting_user=None
    )
    references = information_system_delete(system=arkisto, expected_version=arkisto.version, acting_user=None)
    assert references["interfaces"] == [{"id": interface.pk, "name": "Lupapiste → Arkisto"}]
    assert not SystemInterface.objects.exists()
    assert SystemInterface.history.filter(id=interface.pk, history_type="-").exists()

    deletion = arkisto.history.filter(history_type="-").latest("history_date")
    before = arkisto.history.filter(history_type="+").latest("history_date")
    assert deletion.related["interfaces"]
    result = record_restore(model=type(arkisto), pk=arkisto.pk, history_id=before.history_id, acting_user=None)
    assert result.warnings == []
    assert SystemInterface.objects.get(pk=interface.pk).data == "Päätökset"


def test_a_process_is_not_its_own_ancestor_nor_its_own_input(systems):
    organization = systems[0]
    top = process_create(organization=organization, data={"name": "Ylä"}, acting_user=None)
    child = process_create(organization=organization, data={"name": "Ala", "parent": top}, acting_user=None)
    with pytest.raises(ValidationError) as circle:
        process_update(process=top, data={"parent": child}, expected_version=top.version, acting_user=None)
    assert "parent" in circle.value.message_dict
    with pytest.raises(ValidationError) as own:
        process_update(process=child, data={"inputs": [child]}, expected_version=child.version, acting_user=None)
    assert "inputs" in own.value.message_dict


def test_deleting_a_process_unlinks_its_outputs_and_sub_processes_and_restoring_relinks_them(systems):
    organization = systems[0]
    top = process_create(organization=organization, data={"name": "Ylä"}, acting_user=None)
    child = process_create(organization=organization, data={"name": "Ala", "parent": top}, acting_user=None)
    taker = process_create(organization=organization, data={"name": "Jatko", "inputs": [top]}, acting_user=None)
    process_delete(process=top, expected_version=top.version, acting_user=None)
    assert Process.objects.get(pk=child.pk).parent is None
    assert not Process.objects.get(pk=taker.pk).inputs.exists()
    before = Process.history.filter(id=top.pk).exclude(history_type="-").latest("history_date")
    record_restore(model=Process, pk=top.pk, history_id=before.history_id, acting_user=None)
    assert Process.objects.get(pk=child.pk).parent_id == top.pk
    assert list(Process.objects.get(pk=taker.pk).inputs.values_list("pk", flat=True)) == [top.pk]


def test_the_history_of_a_process_keeps_its_inputs_state_by_state(systems):
    from varanto.catalog.services import record_states

    organization = systems[0]
    feeder = process_create(organization=organization, data={"name": "Syöttäjä"}, acting_user=None)
    process = process_create(organization=organization, data={"name": "Käyttäjä"}, acting_user=None)
    process_update(process=process, data={"inputs": [feeder]}, expected_version=1, acting_user=None)
    assert [s.values["inputs"] for s in record_states(Process, process.pk)] == [[], [feeder.pk]]


def test_the_migration_makes_each_interface_a_record_of_its_source_systems_organisation(systems):
    organization, lupapiste, arkisto = systems
    interface = SystemInterface.objects.create(organization=organization, key="vanha", source=lupapiste, target=arkisto)
    migration = importlib.import_module("varanto.catalog.migrations.0007_process_structure_and_interface_records")
    migration.interfaces_as_records(apps, None)
    interface.refresh_from_db()
    assert (interface.organization_id, interface.key) == (organization.pk, "lupapiste-arkisto")


def test_a_publication_made_before_interfaces_were_records_shows_them_on_both_systems():
    content = {
        "organization": {"name": "Kunta"},
        "sections": [],
        "resources": [],
        "systems": [
            {
                "key": "lupapiste",
                "name": "Lupapiste",
                "interfaces": [{"system": "Arkisto", "description": "Päätökset"}],
            },
            {"key": "arkisto", "name": "Arkisto"},
        ],
    }
    published = PublishedCatalog(content)
    [out] = published.system("lupapiste").interfaces
    [incoming] = published.system("arkisto").interfaces
    assert (out.outgoing, out.other_name, out.record["description"]) == (True, "Arkisto", "Päätökset")
    assert (incoming.outgoing, incoming.other_name) == (False, "Lupapiste")
