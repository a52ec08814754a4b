"""Integration tokens: how another system signs in to the API, acting as one user account."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class IntegrationToken(models.Model):
    """Rajapinta-avain: a secret an integration sends as `Authorization: Bearer …`.

    The integration acts as `user`, so it has exactly that user's roles (accounts.Membership)
    and its changes are recorded under that user; a token of an organisation (made by its
    administrator in the back office) has the user's role there and nowhere else. Only a digest
    of the secret is kept; the secret itself is shown once, when the token is made
    (services.integration_token_create). It may expire (`expires_at`) and may be read-only
    (`read_only`: the API refuses it every write); history and audit rows name the token.
    """

    name = models.CharField(_("integration"), max_length=200, help_text=_("e.g. the case management system"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="integration_tokens",
        verbose_name=_("acts as user"),
    )
    organization = models.ForeignKey(
        "catalog.Organization",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="integration_tokens",
        verbose_name=_("organisation"),
        help_text=_("the only organisation it works in; empty: all of the user's"),
    )
    prefix = models.CharField(
        _("prefix"), max_length=12, editable=False, help_text=_("the first characters, to recognise it")
    )
    digest = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", editable=False
    )
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True, editable=False)
    expires_at = models.DateTimeField(
        _("expires"), null=True, blank=True, help_text=_("empty: until revoked"), editable=False
    )
    read_only = models.BooleanField(
        _("read only"), default=False, editable=False, help_text=_("may read the working model but change nothing")
    )

    class Meta:
        ordering = ["name", "created_at"]
        verbose_name = _("integration token")
        verbose_name_plural = _("integration tokens")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def expired(self) -> bool:
        return self.expires_at is not None and self.expires_at <= timezone.now()

    @property
    def active(self) -> bool:
        """Not revoked (an expired token is still listed as one to revoke)."""
        return self.revoked_at is None
