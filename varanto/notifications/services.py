"""Writes for notifications: sending officials' reminders, and their preferences.

Each run and each change is audited (accounts' audit log). The public's subscriptions are in
`subscriptions.py`.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from varanto.accounts.models import AuditKind
from varanto.accounts.services import audit_record

from .mail import absolute_url, message_build, messages_send
from .models import Frequency, Reason, ReminderPreference, ReminderSent
from .selectors import Digest, digest_for, users_to_remind

REASON_ORDER = (Reason.REVIEW_DUE, Reason.RETURNED, Reason.AWAITING_APPROVAL)


@dataclass(frozen=True)
class ReminderRun:
    messages: int
    items: int


def digest_message(digest: Digest):
    """The digest as the message its user gets, items grouped by reason."""
    digest.items.sort(key=lambda item: (REASON_ORDER.index(item.reason), item.organization.name, item.name))
    return message_build(
        to=digest.user.email,
        template="digest",
        context={"digest": digest, "preferences_url": absolute_url(reverse("backoffice:reminders"))},
        language=digest.preference.language,
    )


def reminders_send(*, now: datetime.datetime | None = None, batch_size: int = 200) -> ReminderRun:
    """Send every official with something new to be reminded of one digest (`varanto remind`).

    What was sent is recorded per (user, item, reason), so an item comes up again only after the
    user's interval; a message the server refused is not recorded and is tried again next run.
    Users are read in batches, so memory does not grow with their number.
    """
    now = now or timezone.now()
    messages = items = 0
    pks = list(users_to_remind().values_list("pk", flat=True))
    for start in range(0, len(pks), batch_size):
        batch = get_user_model().objects.filter(pk__in=pks[start : start + batch_size]).order_by("pk")
        digests = [d for d in (digest_for(user, now=now) for user in batch) if d.items]
        for digest, sent in zip(digests, messages_send([digest_message(d) for d in digests]), strict=True):
            if sent:
                _reminders_record(digest, now)
                messages, items = messages + 1, items + len(digest.items)
    if messages:
        audit_record(kind=AuditKind.REMINDERS_SENT, messages=messages, items=items)
    return ReminderRun(messages=messages, items=items)


@transaction.atomic
def _reminders_record(digest: Digest, now: datetime.datetime) -> None:
    for item in digest.items:
        ReminderSent.objects.update_or_create(
            user=digest.user,
            kind=item.kind,
            object_id=item.object_id,
            reason=item.reason,
            defaults={"sent_at": now, "organization": item.organization},
        )


@transaction.atomic
def reminder_preference_set(*, user, frequency: Frequency, language: str, acting_user) -> ReminderPreference:
    """Set how often and in which language the user is reminded; audited when it changes."""
    preference, _created = ReminderPreference.objects.get_or_create(user=user)
    if (preference.frequency, preference.language) == (frequency, language):
        return preference
    preference.frequency, preference.language = Frequency(frequency), language
    preference.full_clean()
    preference.save(update_fields=["frequency", "language"])
    audit_record(
        kind=AuditKind.REMINDER_PREFERENCE,
        user=acting_user,
        target=user.get_username(),
        frequency=str(preference.frequency),
        language=language,
    )
    return preference
