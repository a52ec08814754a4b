"""What the back office's import keeps between its steps, and what it remembers of an organisation's documents."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from varanto.catalog.models.organization import OrganizationType


class LabelField(models.TextChoices):
    """The fields of a data resource an unknown label of a document can be mapped to."""

    PURPOSE = "purpose", _("purpose")
    KEY_DATASETS = "key_datasets", _("key data sets")
    SYSTEMS = "systems", _("systems")
    RESPONSIBLE = "responsible", _("responsible")
    SEARCH_CRITERIA = "search_criteria", _("search criteria")
    KEYWORDS = "keywords", _("keywords")
    DISCLOSURE = "disclosure", _("disclosure")
    RETENTION = "retention", _("retention and archiving")
    NOTES = "notes", _("notes (leave as it is)")


class ImportDraft(models.Model):
    """Tuontiluonnos: a description uploaded in the back office, with the corrections made to what was
    recognised in it, kept until it is imported (then deleted). Its size is bounded by the import's limits
    (`interchange.preview.reading.sources_check`)."""

    organization = models.ForeignKey(
        "catalog.Organization", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    # Into a new organisation: its name (empty: the one the document names) and type.
    organization_name = models.CharField(_("new organisation's name"), max_length=200, blank=True)
    organization_type = models.CharField(
        _("type"), max_length=30, choices=OrganizationType.choices, default=OrganizationType.MUNICIPALITY
    )
    sources = models.JSONField(_("uploaded files"), default=list)  # [{"name": str, "data": base64}]
    corrections = models.JSONField(_("corrections"), default=list)  # see interchange.preview.corrections
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["-updated_at"]
        verbose_name = _("import draft")
        verbose_name_plural = _("import drafts")

    def __str__(self) -> str:
        names = ", ".join(source["name"] for source in self.sources)
        return f"{self.organization or self.organization_name or '?'}: {names}"


class ImportLabelMapping(models.Model):
    """Tuontinimikkeen vastine: a label an organisation's documents use ("Tietosisältö:"), mapped to a field
    once in the back office and applied to every later import of the organisation's documents."""

    organization = models.ForeignKey("catalog.Organization", on_delete=models.CASCADE, related_name="import_labels")
    label = models.CharField(_("label"), max_length=100)  # folded: lower case, spaces single, no colon
    field = models.CharField(_("field"), max_length=30, choices=LabelField.choices)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["label"]
        constraints = [models.UniqueConstraint(fields=["organization", "label"], name="import_label_unique")]
        verbose_name = _("import label mapping")
        verbose_name_plural = _("import label mappings")

    def __str__(self) -> str:
        return f"{self.label} → {self.field}"
