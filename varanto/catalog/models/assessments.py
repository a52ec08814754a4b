from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .base import HistoryStamp


class AssessmentSubject(models.TextChoices):
    """What a change impact assessment is about."""

    SYSTEM = "system", _("information system")
    SECTION = "section", _("section")
    RESOURCE = "resource", _("data resource")


class ImpactAssessment(models.Model):
    """Muutosvaikutusten arviointi (§8): a planned change, what it touches, and its assessment.

    The four assessment texts follow the headings of the national recommendation. `affected`
    keeps the impact report as it stood when the assessment was saved, so the record still
    says what was assessed after the model has moved on. The whole record is internal: it is
    part of the working model and never published.
    """

    organization = models.ForeignKey(
        "catalog.Organization", on_delete=models.CASCADE, related_name="impact_assessments"
    )
    subject_kind = models.CharField(_("subject"), max_length=20, choices=AssessmentSubject.choices)
    subject_key = models.CharField(_("subject key"), max_length=120)
    subject_name = models.CharField(_("subject name"), max_length=200)
    title = models.CharField(_("planned change"), max_length=300)
    description = models.TextField(_("description of the change"), blank=True)
    information_management = models.TextField(_("organisation of information management"), blank=True)
    information_security = models.TextField(_("information security"), blank=True)
    data_processing = models.TextField(_("processing and use of data"), blank=True)
    case_management = models.TextField(_("case management"), blank=True)
    affected = models.JSONField(_("affected records"), default=dict, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords(bases=[HistoryStamp])

    HEADINGS = ("information_management", "information_security", "data_processing", "case_management")

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("change impact assessment")
        verbose_name_plural = _("change impact assessments")

    def __str__(self) -> str:
        return self.title
