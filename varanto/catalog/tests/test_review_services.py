import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils import timezone

from varanto.accounts.permissions import Action
from varanto.catalog.models import ReviewStatus
from varanto.catalog.services import EditConflict, data_resource_review

from .factories import DataResourceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def publisher():
    return get_user_model().objects.create_user("julkaisija")


def test_approve_makes_the_resource_current_and_reviewed_today(publisher):
    resource = DataResourceFactory(
        review_status=ReviewStatus.READY_FOR_REVIEW,
        review_comment="Korjaa nimi",
        last_reviewed=datetime.date(2023, 2, 21),
    )
    data_resource_review(resource=resource, action=Action.APPROVE, expected_version=1, acting_user=publisher)
    resource.refresh_from_db()
    assert resource.review_status == ReviewStatus.CURRENT
    assert resource.last_reviewed == timezone.localdate()
    assert resource.review_comment == ""
    assert resource.history.order_by("-history_date").first().history_change_reason == "approve"


def test_return_needs_a_comment(publisher):
    resource = DataResourceFactory(review_status=ReviewStatus.READY_FOR_REVIEW)
    with pytest.raises(ValidationError) as caught:
        data_resource_review(resource=resource, action=Action.RETURN, expected_version=1, acting_user=publisher)
    assert "review_comment" in caught.value.message_dict
    data_resource_review(
        resource=resource,
        action=Action.RETURN,
        comment="Hakutekijät puuttuvat",
        expected_version=1,
        acting_user=publisher,
    )
    resource.refresh_from_db()
    assert (resource.review_status, resource.review_comment) == (ReviewStatus.RETURNED, "Hakutekijät puuttuvat")


@pytest.mark.parametrize("status", [ReviewStatus.CURRENT, ReviewStatus.RETURNED])
def test_only_a_resource_ready_for_review_can_be_approved(publisher, status):
    resource = DataResourceFactory(review_status=status)
    with pytest.raises(ValidationError):
        data_resource_review(resource=resource, action=Action.APPROVE, expected_version=1, acting_user=publisher)


def test_returned_resource_can_be_sent_for_review_again(publisher):
    resource = DataResourceFactory(review_status=ReviewStatus.RETURNED, review_comment="Lisää hakutekijät")
    data_resource_review(resource=resource, action=Action.SUBMIT, expected_version=1, acting_user=publisher)
    resource.refresh_from_db()
    assert resource.review_status == ReviewStatus.READY_FOR_REVIEW


def test_approving_a_version_that_changed_meanwhile_is_a_conflict(publisher):
    resource = DataResourceFactory(review_status=ReviewStatus.READY_FOR_REVIEW, version=3)
    with pytest.raises(EditConflict):
        data_resource_review(resource=resource, action=Action.APPROVE, expected_version=2, acting_user=publisher)
