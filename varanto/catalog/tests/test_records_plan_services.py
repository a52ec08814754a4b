"""The records management plan's write services apply the law's and JHS 191's conditional rules, with
messages naming the field, and keep the plan a tree within one organisation."""

import pytest
from django.core.exceptions import ValidationError

from varanto.catalog.models import TaskClass
from varanto.catalog.services.documents import document_type_create, document_type_update
from varanto.catalog.services.tasks import (
    action_create,
    action_delete,
    task_class_create,
    task_class_delete,
    task_class_update,
)
from varanto.catalog.tests.factories import (
    DocumentTypeFactory,
    InformationSystemFactory,
    OrganizationFactory,
    ProcessActionFactory,
    TaskClassFactory,
)

pytestmark = pytest.mark.django_db


def _errors(raised) -> dict:
    return raised.value.message_dict


def test_a_secret_class_needs_its_secrecy_ground_and_period(settings):
    settings.LANGUAGE_CODE = "en"
    organization = OrganizationFactory()
    with pytest.raises(ValidationError) as raised:
        task_class_create(
            organization=organization,
            data={"code": "05 01", "name": "Lastensuojelu", "publicity_class": "3"},
            acting_user=None,
        )
    assert _errors(raised)["secrecy_ground"] == ["A secret class needs its secrecy ground (e.g. JulkL 24.1 § 25 k)."]
    assert _errors(raised)["secrecy_period"] == ["A secret class needs its secrecy period in years."]
    task_class = task_class_create(
        organization=organization,
        data={
            "code": "05 01",
            "name": "Lastensuojelu",
            "publicity_class": "3",
            "secrecy_ground": "JulkL 24.1 § 25 k",
            "secrecy_period": 100,
        },
        acting_user=None,
    )
    assert (task_class.key, task_class.version) == ("05-01", 1)


def test_permanent_retention_has_no_end_to_count_and_a_period_needs_its_reason():
    document = DocumentTypeFactory()
    with pytest.raises(ValidationError) as raised:
        document_type_update(
            document_type=document,
            data={"retention_period": -1, "retention_reason": "KA päätös", "retention_counting": "Asian ratkaisu"},
            expected_version=1,
            acting_user=None,
        )
    assert list(_errors(raised)) == ["retention_counting"]
    with pytest.raises(ValidationError) as raised:
        document_type_update(
            document_type=document, data={"retention_period": 10}, expected_version=1, acting_user=None
        )
    assert list(_errors(raised)) == ["retention_reason"]
    with pytest.raises(ValidationError):
        document_type_update(
            document_type=document,
            data={"retention_period": -2, "retention_reason": "x"},
            expected_version=1,
            acting_user=None,
        )
    document_type_update(
        document_type=document,
        data={"retention_period": -1, "retention_reason": "KA/13089/07.01.01.03.01/2008"},
        expected_version=1,
        acting_user=None,
    )
    document.refresh_from_db()
    assert (document.retention_period, document.version) == (-1, 2)


def test_the_classification_stays_a_tree():
    parent = TaskClassFactory(code="10")
    child = TaskClassFactory(organization=parent.organization, code="10 01", parent=parent)
    with pytest.raises(ValidationError) as raised:
        task_class_update(task_class=parent, data={"parent": child}, expected_version=1, acting_user=None)
    assert "parent" in _errors(raised)
    assert TaskClass.objects.get(pk=parent.pk).parent is None


def test_an_action_holds_actions_or_document_types_not_both():
    document = DocumentTypeFactory()
    phase = document.action
    with pytest.raises(ValidationError) as raised:
        action_create(
            organization=phase.organization,
            data={"task_class": phase.task_class, "parent": phase, "name": "Käsittely"},
            acting_user=None,
        )
    assert "parent" in _errors(raised)
    holder = ProcessActionFactory(organization=phase.organization, task_class=phase.task_class)
    ProcessActionFactory(organization=phase.organization, task_class=phase.task_class, parent=holder)
    with pytest.raises(ValidationError) as raised:
        document_type_create(
            organization=phase.organization,
            data={"action": holder, "document_class": "Päätös", "name": "Päätös"},
            acting_user=None,
        )
    assert "action" in _errors(raised)


def test_a_phase_belongs_to_the_class_of_its_actions():
    phase = ProcessActionFactory()
    other = TaskClassFactory(organization=phase.organization)
    with pytest.raises(ValidationError) as raised:
        action_create(
            organization=phase.organization,
            data={"task_class": other, "parent": phase, "name": "Väärä"},
            acting_user=None,
        )
    assert "parent" in _errors(raised)


def test_records_of_another_organisation_are_refused():
    action = ProcessActionFactory()
    stranger = InformationSystemFactory()
    with pytest.raises(ValidationError) as raised:
        document_type_create(
            organization=action.organization,
            data={"action": action, "document_class": "Päätös", "name": "Päätös", "system": stranger},
            acting_user=None,
        )
    assert "system" in _errors(raised)


def test_what_holds_the_plan_below_it_is_not_deleted():
    document = DocumentTypeFactory()
    action = document.action
    with pytest.raises(ValidationError):
        action_delete(action=action, expected_version=action.version, acting_user=None)
    with pytest.raises(ValidationError):
        task_class_delete(task_class=action.task_class, expected_version=1, acting_user=None)
    assert TaskClass.objects.filter(pk=action.task_class_id).exists()
