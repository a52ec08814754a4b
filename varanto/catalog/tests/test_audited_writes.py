"""Every write is in the audit log: records created and edited, review moves, restores; an import as one row."""

import pytest
from django.contrib.auth import get_user_model
from django.utils import translation

from varanto.accounts.models import AuditEvent, AuditKind
from varanto.accounts.permissions import Action
from varanto.catalog.models import DataResource, ReviewStatus
from varanto.catalog.services import (
    data_resource_review,
    data_resource_update,
    impact_assessment_create,
    record_restore,
    section_create,
    section_update,
)

from .factories import DataResourceFactory, OrganizationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def official():
    return get_user_model().objects.create_user("kirjaaja")


def _rows(kind):
    return [(e.username, e.detail["record"], e.detail["key"]) for e in AuditEvent.objects.filter(kind=kind)]


def test_creating_and_editing_a_record_are_audited_naming_it_and_the_fields_changed(official):
    organization = OrganizationFactory()
    section = section_create(organization=organization, data={"name": "Tekninen toimi"}, acting_user=official)
    section_update(section=section, data={"name": "Tekniset palvelut"}, expected_version=1, acting_user=official)
    assert _rows(AuditKind.RECORD_CREATE) == [("kirjaaja", "section", section.key)]
    edit = AuditEvent.objects.get(kind=AuditKind.RECORD_EDIT)
    assert (edit.organization, edit.detail["fields"]) == (organization, ["name"])
    assert "Tekniset palvelut" in edit.summary


def test_an_edit_that_changes_nothing_is_not_audited(official):
    resource = DataResourceFactory()
    data_resource_update(resource=resource, data={"name": resource.name}, expected_version=1, acting_user=official)
    assert not AuditEvent.objects.filter(kind=AuditKind.RECORD_EDIT).exists()


def test_each_review_move_is_audited_and_a_return_keeps_its_comment(official):
    resource = DataResourceFactory(review_status=ReviewStatus.READY_FOR_REVIEW)
    data_resource_review(
        resource=resource, action=Action.RETURN, expected_version=1, acting_user=official, comment="Lisää peruste"
    )
    data_resource_review(resource=resource, action=Action.SUBMIT, expected_version=2, acting_user=official)
    data_resource_review(resource=resource, action=Action.APPROVE, expected_version=3, acting_user=official)
    kinds = list(AuditEvent.objects.order_by("id").values_list("kind", flat=True))
    assert kinds == [AuditKind.CHANGE_RETURNED, AuditKind.REVIEW_SUBMITTED, AuditKind.CHANGE_APPROVED]
    returned = AuditEvent.objects.get(kind=AuditKind.CHANGE_RETURNED)
    assert returned.summary.endswith(": Lisää peruste")
    # The moves are not audited again as edits.
    assert not AuditEvent.objects.filter(kind=AuditKind.RECORD_EDIT).exists()


def test_restoring_a_version_is_audited_once_as_a_restore(official):
    resource = DataResourceFactory()
    data_resource_update(resource=resource, data={"purpose": "Väärin"}, expected_version=1, acting_user=official)
    first = resource.history.order_by("history_date").first()
    record_restore(model=DataResource, pk=resource.pk, history_id=first.history_id, acting_user=official)
    kinds = list(AuditEvent.objects.order_by("id").values_list("kind", flat=True))
    assert kinds == [AuditKind.RECORD_EDIT, AuditKind.RECORD_RESTORE]


def test_an_import_is_one_audit_row_not_one_per_record(imatra):
    assert AuditEvent.objects.filter(kind=AuditKind.CATALOG_IMPORT, organization=imatra).count() == 1
    assert not AuditEvent.objects.filter(kind__in=[AuditKind.RECORD_CREATE, AuditKind.RECORD_EDIT]).exists()


def test_an_impact_assessment_is_audited_under_its_own_name(official):
    organization = OrganizationFactory()
    assessment = impact_assessment_create(
        organization=organization,
        subject_kind="system",
        subject_key="asianhallinta",
        subject_name="Asianhallinta",
        affected={},
        data={"title": "Uusi asianhallinta"},
        acting_user=official,
    )
    created = AuditEvent.objects.get(kind=AuditKind.RECORD_CREATE)
    with translation.override("fi"):
        assert created.summary == f"Muutosvaikutusten arviointi {assessment}"
