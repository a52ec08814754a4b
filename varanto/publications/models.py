from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class PublicationQuerySet(models.QuerySet):
    def for_organization(self, organization):
        return self.filter(organization=organization)

    def latest_first(self):
        return self.order_by("-number")

    def served(self):
        """Publications the public may read: every one not withdrawn."""
        return self.filter(withdrawn_at__isnull=True)


class Publication(models.Model):
    """Julkaisu: an immutable, numbered snapshot of the public view of one organisation's model.

    `content` is the catalogue in the canonical format as the public may see it (internal
    fields already left out); public pages, downloads and APIs read only this.
    """

    organization = models.ForeignKey("catalog.Organization", on_delete=models.CASCADE, related_name="publications")
    number = models.PositiveIntegerField(_("number"))
    published_at = models.DateTimeField(_("published"), auto_now_add=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    note = models.TextField(_("note"), blank=True)
    content = models.JSONField(_("content"))
    content_hash = models.CharField(max_length=64, editable=False)
    # Peruttu julkaisu: the only thing that may happen to a publication once made. Its content is
    # kept (the organisation's own record of what was out), but nothing public serves it again.
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    withdrawal_reason = models.TextField(_("reason for withdrawal"), blank=True)

    objects = PublicationQuerySet.as_manager()

    class Meta:
        ordering = ["organization", "-number"]
        constraints = [models.UniqueConstraint(fields=["organization", "number"], name="publication_number_unique")]
        verbose_name = _("publication")
        verbose_name_plural = _("publications")

    def __str__(self) -> str:
        return f"{self.organization} #{self.number}"

    def save(self, *args, **kwargs):
        # Immutability is the point of a publication: a published version is never rewritten
        # (withdrawal is an update of its three withdrawal fields, in `publication_withdraw`).
        if self.pk is not None:
            raise ValueError("A publication cannot be changed once made.")
        super().save(*args, **kwargs)

    @property
    def withdrawn(self) -> bool:
        return self.withdrawn_at is not None
