"""The records management plan (tiedonohjaussuunnitelma, TOS, JHS 191): task classes, the phases and
actions of their handling processes, and the document types those produce.

A task class (tehtäväluokka) holds its handling process's defaults (käsittelyprosessin tiedot); an
action (toimenpide) is a phase when it has no parent; a document type (asiakirjatyyppi) refines the
defaults it is given. The conditional rules of the law and of JHS 191 are `RecordsMetadata.clean`,
so every write path (back office, API, every import) applies them.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ..fields import internal
from .base import HistorySnapshot, OrganizationOwned

PERMANENT = -1  # SailytysajanPituusArvo of permanent retention (pysyvä säilytys)


class PublicityClass(models.TextChoices):
    """JulkisuusluokkaKoodi (JHS 191)."""

    PUBLIC = "1", _("public")
    PARTLY_SECRET = "2", _("partly secret")
    SECRET = "3", _("secret")
    NOT_PUBLIC = "4", _("not public")


SECRET_CLASSES = (PublicityClass.PARTLY_SECRET, PublicityClass.SECRET)


class PersonalDataClass(models.TextChoices):
    """HenkilotietoluonneKoodi (JHS 191)."""

    NONE = "1", _("no personal data")
    CONTAINS = "2", _("contains personal data")
    SPECIAL = "3", _("special categories of personal data")


class ProtectionLevel(models.TextChoices):
    """SuojaustasoKoodi (JHS 191)."""

    ST_I = "1", "ST I"
    ST_II = "2", "ST II"
    ST_III = "3", "ST III"
    ST_IV = "4", "ST IV"


class SecurityClass(models.TextChoices):
    """TurvallisuusluokkaKoodi (JHS 191)."""

    TOP_SECRET = "1", _("top secret")
    SECRET = "2", _("secret (security class)")
    CONFIDENTIAL = "3", _("confidential")
    RESTRICTED = "4", _("restricted")


class RecordsMetadata(models.Model):
    """Käyttörajoitus- ja säilytysaikatiedot: usage restrictions and retention, as JHS 191 gives them at
    the handling-process and the document-type level (the lower level refines the upper)."""

    publicity_class = models.CharField(_("publicity class"), max_length=1, choices=PublicityClass.choices, blank=True)
    secrecy_period = models.PositiveSmallIntegerField(_("secrecy period (years)"), null=True, blank=True)
    secrecy_ground = models.CharField(
        _("secrecy ground"), max_length=300, blank=True, help_text=_('e.g. "JulkL 24.1 § 25 k"')
    )
    secrecy_counting = models.CharField(_("secrecy counted from"), max_length=200, blank=True)
    personal_data = models.CharField(_("personal data"), max_length=1, choices=PersonalDataClass.choices, blank=True)
    protection_level = internal(
        models.CharField(_("protection level"), max_length=1, choices=ProtectionLevel.choices, blank=True)
    )
    security_class = internal(
        models.CharField(_("security class"), max_length=1, choices=SecurityClass.choices, blank=True)
    )
    retention_period = models.SmallIntegerField(
        _("retention period (years)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(PERMANENT)],
        help_text=_("−1 is permanent retention."),
    )
    retention_reason = models.CharField(_("retention reason"), max_length=300, blank=True)
    retention_counting = models.CharField(_("retention counted from"), max_length=200, blank=True)
    system_name = models.CharField(_("information system (as named in the plan)"), max_length=200, blank=True)

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        errors: dict[str, str] = {}
        if self.publicity_class in SECRET_CLASSES:
            label = PublicityClass(self.publicity_class).label
            if not self.secrecy_ground:
                errors["secrecy_ground"] = _("A %(class)s class needs its secrecy ground (e.g. JulkL 24.1 § 25 k).") % {
                    "class": label
                }
            if self.secrecy_period is None:
                errors["secrecy_period"] = _("A %(class)s class needs its secrecy period in years.") % {"class": label}
        if self.retention_period == PERMANENT and self.retention_counting:
            errors["retention_counting"] = _(
                "Permanent retention has no end to count from: clear how the retention period is counted."
            )
        if self.retention_period is not None and not self.retention_reason:
            errors["retention_reason"] = _(
                "A retention period needs its reason (a law or a decision of the National Archives)."
            )
        if errors:
            raise ValidationError(errors)


class TaskClass(OrganizationOwned, RecordsMetadata):
    """Tehtäväluokka: a class of the task classification (e.g. "10 03 03"), with its handling
    process's restrictions and retention (JHS 191 `Luokka` and its `KasittelyprosessiTiedot`)."""

    organization = models.ForeignKey("catalog.Organization", on_delete=models.CASCADE, related_name="task_classes")
    code = models.CharField(_("code"), max_length=40, help_text=_('Luokitustunnus, e.g. "10 03 03"'))
    name = models.CharField(_("title"), max_length=300)
    parent = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent class"),
    )
    description = models.TextField(_("description"), blank=True)
    internal_notes = internal(models.TextField(_("internal notes"), blank=True))
    history = HistoricalRecords(bases=[HistorySnapshot])

    translatable_fields = ("name", "description")

    class Meta(OrganizationOwned.Meta):
        ordering = ["code", "id"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "key"], name="task_class_key_unique"),
            models.UniqueConstraint(fields=["organization", "code"], name="task_class_code_unique"),
        ]
        verbose_name = _("task class")
        verbose_name_plural = _("task classes")

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    def clean(self):
        super().clean()
        if self.parent_id is not None and self.parent_id == self.pk:
            raise ValidationError({"parent": _("A task class cannot be its own parent.")})


