"""What needs attention: resources returned, waiting for review, overdue for review, or incomplete, and
systems overdue for review; and each resource's one state (`RecordState`), decided here and shown in the
same words everywhere."""

from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from varanto.accounts.permissions import role_of
from varanto.catalog.models import DataResource, InformationSystem, Organization, ReviewStatus

from .completeness import ResourceCompleteness, resource_completeness, resources_for_checks


def add_months(day: datetime.date, months: int) -> datetime.date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def review_due(record: DataResource | InformationSystem, organization: Organization) -> datetime.date | None:
    """When the resource or system is next due for review: a resource's agreed review date until it is
    reviewed on or after it, otherwise its review cycle after it was last reviewed.

    A record never reviewed in Varanto counts from the date of the description it came
    from (the organisation's "updated" date); with neither, it is due now.
    """
    agreed = getattr(record, "next_review", None)  # only a data resource has an agreed review date
    if agreed and (record.last_reviewed is None or record.last_reviewed < agreed):
        return agreed
    base = record.last_reviewed or organization.updated
    return add_months(base, record.review_cycle_months) if base else None


def review_overdue(due: datetime.date | None, today: datetime.date) -> bool:
    return due is None or due < today


@dataclass
class SystemReview:
    """A system's review: when it is next due, and whether that is past (systems have no other state)."""

    system: InformationSystem
    due: datetime.date | None
    overdue: bool


def system_review(system: InformationSystem, organization: Organization) -> SystemReview:
    due = review_due(system, organization)
    return SystemReview(system, due, review_overdue(due, timezone.localdate()))


def overdue_systems(organization: Organization) -> list[SystemReview]:
    """Systems whose review is overdue, the most overdue first."""
    reviews = [system_review(s, organization) for s in InformationSystem.objects.filter(organization=organization)]
    return sorted((r for r in reviews if r.overdue), key=lambda r: r.due or datetime.date.min)


class RecordState(models.TextChoices):
    """Tila: where a data resource is, for the officials who keep it. One per resource, the first that holds:
    returned to its editor, waiting for a reviewer, due for review, or up to date. (Saving sends a change for
    review at once, so no resource rests half-edited.)"""

    RETURNED = "returned", _("Returned for changes")
    AWAITING_REVIEW = "awaiting_review", _("Waiting for review")
    OVERDUE = "overdue", _("Review overdue")
    UP_TO_DATE = "up_to_date", _("Up to date")


@dataclass
class Attention:
    resource: DataResource
    completeness: ResourceCompleteness
    due: datetime.date | None
    overdue: bool

    @property
    def returned(self) -> bool:
        return self.resource.review_status == ReviewStatus.RETURNED

    @property
    def waiting(self) -> bool:
        return self.resource.review_status == ReviewStatus.READY_FOR_REVIEW

    @property
    def state(self) -> RecordState:
        if self.returned:
            return RecordState.RETURNED
        if self.waiting:
            return RecordState.AWAITING_REVIEW
        if self.overdue:
            return RecordState.OVERDUE
        return RecordState.UP_TO_DATE

    @property
    def needs_attention(self) -> bool:
        return self.returned or self.waiting or self.overdue or bool(self.completeness.missing)


def attention_list(organization: Organization, resources=None) -> list[Attention]:
    """Each resource (all of the organisation's, or those of `resources`) with what needs doing."""
    today = timezone.localdate()
    queryset = resources_for_checks(organization)
    if resources is not None:
        queryset = queryset.filter(pk__in=[r.pk for r in resources])
    out = []
    for resource in queryset:
        due = review_due(resource, organization)
        out.append(Attention(resource, resource_completeness(resource, organization), due, review_overdue(due, today)))
    return out


def overdue_list(organization: Organization) -> list[Attention]:
    """Resources whose review is overdue, the most overdue first."""
    items = [a for a in attention_list(organization) if a.overdue]
    return sorted(items, key=lambda a: a.due or datetime.date.min)


def my_resources(user, organization: Organization) -> list[DataResource]:
    """The resources the user is responsible for: an editor's assignments (others' too, if any)."""
    if role_of(user, organization) is None:
        return []
    return list(DataResource.objects.filter(organization=organization, editor_memberships__user=user))


def my_systems(user, organization: Organization) -> list[InformationSystem]:
    """The systems the user is assigned, by name."""
    if role_of(user, organization) is None:
        return []
    return list(
        InformationSystem.objects.filter(organization=organization, editor_memberships__user=user).order_by("name")
    )


def waiting_for_review_count(organization: Organization) -> int:
    return DataResource.objects.filter(organization=organization, review_status=ReviewStatus.READY_FOR_REVIEW).count()
