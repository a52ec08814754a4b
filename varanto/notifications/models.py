"""Reminder preferences and what was reminded of; the public's subscriptions and what they were sent."""

import datetime

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Frequency(models.TextChoices):
    """How often an official is reminded of the same item (muistutusväli), or never."""

    DAILY = "daily", _("daily")
    WEEKLY = "weekly", _("weekly")
    MONTHLY = "monthly", _("monthly")
    OFF = "off", _("no reminders")


INTERVALS = {
    Frequency.DAILY: datetime.timedelta(days=1),
    Frequency.WEEKLY: datetime.timedelta(days=7),
    Frequency.MONTHLY: datetime.timedelta(days=30),
}


class ReminderPreference(models.Model):
    """Muistutusasetus: how often a user is reminded by e-mail, and in which language.

    A user without one is reminded weekly in Finnish (`selectors.reminder_preference`).
    """

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    frequency = models.CharField(_("reminders"), max_length=10, choices=Frequency.choices, default=Frequency.WEEKLY)
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES, default="fi")

    class Meta:
        verbose_name = _("reminder preference")
        verbose_name_plural = _("reminder preferences")

    def __str__(self) -> str:
        return f"{self.user}: {self.get_frequency_display()}"


class Reason(models.TextChoices):
    """Why an item is in an official's digest."""

    REVIEW_DUE = "review_due", _("due for review")
    RETURNED = "returned", _("returned for changes")
    AWAITING_APPROVAL = "awaiting_approval", _("awaiting approval")


class ReminderSent(models.Model):
    """Lähetetty muistutus: when a user was last reminded of one item for one reason.

    An item is mentioned again only once the user's interval has passed since `sent_at`, so
    running `varanto remind` twice sends nothing new. `kind` is the record kind's slug.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    organization = models.ForeignKey("catalog.Organization", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=30)
    object_id = models.PositiveBigIntegerField()
    reason = models.CharField(max_length=30, choices=Reason.choices)
    sent_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "kind", "object_id", "reason"], name="reminder_sent_unique")
        ]
        verbose_name = _("reminder sent")
        verbose_name_plural = _("reminders sent")

    def __str__(self) -> str:
        return f"{self.user} {self.kind}#{self.object_id} {self.reason} {self.sent_at:%Y-%m-%d}"


class Subscription(models.Model):
    """Tilaus: someone of the public asked to hear by e-mail when the organisation publishes.

    Counts only once confirmed (double opt-in: `confirmed_at`); it is deleted when unsubscribed,
    so that no address is kept of anyone who no longer wants the notices.
    """

    organization = models.ForeignKey("catalog.Organization", on_delete=models.CASCADE, related_name="subscriptions")
    email = models.EmailField(_("e-mail"))
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES, default="fi")
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["organization", "email"], name="subscription_unique")]
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")

    def __str__(self) -> str:
        return f"{self.organization}: {self.email}"


class Notice(models.Model):
    """Ilmoitus: that a subscriber was told of a publication; there is one per pair at most."""

    subscription = models.ForeignKey(Subscription, on_delete=models.CASCADE, related_name="notices")
    publication = models.ForeignKey("publications.Publication", on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["subscription", "publication"], name="notice_unique")]

    def __str__(self) -> str:
        return f"{self.subscription} #{self.publication_id}"
