"""The site's error pages (400, 403, 404, 500) in the visitor's language: Finnish, or Swedish or English
by the address's /sv/ or /en/ prefix (or the language the request already chose).

They render a self-contained template without context processors, so that a page that failed once
cannot fail again while its error is shown.
"""

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext


def _texts(status: int) -> tuple[str, str]:
    return {
        400: (pgettext("error page", "Bad request"), _("The address or the request could not be understood.")),
        403: (pgettext("error page", "Access denied"), _("You do not have permission to see this page.")),
        404: (
            pgettext("error page", "Page not found"),
            _("There is no page at this address. It may have been moved or removed."),
        ),
        500: (
            pgettext("error page", "Something went wrong"),
            _("The service ran into an error. Please try again in a moment; the error has been logged."),
        ),
    }[status]


def _error_page(request, status: int) -> HttpResponse:
    language = translation.get_language_from_path(request.path_info) or translation.get_language() or "fi"
    with translation.override(language):
        title, message = _texts(status)
        language = translation.get_language()
        home = "/" if language == "fi" else f"/{language}/"
        html = render_to_string(
            "public/error.html",
            {"status": status, "title": title, "message": message, "home": home, "language": language},
        )
    response = HttpResponse(html, status=status)
    response.headers["Content-Language"] = language
    return response


def bad_request(request, exception=None):
    return _error_page(request, 400)


def permission_denied(request, exception=None):
    return _error_page(request, 403)


def page_not_found(request, exception=None):
    return _error_page(request, 404)


def server_error(request):
    return _error_page(request, 500)


def csrf_failure(request, reason=""):
    """A form sent without its CSRF token (CSRF_FAILURE_VIEW): refused as any forbidden request is."""
    return _error_page(request, 403)
