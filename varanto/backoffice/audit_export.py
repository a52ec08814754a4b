"""The audit log (lokitapahtumat) as CSV, as narrowed on its page: for the organisation's own records or an auditor."""

from __future__ import annotations

from collections.abc import Iterator

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from varanto.accounts.models import AuditEvent
from varanto.core.text import scrubbed
from varanto.interchange.formats.csv import rows_csv

# An export is bounded like every other output: the newest rows up to this many.
AUDIT_EXPORT_MAX_ROWS = 100_000


def _rows(events: QuerySet[AuditEvent]) -> Iterator[list[str]]:
    for event in events[:AUDIT_EXPORT_MAX_ROWS].iterator(chunk_size=2000):
        yield scrubbed(
            [
                timezone.localtime(event.occurred_at).strftime("%d.%m.%Y %H:%M:%S"),
                str(event.get_kind_display()),
                event.username,
                event.integration,
                str(event.summary),
                str((event.detail or {}).get("key", "")),
                event.ip_address or "",
            ]
        )


def audit_csv(events: QuerySet[AuditEvent]) -> bytes:
    headings = [
        _("Time"),
        _("Event"),
        _("User"),
        _("Integration token"),
        _("Details"),
        _("Record key"),
        _("IP address"),
    ]
    return rows_csv(headings, _rows(events))
