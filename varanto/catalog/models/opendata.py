from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .base import HistoryStamp, OrganizationOwned


class OpenDataset(OrganizationOwned):
    """Avoin data -aineisto: an open data set the organisation publishes (e.g. on avoindata.fi)."""

    organization = models.ForeignKey("catalog.Organization", on_delete=models.CASCADE, related_name="open_datasets")
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    url = models.URLField(_("address"), max_length=500, blank=True)
    resource = models.ForeignKey(
        "catalog.DataResource", on_delete=models.SET_NULL, null=True, blank=True, related_name="open_datasets"
    )
    produced_externally = models.BooleanField(_("produced from outside sources"), default=False)
    license = models.CharField(_("licence"), max_length=200, blank=True)
    history = HistoricalRecords(bases=[HistoryStamp])

    translatable_fields = ("name", "description")

    class Meta(OrganizationOwned.Meta):
        constraints = [models.UniqueConstraint(fields=["organization", "key"], name="open_dataset_key_unique")]
        verbose_name = _("open data set")
        verbose_name_plural = _("open data sets")


class DataService(OrganizationOwned):
    """Rajapintapalvelu: a data service such as a WMS map service."""

    organization = models.ForeignKey("catalog.Organization", on_delete=models.CASCADE, related_name="data_services")
    name = models.CharField(_("name"), max_length=200)
    service_type = models.CharField(_("service type"), max_length=50, blank=True, help_text=_("e.g. WMS, WFS, REST"))
    endpoint_url = models.URLField(_("endpoint address"), max_length=500, blank=True)
    description = models.TextField(_("description"), blank=True)
    history = HistoricalRecords(bases=[HistoryStamp])

    translatable_fields = ("name", "description")

    class Meta(OrganizationOwned.Meta):
        constraints = [models.UniqueConstraint(fields=["organization", "key"], name="data_service_key_unique")]
        verbose_name = _("data service")
        verbose_name_plural = _("data services")


class ServiceLayer(models.Model):
    """Karttataso: a layer of a data service, with its title and technical name."""

    service = models.ForeignKey(DataService, on_delete=models.CASCADE, related_name="layers")
    title = models.CharField(_("title"), max_length=200)
    name = models.CharField(_("technical name"), max_length=200, blank=True)
    position = models.PositiveIntegerField(default=0)
    history = HistoricalRecords(bases=[HistoryStamp])

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("service layer")
        verbose_name_plural = _("service layers")

    def __str__(self) -> str:
        return f"{self.title} ({self.name})" if self.name else self.title
