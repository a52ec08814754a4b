"""What every catalogue record shares."""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.signals import pre_create_historical_record


class OrganizationOwned(models.Model):
    """A record that belongs to one organisation (its `organization` foreign key) and is
    addressed by a stable key within it.

    `key` is the record's slug in URLs and in the canonical catalogue format; `version`
    rises by one on every saved edit so that a stale edit can be refused (no lost updates).
    `translations` holds Swedish and English texts: {"sv": {"name": "..."}, "en": {...}};
    Finnish is the field itself.
    """

    key = models.SlugField(_("key"), max_length=120, allow_unicode=False)
    position = models.PositiveIntegerField(_("position"), default=0)
    translations = models.JSONField(_("translations"), default=dict, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    translatable_fields: tuple[str, ...] = ("name",)

    class Meta:
        abstract = True
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return getattr(self, "name", self.key)

    def translated(self, field: str, language: str) -> tuple[str, bool]:
        """The field's text in `language` and whether it is a translation (False: Finnish fallback)."""
        finnish = getattr(self, field)
        if language == "fi":
            return finnish, True
        text = (self.translations.get(language) or {}).get(field, "")
        return (text, True) if text else (finnish, False)


class HistoryStamp(models.Model):
    """A column on every history row: the integration token the change was made with, if any.

    `history_user` is the user the token acts as; this names the token itself ("name (prefix…)"),
    as text so that the row still says it after the token is gone. Set from the write service's
    `Stamp` (catalog.services.common).
    """

    history_integration = models.CharField(_("integration token"), max_length=230, blank=True, default="")

    class Meta:
        abstract = True


@receiver(pre_create_historical_record, dispatch_uid="varanto-history-integration")
def _history_integration(sender, instance, history_instance, **kwargs):
    if isinstance(history_instance, HistoryStamp):
        history_instance.history_integration = getattr(instance, "_history_integration", "")


class HistorySnapshot(HistoryStamp):
    """Extra columns on the history rows of the main records.

    `related` keeps, on the row a deletion leaves, what referred to the record when it was
    deleted (open data sets, processes, system links), so the deletion can be shown and undone.
    """

    related = models.JSONField(default=dict, blank=True)

    class Meta:
        abstract = True


class Responsible(models.Model):
    """Vastuutaho: a job title, or an outside organisation, optionally with its unit."""

    responsible_title = models.CharField(_("responsible (job title)"), max_length=200, blank=True)
    responsible_organization = models.CharField(_("responsible organisation"), max_length=200, blank=True)
    responsible_unit = models.CharField(_("responsible unit"), max_length=200, blank=True)

    class Meta:
        abstract = True

    @property
    def responsible_display(self) -> str:
        main = self.responsible_title or self.responsible_organization
        extra = [p for p in (self.responsible_unit,) if p]
        if self.responsible_title and self.responsible_organization:
            extra.insert(0, self.responsible_organization)
        return f"{main} ({', '.join(extra)})" if extra else main


# Review cycles and agreed review dates: the same bounds on every write path (the field cleaner runs
# these validators), and the JSON Schema's (cycle_months 1–120).
REVIEW_CYCLE_MAX_MONTHS = 120
REVIEW_CYCLE_VALIDATORS = [MinValueValidator(1), MaxValueValidator(REVIEW_CYCLE_MAX_MONTHS)]
NEXT_REVIEW_MAX_YEARS = 10


def review_date_ahead(value: datetime.date) -> None:
    """An agreed review date decades ahead is a typing slip (e.g. 2207 for 2027)."""
    if value.year > timezone.localdate().year + NEXT_REVIEW_MAX_YEARS:
        raise ValidationError(
            _("The review date can be at most %(years)d years ahead."), params={"years": NEXT_REVIEW_MAX_YEARS}
        )
