"""Reads for reminders: an official's digest (muistutuskooste) and their preference."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone

from varanto.accounts.models import Membership
from varanto.accounts.permissions import PERMISSIONS, Action
from varanto.backoffice.selectors.attention import review_due
from varanto.catalog.models import DataResource, InformationSystem, Organization, ReviewStatus

from .mail import absolute_url
from .models import INTERVALS, Frequency, Reason, ReminderPreference, ReminderSent

# A review due within this many days is mentioned already, so there is time to do it.
REVIEW_LEAD_DAYS = 30


def reminder_preference(user) -> ReminderPreference:
    """The user's preference, or the default one (weekly, in Finnish) unsaved."""
    return ReminderPreference.objects.filter(user=user).first() or ReminderPreference(user=user)


@dataclass(frozen=True)
class DigestItem:
    """One item in a digest: a record, why it is there, and the address of its back-office page."""

    organization: Organization
    kind: str
    object_id: int
    name: str
    reason: Reason
    url: str
    due: datetime.date | None = None
    comment: str = ""


@dataclass
class Digest:
    """Muistutuskooste: what one official is reminded of, in their language."""

    user: Any  # the user model
    preference: ReminderPreference
    items: list[DigestItem] = field(default_factory=list)

    def of_reason(self, reason: Reason) -> list[DigestItem]:
        return [item for item in self.items if item.reason == reason]


# The kind of record a digest item names, and the back-office page it links to.
ITEM_PAGES = {
    DataResource: ("resource", "backoffice:resource_detail"),
    InformationSystem: ("system", "backoffice:system_detail"),
}


def _item(record: DataResource | InformationSystem, reason: Reason, language: str, **extra) -> DigestItem:
    kind, page = ITEM_PAGES[type(record)]
    path = reverse(page, kwargs={"org": record.organization.slug, "key": record.key})
    name, _translated = record.translated("name", language)
    return DigestItem(record.organization, kind, record.pk, name, reason, absolute_url(path), **extra)


def _membership_items(membership: Membership, today: datetime.date, language: str) -> list[DigestItem]:
    organization = membership.organization
    soon = today + datetime.timedelta(days=REVIEW_LEAD_DAYS)
    items = []
    for resource in membership.resources.select_related("organization").order_by("name"):
        if resource.review_status == ReviewStatus.RETURNED:
            items.append(_item(resource, Reason.RETURNED, language, comment=resource.review_comment))
        due = review_due(resource, organization)
        if due is None or due <= soon:
            items.append(_item(resource, Reason.REVIEW_DUE, language, due=due))
    for system in membership.systems.select_related("organization").order_by("name"):
        due = review_due(system, organization)
        if due is None or due <= soon:
            items.append(_item(system, Reason.REVIEW_DUE, language, due=due))
    if membership.role in PERMISSIONS[Action.APPROVE].roles:
        waiting = DataResource.objects.filter(organization=organization, review_status=ReviewStatus.READY_FOR_REVIEW)
        items += [_item(r, Reason.AWAITING_APPROVAL, language) for r in waiting.select_related("organization")]
    return items


def digest_for(user, *, now: datetime.datetime | None = None, fresh_only: bool = True) -> Digest:
    """What the user would be reminded of now, in every organisation where they have a role.

    With `fresh_only`, items they were reminded of for the same reason within their interval are
    left out (what `varanto remind` sends); without it, everything due (the staff's preview).
    """
    now = now or timezone.now()
    preference = reminder_preference(user)
    memberships = Membership.objects.filter(user=user).select_related("organization").order_by("organization__name")
    today, language = timezone.localdate(now), preference.language
    items = [item for membership in memberships for item in _membership_items(membership, today, language)]
    if fresh_only:
        interval = INTERVALS.get(Frequency(preference.frequency))
        if interval is None:
            items = []
        else:
            recent = set(
                ReminderSent.objects.filter(user=user, sent_at__gt=now - interval).values_list(
                    "kind", "object_id", "reason"
                )
            )
            items = [item for item in items if (item.kind, item.object_id, item.reason) not in recent]
    return Digest(user=user, preference=preference, items=items)


def users_to_remind() -> QuerySet:
    """Active users with an e-mail address and a role somewhere who have not turned reminders off."""
    off = ReminderPreference.objects.filter(frequency=Frequency.OFF).values("user_id")
    return (
        get_user_model()
        .objects.filter(is_active=True, memberships__isnull=False)
        .exclude(email="")
        .exclude(pk__in=off)
        .distinct()
        .order_by("pk")
    )
