from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ..fields import internal
from .base import HistorySnapshot, OrganizationOwned, Responsible


class Process(OrganizationOwned, Responsible):
    """Toimintaprosessi: a business process, linked to data resources and systems."""

    organization = models.ForeignKey("catalog.Organization", on_delete=models.CASCADE, related_name="processes")
    name = models.CharField(_("name"), max_length=200)
    purpose = models.TextField(_("purpose"), blank=True)
    function_class = models.CharField(
        _("function class"), max_length=200, blank=True, help_text=_('Tehtäväluokka, e.g. "00 Hallintoasiat"')
    )
    task_class = models.ForeignKey(
        "catalog.TaskClass",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="processes",
        verbose_name=_("task class"),
    )
    systems = models.ManyToManyField(
        "catalog.InformationSystem", blank=True, related_name="processes", verbose_name=_("information systems")
    )
    links = models.JSONField(_("links"), default=list, blank=True)
    internal_notes = internal(models.TextField(_("internal notes"), blank=True))
    history = HistoricalRecords(m2m_fields=[systems], bases=[HistorySnapshot])

    translatable_fields = ("name", "purpose")

    class Meta(OrganizationOwned.Meta):
        constraints = [models.UniqueConstraint(fields=["organization", "key"], name="process_key_unique")]
        verbose_name = _("process")
        verbose_name_plural = _("processes")
