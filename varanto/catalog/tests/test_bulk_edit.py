"""Bulk editing: one value on many data resources, each with its own history row, all or nothing."""

import pytest
from django.core.exceptions import ValidationError

from varanto.accounts.models import AuditEvent, AuditKind
from varanto.catalog.models import DataResource, ReviewStatus
from varanto.catalog.services import EditConflict, data_resources_bulk_update

from .factories import DataResourceFactory, OrganizationFactory, SectionFactory

pytestmark = pytest.mark.django_db


def _resources(count=3):
    first = DataResourceFactory()
    return [first] + [
        DataResourceFactory(organization=first.organization, section=first.section) for _ in range(count - 1)
    ]


def test_a_value_set_on_many_resources_writes_one_history_row_each_and_one_audit_row():
    resources = _resources()
    organization = resources[0].organization
    data_resources_bulk_update(
        organization=organization,
        versions={r.pk: r.version for r in resources},
        data={"disclosure_authority": "kaupunginhallitus", "review_cycle_months": 24},
        acting_user=None,
    )
    for resource in resources:
        stored = DataResource.objects.get(pk=resource.pk)
        assert (stored.disclosure_authority, stored.review_cycle_months) == ("kaupunginhallitus", 24)
        assert stored.version == resource.version + 1
        assert stored.review_status == ReviewStatus.READY_FOR_REVIEW
        assert stored.history.latest().history_change_reason == "edit:bulk"
    event = AuditEvent.objects.get(kind=AuditKind.RECORD_EDIT)
    assert event.detail["fields"] == ["disclosure_authority", "review_cycle_months"]
    assert sorted(event.detail["keys"]) == sorted(r.key for r in resources)


def test_one_resource_changed_since_the_preview_refuses_the_whole_change():
    resources = _resources()
    versions = {r.pk: r.version for r in resources}
    DataResource.objects.filter(pk=resources[-1].pk).update(version=resources[-1].version + 1)
    with pytest.raises(EditConflict):
        data_resources_bulk_update(
            organization=resources[0].organization,
            versions=versions,
            data={"retention_period": "10 v"},
            acting_user=None,
        )
    assert not DataResource.objects.filter(retention_period="10 v").exists()
    assert not AuditEvent.objects.filter(kind=AuditKind.RECORD_EDIT).exists()


def test_another_organisations_resource_or_another_field_is_refused():
    resources = _resources(2)
    organization = resources[0].organization
    stranger = DataResourceFactory()
    versions = {r.pk: r.version for r in [*resources, stranger]}
    with pytest.raises(ValidationError):
        data_resources_bulk_update(
            organization=organization, versions=versions, data={"archiving": ""}, acting_user=None
        )
    with pytest.raises(ValidationError):
        data_resources_bulk_update(
            organization=organization, versions={resources[0].pk: 1}, data={"purpose": "x"}, acting_user=None
        )


def test_a_section_of_another_organisation_is_refused_and_a_bad_value_names_its_field():
    resources = _resources(2)
    versions = {r.pk: r.version for r in resources}
    with pytest.raises(ValidationError):
        data_resources_bulk_update(
            organization=resources[0].organization,
            versions=versions,
            data={"section": SectionFactory(organization=OrganizationFactory())},
            acting_user=None,
        )
    with pytest.raises(ValidationError) as error:
        data_resources_bulk_update(
            organization=resources[0].organization, versions=versions, data={"archiving": "forever"}, acting_user=None
        )
    assert "archiving" in error.value.message_dict
