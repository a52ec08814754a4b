"""The audit log's listeners on Django's sign-in signals: sign-ins, failed sign-ins, sign-outs;
and on django-axes' lockout signal (`lockout.py`).

Publications are audited by the publishing service itself (`publications.services`).
"""

from axes.signals import user_locked_out
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from .models import AuditKind
from .services import audit_record


@receiver(user_logged_in, dispatch_uid="varanto-audit-sign-in")
def audit_sign_in(sender, request, user, **kwargs):
    # A single sign-on names the identity provider (set by `backoffice.sso.services.sso_user_resolve`).
    issuer = getattr(user, "sso_issuer", "")
    audit_record(kind=AuditKind.SIGN_IN, user=user, request=request, **({"issuer": issuer} if issuer else {}))


@receiver(user_logged_out, dispatch_uid="varanto-audit-sign-out")
def audit_sign_out(sender, request, user, **kwargs):
    if user is not None:
        audit_record(kind=AuditKind.SIGN_OUT, user=user, request=request)


@receiver(user_login_failed, dispatch_uid="varanto-audit-sign-in-failed")
def audit_sign_in_failed(sender, credentials, request=None, **kwargs):
    audit_record(kind=AuditKind.SIGN_IN_FAILED, username=credentials.get("username", ""), request=request)


@receiver(user_locked_out, dispatch_uid="varanto-audit-locked-out")
def audit_locked_out(sender, request, username, ip_address, **kwargs):
    # Axes signals every refused try of a lockout; the audit row is for the moment it began.
    if getattr(request, "axes_failures_since_start", None) != settings.AXES_FAILURE_LIMIT:
        return
    audit_record(
        kind=AuditKind.SIGN_IN_LOCKED_OUT,
        user=get_user_model().objects.filter(username=username).first() if username else None,
        username=username or "",
        request=request,
        failures=settings.AXES_FAILURE_LIMIT,
        minutes=int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
        path=request.path,
    )
