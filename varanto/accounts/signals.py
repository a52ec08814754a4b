"""The audit log's listeners on Django's sign-in signals: sign-ins, failed sign-ins, sign-outs.

Publications are audited by the publishing service itself (`publications.services`).
"""

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

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
