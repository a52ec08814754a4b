"""The audit log's listeners: sign-ins, failed sign-ins, sign-outs and publications.

Publications are caught where they are stored, so the `varanto publish` command and the
back office are audited alike.
"""

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import post_save
from django.dispatch import receiver

from varanto.publications.models import Publication

from .models import AuditKind
from .services import audit_record


@receiver(user_logged_in, dispatch_uid="varanto-audit-sign-in")
def audit_sign_in(sender, request, user, **kwargs):
    audit_record(kind=AuditKind.SIGN_IN, user=user, request=request)


@receiver(user_logged_out, dispatch_uid="varanto-audit-sign-out")
def audit_sign_out(sender, request, user, **kwargs):
    if user is not None:
        audit_record(kind=AuditKind.SIGN_OUT, user=user, request=request)


@receiver(user_login_failed, dispatch_uid="varanto-audit-sign-in-failed")
def audit_sign_in_failed(sender, credentials, request=None, **kwargs):
    audit_record(kind=AuditKind.SIGN_IN_FAILED, username=credentials.get("username", ""), request=request)


@receiver(post_save, sender=Publication, dispatch_uid="varanto-audit-publication")
def audit_publication(sender, instance, created, **kwargs):
    if created:
        audit_record(
            kind=AuditKind.PUBLICATION,
            user=instance.published_by,
            organization=instance.organization,
            number=instance.number,
            note=instance.note,
        )