class ProcessAction(OrganizationOwned):
    """Toimenpide: a phase of a task class's handling process (no parent) or an action within one
    (JHS 191 `Toimenpidetiedot`); the document types are made in it."""

    organization = models.ForeignKey("catalog.Organization", on_delete=models.CASCADE, related_name="process_actions")
    task_class = models.ForeignKey(
        TaskClass, on_delete=models.CASCADE, related_name="actions", verbose_name=_("task class")
    )
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="children", verbose_name=_("phase")
    )
    name = models.CharField(_("name"), max_length=300)
    action_class = models.CharField(
        _("action class"), max_length=200, blank=True, help_text=_("e.g. vireilletulo, valmistelu, päätöksenteko")
    )
    description = models.TextField(_("description"), blank=True)
    system_name = models.CharField(_("information system (as named in the plan)"), max_length=200, blank=True)
    history = HistoricalRecords(bases=[HistorySnapshot])

    translatable_fields = ("name", "description")

    class Meta(OrganizationOwned.Meta):
        constraints = [models.UniqueConstraint(fields=["organization", "key"], name="process_action_key_unique")]
        # The back office pages through thousands in plan order.
        indexes = [models.Index(fields=["organization", "position", "id"], name="process_action_plan_order")]
        verbose_name = _("phase or action")
        verbose_name_plural = _("phases and actions")

    def clean(self):
        super().clean()
        if self.parent_id is None or self.parent is None:
            return
        if self.parent_id == self.pk:
            raise ValidationError({"parent": _("An action cannot be its own phase.")})
        if self.parent.task_class_id != self.task_class_id:
            raise ValidationError({"parent": _("The phase belongs to another task class's handling process.")})
        if self.parent.parent_id is not None and self.parent.parent is not None and self.parent.parent.parent_id:
            raise ValidationError({"parent": _("Phases and actions nest at most three deep.")})
        if self.parent.document_types.exists():
            raise ValidationError(
                {
                    "parent": _(
                        "%(phase)s has document types of its own; JHS 191 lets it hold actions or document types, not both."
                    )
                    % {"phase": self.parent.name}
                }
            )


class DocumentType(OrganizationOwned, RecordsMetadata):
    """Asiakirjatyyppi (tietoaineisto): what an action produces or receives, with its publicity,
    personal data and retention (JHS 191 `Asiakirjatieto`), and the data resource and system holding it."""

    organization = models.ForeignKey("catalog.Organization", on_delete=models.CASCADE, related_name="document_types")
    action = models.ForeignKey(
        ProcessAction, on_delete=models.CASCADE, related_name="document_types", verbose_name=_("action")
    )
    document_class = models.CharField(
        _("document class"), max_length=200, help_text=_('AsiakirjaluokkaTeksti, e.g. "Päätös"')
    )
    name = models.CharField(_("name"), max_length=300, help_text=_('The specific type, e.g. "Rakennuslupapäätös"'))
    system = models.ForeignKey(
        "catalog.InformationSystem",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="document_types",
        verbose_name=_("information system"),
    )
    resource = models.ForeignKey(
        "catalog.DataResource",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="document_types",
        verbose_name=_("data resource"),
    )
    internal_notes = internal(models.TextField(_("internal notes"), blank=True))
    history = HistoricalRecords(bases=[HistorySnapshot])

    translatable_fields = ("name",)

    class Meta(OrganizationOwned.Meta):
        constraints = [models.UniqueConstraint(fields=["organization", "key"], name="document_type_key_unique")]
        indexes = [models.Index(fields=["organization", "position", "id"], name="document_type_plan_order")]
        verbose_name = _("document type")
        verbose_name_plural = _("document types")

    def __str__(self) -> str:
        return self.name

    def clean(self):
        super().clean()
        if self.action_id is not None and self.action.children.exists():
            raise ValidationError(
                {
                    "action": _("%(action)s has actions of its own; put the document type in one of them.")
                    % {"action": self.action.name}
                }
            )
