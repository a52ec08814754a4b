from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ..fields import internal
from .base import HistorySnapshot, OrganizationOwned, Responsible


class Process(OrganizationOwned, Responsible):
    """Toimintaprosessi: a business process, linked to data resources and systems.

    Processes nest (`parent`, a sub-process of it) and feed each other: `inputs` are the
    processes whose outputs this one takes in; its outputs are the processes naming it there.
    """

    organization = models.ForeignKey("catalog.Organization", on_delete=models.CASCADE, related_name="processes")
    code = models.CharField(_("code"), max_length=50, blank=True, help_text=_('e.g. "02.03"'))
    name = models.CharField(_("name"), max_length=200)
    parent = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="subprocesses",
        verbose_name=_("parent process"),
    )
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
    inputs = models.ManyToManyField(
        "self", symmetrical=False, blank=True, related_name="outputs", verbose_name=_("inputs from processes")
    )
    links = models.JSONField(_("links"), default=list, blank=True)
    internal_notes = internal(models.TextField(_("internal notes"), blank=True))
    history = HistoricalRecords(m2m_fields=[systems, inputs], bases=[HistorySnapshot])

    translatable_fields = ("name", "purpose")

    class Meta(OrganizationOwned.Meta):
        constraints = [models.UniqueConstraint(fields=["organization", "key"], name="process_key_unique")]
        verbose_name = _("process")
        verbose_name_plural = _("processes")
