"""Bulk editing: one value on many data resources, each with its own history row, all or nothing."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from varanto.accounts.models import AuditEvent, AuditKind
from varanto.accounts.permissions import Action
from varanto.catalog.models import DataResource, ReviewStatus
from varanto.catalog.models.base import NEXT_REVIEW_MAX_YEARS
from varanto.catalog.services import EditConflict, data_resource_review, data_resources_bulk_update

from .factories import DataResourceFactory, OrganizationFactory, SectionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def publisher():
    return get_user_model().objects.create_user("julkaisija")


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


def test_a_review_date_set_on_many_resources_is_kept_through_their_approval(publisher):
    resources = _resources()
    organization = resources[0].organization
    day = timezone.localdate() + datetime.timedelta(days=90)
    data_resources_bulk_update(
        organization=organization,
        versions={r.pk: r.version for r in resources},
        data={"next_review": day, "review_cycle_months": 36},
        acting_user=None,
    )
    event = AuditEvent.objects.get(kind=AuditKind.RECORD_EDIT)
    assert event.detail["fields"] == ["next_review", "review_cycle_months"]
    for resource in resources:
        stored = DataResource.objects.get(pk=resource.pk)
        assert stored.history.filter(history_change_reason="edit:bulk").count() == 1
        approved = data_resource_review(
            resource=stored, action=Action.APPROVE, expected_version=stored.version, acting_user=publisher
        )
        # reviewed today, before the agreed day, so the agreed day stays the next review's (attention.review_due)
        assert (approved.last_reviewed, approved.next_review) == (timezone.localdate(), day)


@pytest.mark.parametrize(
    "value, message",
    [
        (datetime.date(2020, 1, 1), "The review date cannot be in the past."),
        ("2027-03-01", "Enter the review date as a date."),
        ("31.2.2027", "Enter the review date as a date."),
    ],
)
def test_a_review_date_in_the_past_or_not_a_date_is_refused_and_nothing_is_written(value, message):
    resources = _resources(2)
    with translation.override("en"), pytest.raises(ValidationError) as error:
        data_resources_bulk_update(
            organization=resources[0].organization,
            versions={r.pk: r.version for r in resources},
            data={"next_review": value},
            acting_user=None,
        )
    assert error.value.message_dict == {"next_review": [message]}
    assert not DataResource.objects.filter(next_review__isnull=False).exists()
    assert not AuditEvent.objects.filter(kind=AuditKind.RECORD_EDIT).exists()


def test_a_review_date_too_far_ahead_is_refused_in_finnish_and_swedish():
    resources = _resources(1)
    far = timezone.localdate().replace(day=1, year=timezone.localdate().year + NEXT_REVIEW_MAX_YEARS + 1)
    said = {}
    for language in ("fi", "sv", "en"):
        with translation.override(language), pytest.raises(ValidationError) as error:
            data_resources_bulk_update(
                organization=resources[0].organization,
                versions={resources[0].pk: resources[0].version},
                data={"next_review": far},
                acting_user=None,
            )
        said[language] = error.value.message_dict["next_review"][0]
    assert said["en"] == f"The review date can be at most {NEXT_REVIEW_MAX_YEARS} years ahead."
    assert len(set(said.values())) == 3
    assert all(str(NEXT_REVIEW_MAX_YEARS) in text for text in said.values())
