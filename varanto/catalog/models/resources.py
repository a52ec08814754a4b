from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ..fields import internal
from .base import (
    REVIEW_CYCLE_VALIDATORS,
    HistorySnapshot,
    HistoryStamp,
    OrganizationOwned,
    Responsible,
    review_date_ahead,
)


class DisclosureLevel(models.TextChoices):
    """How far data of a resource is disclosed (tietojen luovutus)."""

    PUBLIC = "public", _("public")
    PARTIAL = "partial", _("partly, as applicable")
    RESTRICTED = "restricted", _("to named recipients only")
    INTERNAL = "internal", _("internal use only")
    NONE = "none", _("not disclosed")


class ApiAvailability(models.TextChoices):
    """Whether the data is available through a technical interface (tekninen rajapinta)."""

    YES = "yes", _("yes")
    PARTIAL = "partial", _("partly")
    NO = "no", _("no")


class Archiving(models.TextChoices):
    UNKNOWN = "", _("not stated")
    PERMANENT = "permanent", _("kept permanently")
    DESTROY = "destroy", _("destroyed after the retention period")
    MIXED = "mixed", _("partly kept permanently, partly destroyed")


class ReviewStatus(models.TextChoices):
    CURRENT = "current", _("up to date")
    READY_FOR_REVIEW = "ready_for_review", _("ready for review")
    RETURNED = "returned", _("returned for changes")


class DataResource(OrganizationOwned, Responsible):
    """Tietovaranto: a logical whole of data that a function of the organisation uses.

    The fields follow §5 (purpose, responsible, main data groups, disclosures, retention,
    links to processes and systems) and §28 (search criteria, technical interface). List
    fields hold ordered strings; `data_flows` holds [{target, description}] and `links`
    [{title, url, kind}] where kind is "web" or "privacy_notice".
    """

    organization = models.ForeignKey("catalog.Organization", on_delete=models.CASCADE, related_name="resources")
    section = models.ForeignKey(
        "catalog.Section", on_delete=models.PROTECT, related_name="resources", verbose_name=_("section")
    )
    name = models.CharField(_("name"), max_length=200)
    purpose = models.TextField(_("purpose"), blank=True)
    key_datasets = models.JSONField(_("key data sets"), default=list, blank=True)

    disclosure_level = models.CharField(_("disclosure"), max_length=20, choices=DisclosureLevel.choices, blank=True)
    disclosure_recipients = models.JSONField(_("recipients of disclosures"), default=list, blank=True)
    disclosure_text = models.TextField(_("disclosure, as worded"), blank=True)
    disclosure_authority = models.CharField(
        _("authority deciding on disclosure"),
        max_length=300,
        blank=True,
        help_text=_("Leave empty when the organisation's deciding authority applies."),
    )
    api_availability = models.CharField(
        _("technical interface"), max_length=20, choices=ApiAvailability.choices, blank=True
    )
    api_text = models.TextField(_("technical interface, as worded"), blank=True)

    notes = models.TextField(_("notes"), blank=True)
    systems = models.ManyToManyField(
        "catalog.InformationSystem", through="catalog.ResourceSystem", related_name="resources", blank=True
    )
    search_criteria = models.JSONField(_("search criteria"), default=list, blank=True)
    keywords = models.JSONField(_("keywords"), default=list, blank=True)
    partners = models.JSONField(_("partners"), default=list, blank=True)
    data_flows = models.JSONField(_("data flows"), default=list, blank=True)
    links = models.JSONField(_("links"), default=list, blank=True)
    personal_data = models.BooleanField(_("holds personal data"), null=True, blank=True)
    retention_period = models.CharField(_("retention period"), max_length=300, blank=True)
    archiving = models.CharField(_("archiving"), max_length=20, choices=Archiving.choices, blank=True)
    retention_text = models.TextField(_("retention and archiving, as worded"), blank=True)
    processes = models.ManyToManyField(
        "catalog.Process", blank=True, related_name="resources", verbose_name=_("processes")
    )

    security_measures = internal(models.TextField(_("security measures"), blank=True))
    internal_notes = internal(models.TextField(_("internal notes"), blank=True))

    review_status = internal(
        models.CharField(_("review status"), max_length=20, choices=ReviewStatus.choices, default=ReviewStatus.CURRENT)
    )
    review_comment = internal(models.TextField(_("review comment"), blank=True))
    # Aloitusmallin luonnos: made from the starter model, not yet confirmed by an official; kept out
    # of the public view until a publisher approves it (`interchange.starter`).
    starter_draft = internal(models.BooleanField(_("starter model draft"), default=False))
    last_reviewed = internal(models.DateField(_("last reviewed"), null=True, blank=True))
    review_cycle_months = internal(
        models.PositiveSmallIntegerField(_("review cycle (months)"), default=12, validators=REVIEW_CYCLE_VALIDATORS)
    )
    # A review date agreed for the resource (e.g. set on a section at once in a bulk edit); it stands
    # until the resource is reviewed on or after it, then the review cycle counts again.
    next_review = internal(
        models.DateField(_("next review date"), null=True, blank=True, validators=[review_date_ahead])
    )

    history = HistoricalRecords(m2m_fields=[processes], bases=[HistorySnapshot])

    translatable_fields = ("name", "purpose", "notes")

    class Meta(OrganizationOwned.Meta):
        constraints = [models.UniqueConstraint(fields=["organization", "key"], name="resource_key_unique")]
        verbose_name = _("data resource")
        verbose_name_plural = _("data resources")


class ResourceSystem(models.Model):
    """A data resource's use of an information system, with its usage (e.g. "verkosto" for KeyPro)."""

    resource = models.ForeignKey(DataResource, on_delete=models.CASCADE, related_name="system_links")
    system = models.ForeignKey("catalog.InformationSystem", on_delete=models.PROTECT, related_name="resource_links")
    usage = models.CharField(_("usage"), max_length=300, blank=True)
    position = models.PositiveIntegerField(default=0)
    history = HistoricalRecords(bases=[HistoryStamp])

    class Meta:
        ordering = ["position", "id"]
        constraints = [models.UniqueConstraint(fields=["resource", "system"], name="resource_system_unique")]
        verbose_name = _("system used by a data resource")
        verbose_name_plural = _("systems used by data resources")

    def __str__(self) -> str:
        return f"{self.resource} – {self.system}" + (f" ({self.usage})" if self.usage else "")
