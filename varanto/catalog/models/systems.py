from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ..fields import internal
from .base import REVIEW_CYCLE_VALIDATORS, HistorySnapshot, OrganizationOwned, Responsible


class InformationSystem(OrganizationOwned, Responsible):
    """Tietojärjestelmä: one record per distinct system across the organisation.

    M-Files used by nine data resources is one system; each resource's link to it may
    carry its own usage (see `ResourceSystem`).
    """

    organization = models.ForeignKey("catalog.Organization", on_delete=models.CASCADE, related_name="systems")
    name = models.CharField(_("name"), max_length=200)
    vendor = models.CharField(_("vendor"), max_length=200, blank=True)
    purpose = models.TextField(_("purpose"), blank=True)
    description = models.TextField(_("description"), blank=True)
    security_measures = internal(models.TextField(_("security measures"), blank=True))
    internal_notes = internal(models.TextField(_("internal notes"), blank=True))
    # A system's change needs no approval: saving one, or confirming it unchanged, is its review.
    last_reviewed = internal(models.DateField(_("last reviewed"), null=True, blank=True))
    review_cycle_months = internal(
        models.PositiveSmallIntegerField(_("review cycle (months)"), default=12, validators=REVIEW_CYCLE_VALIDATORS)
    )
    history = HistoricalRecords(bases=[HistorySnapshot])

    translatable_fields = ("name", "purpose", "description")

    class Meta(OrganizationOwned.Meta):
        constraints = [
            models.UniqueConstraint(fields=["organization", "key"], name="system_key_unique"),
            models.UniqueConstraint(fields=["organization", "name"], name="system_name_unique"),
        ]
        verbose_name = _("information system")
        verbose_name_plural = _("information systems")
