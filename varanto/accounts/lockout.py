"""Sign-in throttling (kirjautumisen rajoitus) with django-axes: the address it counts by, the
page a locked-out user sees, and the audit row of each lockout."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

LOCKOUT_STATUS = 429


def client_address(request) -> str | None:
    """REMOTE_ADDR, as the audit log records it: a forwarded-for header is the client's to invent."""
    return request.META.get("REMOTE_ADDR")


def lockout_message() -> str:
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return _(
        "Too many failed sign-in attempts. Signing in with this user name from your address is blocked "
        "for %(minutes)s minutes. Try again later, or ask an administrator to lift the block."
    ) % {"minutes": minutes}


def lockout_response(request, original_response, credentials) -> HttpResponse:
    """The sign-in page that was answered (back office or /admin/), with the lockout as its error.

    The form is not validated again: that would be one more failed sign-in.
    """
    message = lockout_message()
    context = getattr(original_response, "context_data", None) or {}
    form = context.get("form")
    if not isinstance(original_response, TemplateResponse) or form is None:
        return HttpResponse(message, status=LOCKOUT_STATUS, content_type="text/plain; charset=utf-8")
    form.errors[NON_FIELD_ERRORS] = form.error_class([message], error_class="nonfield", renderer=form.renderer)
    response = TemplateResponse(
        request, original_response.template_name, context, status=LOCKOUT_STATUS, using=original_response.using
    )
    return response.render()
