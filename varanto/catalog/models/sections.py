from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .base import HistoryStamp, OrganizationOwned


class SectionKind(models.TextChoices):
    SECTOR = "sector", _("sector")
    REGIONAL = "regional", _("regional body hosted by the organisation")
    THEME = "theme", _("theme")


class Section(OrganizationOwned):
    """Toimiala / palvelualue: a grouping in the description.

    A sector (Konsernipalvelut), a regional body the organisation hosts together with its
    member municipalities (Imatran seudun ympäristötoimi), or a theme such as open data.
    """

    organization = models.ForeignKey("catalog.Organization", on_delete=models.CASCADE, related_name="sections")
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=SectionKind.choices, default=SectionKind.SECTOR)
    members = models.JSONField(_("member municipalities"), default=list, blank=True)
    description = models.TextField(_("description"), blank=True)
    history = HistoricalRecords(bases=[HistoryStamp])

    translatable_fields = ("name", "description")

    class Meta(OrganizationOwned.Meta):
        constraints = [models.UniqueConstraint(fields=["organization", "key"], name="section_key_unique")]
        verbose_name = _("section")
        verbose_name_plural = _("sections")
