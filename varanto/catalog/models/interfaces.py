"""System interfaces (liittymät): records of their own, as §5's "interfaces to other systems"."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ..fields import internal
from .base import HistorySnapshot, OrganizationOwned


class TransferMethod(models.TextChoices):
    """Siirtotapa: how data moves between the two systems."""

    API = "api", _("interface (API)")
    FILE_TRANSFER = "file_transfer", _("file transfer")
    DATABASE = "database", _("database connection")
    MESSAGE = "message", _("messaging")
    MANUAL = "manual", _("manual")
    OTHER = "other", _("other")


class Direction(models.TextChoices):
    """Suunta: from the source to the target only, or both ways."""

    ONE_WAY = "one_way", _("one way (from → to)")
    BOTH_WAYS = "both_ways", _("both ways")


class SystemInterface(OrganizationOwned):
    """Liittymä: data moving from one information system to another.

    `source` and `target` are systems of the same organisation; deleting either deletes the
    interface as a recorded deletion (see `catalog.services.interfaces`), never silently.
    """

    organization = models.ForeignKey("catalog.Organization", on_delete=models.CASCADE, related_name="interfaces")
    name = models.CharField(_("name"), max_length=200, blank=True)
    source = models.ForeignKey(
        "catalog.InformationSystem",
        on_delete=models.PROTECT,
        related_name="interfaces",
        verbose_name=_("from system"),
    )
    target = models.ForeignKey(
        "catalog.InformationSystem",
        on_delete=models.PROTECT,
        related_name="incoming_interfaces",
        verbose_name=_("to system"),
    )
    method = models.CharField(_("transfer method"), max_length=20, choices=TransferMethod.choices, blank=True)
    direction = models.CharField(
        _("direction"), max_length=20, choices=Direction.choices, default=Direction.ONE_WAY, blank=True
    )
    data = models.TextField(_("main data transferred"), blank=True)
    personal_data = models.BooleanField(_("personal data moves"), null=True, blank=True)
    description = models.TextField(_("description"), blank=True)
    internal_notes = internal(models.TextField(_("internal notes"), blank=True))
    history = HistoricalRecords(bases=[HistorySnapshot])

    translatable_fields = ("name", "data", "description")

    class Meta(OrganizationOwned.Meta):
        constraints = [models.UniqueConstraint(fields=["organization", "key"], name="interface_key_unique")]
        verbose_name = _("system interface")
        verbose_name_plural = _("system interfaces")

    def __str__(self) -> str:
        return self.name or f"{self.source} → {self.target}"
