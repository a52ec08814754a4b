"""Staff roles per organisation, editors' assignments, and the audit log."""

from django.apps import apps
from django.conf import settings
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from varanto.catalog import declarations


class Role(models.TextChoices):
    """A staff member's role in one organisation (what each may do: `permissions.PERMISSIONS`)."""

    ADMINISTRATOR = "administrator", _("administrator")
    PUBLISHER = "publisher", _("publisher")
    EDITOR = "editor", _("editor")
    VIEWER = "viewer", _("viewer")


class Membership(models.Model):
    """Jäsenyys: a user's role in an organisation; an editor also has the records assigned to them."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    organization = models.ForeignKey("catalog.Organization", on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    resources = models.ManyToManyField(
        "catalog.DataResource", blank=True, related_name="editor_memberships", verbose_name=_("assigned data resources")
    )
    systems = models.ManyToManyField(
        "catalog.InformationSystem",
        blank=True,
        related_name="editor_memberships",
        verbose_name=_("assigned information systems"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["organization", "user__username"]
        constraints = [models.UniqueConstraint(fields=["user", "organization"], name="membership_unique")]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")

    def __str__(self) -> str:
        return f"{self.user} – {self.organization}: {self.get_role_display()}"


class SsoIdentity(models.Model):
    """Kertakirjautumistunniste: the identity provider's account (issuer + subject) a user signs in as.

    A user is found by this pair, never again by e-mail once linked, so an address changed or reused
    at the provider cannot take over another official's account.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sso_identities")
    issuer = models.CharField(_("issuer"), max_length=300)
    subject = models.CharField(_("subject"), max_length=255)
    email = models.EmailField(_("e-mail at the provider"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_sign_in = models.DateTimeField(_("last sign-in"), null=True, blank=True)

    class Meta:
        ordering = ["issuer", "subject"]
        constraints = [
            models.UniqueConstraint(fields=["issuer", "subject"], name="sso_identity_unique"),
            models.UniqueConstraint(fields=["user", "issuer"], name="sso_identity_one_per_issuer"),
        ]
        verbose_name = _("single sign-on identity")
        verbose_name_plural = _("single sign-on identities")

    def __str__(self) -> str:
        return f"{self.user} – {self.issuer} {self.subject}"


class AuditKind(models.TextChoices):
    SIGN_IN = "sign_in", _("signed in")
    SIGN_IN_FAILED = "sign_in_failed", _("failed sign-in")
    SIGN_IN_LOCKED_OUT = "sign_in_locked_out", _("sign-in locked out")
    SIGN_OUT = "sign_out", _("signed out")
    PUBLICATION = "publication", _("publication")
    PUBLICATION_WITHDRAWN = "publication_withdrawn", _("publication withdrawn")
    ROLE_CHANGE = "role_change", _("role change")
    TOKEN_CREATED = "token_created", _("integration token created")
    TOKEN_REVOKED = "token_revoked", _("integration token revoked")
    PASSWORD_RESET = "password_reset", _("password reset")
    ASSIGNMENT_CHANGE = "assignment_change", _("assignments changed")
    CATALOG_IMPORT = "catalog_import", _("catalogue import")
    OWN_CHANGE_APPROVED = "own_change_approved", _("own change approved")
    OWN_APPROVAL_SETTING = "own_approval_setting", _("approving one's own changes allowed or not")
    PERSONS_SHOWN_SETTING = "persons_shown_setting", _("responsible persons shown to the public or not")
    RECORD_DELETE = "record_delete", _("record deleted")
    RECORD_RESTORE = "record_restore", _("record restored")
    REMINDERS_SENT = "reminders_sent", _("reminders sent")
    REMINDER_PREFERENCE = "reminder_preference", _("reminder preference changed")
    HANDOVER = "handover", _("responsibility handed over")
    SUBSCRIBERS_NOTIFIED = "subscribers_notified", _("subscribers notified")
    RECORD_CREATE = "record_create", _("record created")
    RECORD_EDIT = "record_edit", _("record edited")
    REVIEW_SUBMITTED = "review_submitted", _("sent for review")
    CHANGE_APPROVED = "change_approved", _("change approved")
    CHANGE_RETURNED = "change_returned", _("change returned to the editor")
    REVIEW_CONFIRMED = "review_confirmed", _("confirmed up to date")
    SSO_IDENTITY_LINKED = "sso_identity_linked", _("single sign-on identity linked")
    SSO_SIGN_IN_REFUSED = "sso_sign_in_refused", _("single sign-on refused")


# Why a single sign-on was refused (`backoffice.sso.services`), as the audit log says it.
SSO_REFUSALS = {
    "no_account": _("no user with this verified e-mail address, and no role from the provider"),
    "email_unverified": _("the provider has not verified the e-mail address"),
    "email_ambiguous": _("several users have this e-mail address"),
    "email_taken": _("the user with this e-mail address is linked to another identity at the provider"),
    "superuser": _("Django admin users sign in with their password"),
    "inactive": _("the user is deactivated"),
    "token": _("the provider's token failed its checks"),
    "provider": _("the provider did not answer"),
}


def _record_noun(record: str) -> str:
    """A record kind's noun, or the model's name for a record that is no declared kind (an impact assessment)."""
    noun = next((k.noun for k in declarations.KINDS if k.slug and k.slug == record), None)
    if noun is None and record:
        try:
            noun = apps.get_model("catalog", record)._meta.verbose_name
        except LookupError:
            noun = record
    return str(noun or "")


# The events about one record, whose details name it (`catalog.services.common.record_audit`).
RECORD_KINDS = (
    AuditKind.RECORD_CREATE,
    AuditKind.RECORD_EDIT,
    AuditKind.RECORD_DELETE,
    AuditKind.RECORD_RESTORE,
    AuditKind.REVIEW_SUBMITTED,
    AuditKind.CHANGE_APPROVED,
    AuditKind.CHANGE_RETURNED,
    AuditKind.REVIEW_CONFIRMED,
)


class AuditEvent(models.Model):
    """Lokitapahtuma: a security-relevant event, readable by administrators.

    `username` is kept as typed (a failed sign-in may name no real user); `detail` holds the
    event's facts (the publication number, the old and new role …).
    """

    kind = models.CharField(_("event"), max_length=30, choices=AuditKind.choices)
    occurred_at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    username = models.CharField(_("user name"), max_length=150, blank=True)
    organization = models.ForeignKey(
        "catalog.Organization", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    detail = models.JSONField(_("details"), default=dict, blank=True)

    class Meta:
        ordering = ["-occurred_at", "-id"]
        verbose_name = _("audit event")
        verbose_name_plural = _("audit log")

    def __str__(self) -> str:
        return f"{self.occurred_at:%Y-%m-%d %H:%M} {self.get_kind_display()} {self.username}"

    @property
    def integration(self) -> str:
        """The integration token the event came through ("" when a person acted themselves)."""
        return (self.detail or {}).get("integration", "")

    @property
    def summary(self) -> str:
        """The event's details in the reader's language."""
        detail = self.detail or {}
        if self.kind == AuditKind.PUBLICATION:
            text = _("publication #%(number)s") % {"number": detail.get("number")}
            return f"{text}: {detail['note']}" if detail.get("note") else str(text)
        if self.kind == AuditKind.ROLE_CHANGE:
            roles = dict(Role.choices)
            text = _("%(user)s: %(old)s → %(new)s") % {
                "user": detail.get("target", ""),
                "old": roles.get(detail.get("old_role", ""), "–"),
                "new": roles.get(detail.get("new_role", ""), "–"),
            }
            return f"{text} ({_('from single sign-on')})" if detail.get("source") == "sso" else str(text)
        if self.kind == AuditKind.SIGN_IN and detail.get("issuer"):
            return _("single sign-on: %(issuer)s") % {"issuer": detail["issuer"]}
        if self.kind in (AuditKind.SSO_IDENTITY_LINKED, AuditKind.SSO_SIGN_IN_REFUSED):
            reason = SSO_REFUSALS.get(detail.get("reason", ""), detail.get("reason", ""))
            parts = [detail.get("issuer", ""), detail.get("email", ""), str(reason)]
            return ", ".join(str(part) for part in parts if part)
        if self.kind == AuditKind.SIGN_IN_LOCKED_OUT:
            return _("%(failures)s failed attempts: blocked for %(minutes)s minutes") % {
                "failures": detail.get("failures", ""),
                "minutes": detail.get("minutes", ""),
            }
        if self.kind == AuditKind.OWN_CHANGE_APPROVED:
            return str(detail.get("resource", ""))
        if self.kind == AuditKind.OWN_APPROVAL_SETTING:
            return str(_("allowed") if detail.get("own_approval_allowed") else _("not allowed (four eyes)"))
        if self.kind == AuditKind.PERSONS_SHOWN_SETTING:
            return str(_("names shown") if detail.get("show_responsible_persons") else _("titles only"))
        if self.kind == AuditKind.PASSWORD_RESET:
            return str(detail.get("target", ""))
        if self.kind == AuditKind.ASSIGNMENT_CHANGE:
            changes = [
                *(f"+ {name}" for name in detail.get("added", [])),
                *(f"− {name}" for name in detail.get("removed", [])),
            ]
            return f"{detail.get('target', '')}: {', '.join(changes)}"
        if self.kind in (AuditKind.TOKEN_CREATED, AuditKind.TOKEN_REVOKED):
            return _("%(name)s (%(prefix)s…), acting as %(user)s") % {
                "name": detail.get("name", ""),
                "prefix": detail.get("prefix", ""),
                "user": detail.get("acts_as", ""),
            }
        if self.kind == AuditKind.CATALOG_IMPORT:
            return _("%(reason)s: %(added)s added, %(changed)s changed, %(removed)s removed") % {
                "reason": detail.get("reason", ""),
                "added": detail.get("added", 0),
                "changed": detail.get("changed", 0),
                "removed": detail.get("removed", 0),
            }
        if self.kind == AuditKind.REMINDERS_SENT:
            return _("%(messages)s messages, %(items)s items") % {
                "messages": detail.get("messages", 0),
                "items": detail.get("items", 0),
            }
        if self.kind == AuditKind.REMINDER_PREFERENCE:
            return f"{detail.get('target', '')}: {detail.get('frequency', '')}, {detail.get('language', '')}"
        if self.kind == AuditKind.HANDOVER:
            return _("%(source)s → %(target)s: %(count)s records") % {
                "source": detail.get("source", ""),
                "target": detail.get("target", ""),
                "count": len(detail.get("records", [])),
            }
        if self.kind == AuditKind.SUBSCRIBERS_NOTIFIED:
            return _("publication #%(number)s: %(count)s subscribers") % {
                "number": detail.get("number"),
                "count": detail.get("count", 0),
            }
        if self.kind in RECORD_KINDS:
            text = f"{capfirst(_record_noun(detail.get('record', '')))} {detail.get('name', '')}"
            text += f" ({detail['key']})" if detail.get("key") else ""
            return f"{text}: {detail['comment']}" if detail.get("comment") else text
        return ""
