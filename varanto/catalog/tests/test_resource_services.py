import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils import translation

from varanto.catalog.models import DataResource, ReviewStatus
from varanto.catalog.services import (
    EditConflict,
    data_resource_create,
    data_resource_update,
)

from .factories import DataResourceFactory, InformationSystemFactory, ProcessFactory, SectionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def official():
    return get_user_model().objects.create_user("vesihuoltopaallikko", password="x-Salasana-123")


def test_update_changes_only_the_given_fields_and_raises_the_version(official, django_assert_max_num_queries):
    resource = DataResourceFactory(purpose="Vanha", notes="Pysyy")
    updated = data_resource_update(
        resource=resource, data={"purpose": "Uusi käyttötarkoitus"}, expected_version=1, acting_user=official
    )
    resource.refresh_from_db()
    assert (resource.purpose, resource.notes, resource.version) == ("Uusi käyttötarkoitus", "Pysyy", 2)
    assert updated.version == 2


def test_update_marks_the_resource_ready_for_review(official):
    resource = DataResourceFactory(review_status=ReviewStatus.CURRENT)
    data_resource_update(resource=resource, data={"notes": "Lisätieto"}, expected_version=1, acting_user=official)
    resource.refresh_from_db()
    assert resource.review_status == ReviewStatus.READY_FOR_REVIEW


def test_history_records_who_and_why(official):
    resource = DataResourceFactory()
    data_resource_update(resource=resource, data={"notes": "Lisätieto"}, expected_version=1, acting_user=official)
    row = resource.history.order_by("-history_date").first()
    assert row.history_user == official
    assert row.history_change_reason == "edit"
    assert row.notes == "Lisätieto"


def test_update_without_a_change_makes_no_new_version(official):
    resource = DataResourceFactory(purpose="Sama")
    data_resource_update(resource=resource, data={"purpose": "Sama "}, expected_version=1, acting_user=official)
    resource.refresh_from_db()
    assert resource.version == 1
    assert resource.history.count() == 1


def test_stale_edit_raises_conflict_carrying_both_versions(official):
    resource = DataResourceFactory()
    first_session = DataResource.objects.get(pk=resource.pk)
    second_session = DataResource.objects.get(pk=resource.pk)
    data_resource_update(
        resource=first_session, data={"notes": "Ensimmäinen"}, expected_version=1, acting_user=official
    )
    with pytest.raises(EditConflict) as caught:
        data_resource_update(
            resource=second_session, data={"notes": "Toinen"}, expected_version=1, acting_user=official
        )
    assert (caught.value.expected_version, caught.value.current_version) == (1, 2)
    assert caught.value.current.notes == "Ensimmäinen"
    resource.refresh_from_db()
    assert resource.notes == "Ensimmäinen"


def test_list_fields_are_trimmed_and_blank_items_dropped(official):
    resource = DataResourceFactory()
    data_resource_update(
        resource=resource,
        data={"search_criteria": [" diaarinumero ", "", "asianosaisen nimi"]},
        expected_version=1,
        acting_user=official,
    )
    resource.refresh_from_db()
    assert resource.search_criteria == ["diaarinumero", "asianosaisen nimi"]


def test_bad_link_is_refused_naming_the_field_and_row(official):
    resource = DataResourceFactory()
    with translation.override("en"), pytest.raises(ValidationError) as caught:
        data_resource_update(
            resource=resource,
            data={"links": [{"title": "Seloste", "url": "ei osoite", "kind": "privacy_notice"}]},
            expected_version=1,
            acting_user=official,
        )
    assert "links" in caught.value.message_dict
    assert "Row 1" in caught.value.message_dict["links"][0]


def test_review_fields_cannot_be_written_through_an_edit(official):
    resource = DataResourceFactory()
    with pytest.raises(ValidationError) as caught:
        data_resource_update(
            resource=resource, data={"review_status": "current"}, expected_version=1, acting_user=official
        )
    assert "review_status" in caught.value.message_dict


def test_section_of_another_organisation_is_refused(official):
    resource = DataResourceFactory()
    with pytest.raises(ValidationError) as caught:
        data_resource_update(
            resource=resource, data={"section": SectionFactory()}, expected_version=1, acting_user=official
        )
    assert "section" in caught.value.message_dict


def test_systems_are_written_with_their_usage_in_order(official):
    resource = DataResourceFactory()
    keypro = InformationSystemFactory(organization=resource.organization, name="KeyPro")
    mipro = InformationSystemFactory(organization=resource.organization, name="Mipro")
    data_resource_update(
        resource=resource,
        data={"systems": [{"system": mipro, "usage": "tuotanto"}, {"system": keypro, "usage": "verkosto"}]},
        expected_version=1,
        acting_user=official,
    )
    links = [(link.system.name, link.usage) for link in resource.system_links.order_by("position")]
    assert links == [("Mipro", "tuotanto"), ("KeyPro", "verkosto")]
    data_resource_update(
        resource=resource,
        data={"systems": [{"system": keypro, "usage": "verkosto ja kartat"}]},
        expected_version=2,
        acting_user=official,
    )
    assert [(link.system.name, link.usage) for link in resource.system_links.all()] == [
        ("KeyPro", "verkosto ja kartat")
    ]


def test_processes_change_is_one_version_with_one_history_row(official):
    resource = DataResourceFactory()
    process = ProcessFactory(organization=resource.organization)
    data_resource_update(resource=resource, data={"processes": [process]}, expected_version=1, acting_user=official)
    resource.refresh_from_db()
    assert resource.version == 2
    assert resource.history.count() == 2
    latest = resource.history.order_by("-history_date").first()
    assert [row.process_id for row in latest.processes.all()] == [process.pk]


def test_create_gives_a_key_from_the_name_and_one_history_row(official):
    section = SectionFactory()
    system = InformationSystemFactory(organization=section.organization)
    resource = data_resource_create(
        organization=section.organization,
        data={
            "name": "Vesihuolto ja jätevesi",
            "section": section,
            "systems": [{"system": system, "usage": "verkosto"}],
        },
        acting_user=official,
    )
    assert resource.key == "vesihuolto-ja-jatevesi"
    assert resource.review_status == ReviewStatus.READY_FOR_REVIEW
    rows = list(resource.history.all())
    assert [(r.history_type, r.history_change_reason, r.history_user) for r in rows] == [("+", "create", official)]


def test_create_without_a_name_is_refused(official):
    section = SectionFactory()
    with pytest.raises(ValidationError) as caught:
        data_resource_create(organization=section.organization, data={"section": section}, acting_user=official)
    assert "name" in caught.value.message_dict


def test_an_edit_that_does_not_say_its_version_is_refused(official):
    resource = DataResourceFactory()
    with pytest.raises(ValidationError) as caught:
        data_resource_update(resource=resource, data={"notes": "Ohi"}, expected_version=None, acting_user=official)
    assert "version" in caught.value.message_dict
    resource.refresh_from_db()
    assert resource.notes == ""
