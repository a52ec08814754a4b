"""Bulk editing (joukkomuokkaus): one value set on many data resources at once.

Each resource goes through `data_resource_update`, so the value rules, the review workflow (it
becomes ready for review) and the lost-update check apply as to any edit, and each gets its own
history row; the whole change is one transaction and one audit row. A resource that moved on
since the preview refuses the whole change.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from varanto.accounts.models import AuditKind
from varanto.accounts.services import audit_record
from varanto.catalog.models import DataResource, Organization
from varanto.catalog.models.base import review_date_ahead

from .resources import data_resource_update

# The fields staff may set on many resources at once: who decides, keeps and answers for them.
BULK_FIELDS = (
    "disclosure_authority",
    "retention_period",
    "archiving",
    "review_cycle_months",
    "next_review",
    "responsible_title",
    "responsible_unit",
    "section",
)
BULK_REASON = "edit:bulk"


def _next_review_check(value) -> None:
    """A bulk edit also refuses a date already past, which would make every chosen resource overdue at once;
    one resource's edit or an import may record a past date (it is due now). Every path refuses a date
    decades ahead (`review_date_ahead`)."""
    if value is None:
        return
    if not isinstance(value, datetime.date) or isinstance(value, datetime.datetime):
        raise ValidationError({"next_review": _("Enter the review date as a date.")})
    if value < timezone.localdate():
        raise ValidationError({"next_review": _("The review date cannot be in the past.")})
    try:
        review_date_ahead(value)
    except ValidationError as exc:
        raise ValidationError({"next_review": exc.messages}) from exc


def bulk_data_check(data: dict) -> None:
    """Raise ValidationError unless `data` sets fields of `BULK_FIELDS` to values a bulk edit may set
    (the preview asks before showing the change; each resource's own rules apply when it is saved)."""
    if not data or set(data) - set(BULK_FIELDS):
        raise ValidationError(_("Bulk editing sets one of: %(fields)s.") % {"fields": ", ".join(BULK_FIELDS)})
    if "next_review" in data:
        _next_review_check(data["next_review"])


@transaction.atomic
def data_resources_bulk_update(
    *, organization: Organization, versions: dict[int, int], data: dict, acting_user
) -> list[DataResource]:
    """Set `data` (fields of `BULK_FIELDS`) on the resources whose ids are the keys of `versions`,
    each as edited from its version there. Raises EditConflict (nothing written) if any moved on,
    ValidationError for another field, a resource of another organisation, or a bad value."""
    bulk_data_check(data)
    resources = list(DataResource.objects.filter(organization=organization, pk__in=versions).order_by("pk"))
    if not resources or len(resources) != len(versions):
        raise ValidationError(_("Choose the data resources to change among the organisation's own."))
    updated = [
        data_resource_update(
            resource=resource,
            data=data,
            expected_version=versions[resource.pk],
            acting_user=acting_user,
            reason=BULK_REASON,
        )
        for resource in resources
    ]
    audit_record(
        kind=AuditKind.RECORD_EDIT,
        user=acting_user,
        organization=organization,
        bulk=True,
        fields=sorted(data),
        keys=[resource.key for resource in updated],
    )
    return updated
