"""The cheapest path to a public page: straight from the page cache, before Django starts a request.

`serve_published_pages(application)` wraps Varanto's WSGI application (varanto/wsgi.py). A plain
GET of a page that `PublishedPageCacheMiddleware` has kept, whose publication this worker has
confirmed as the latest within PUBLIC_PUBLICATION_CHECK_SECONDS, and whose Host is one of
ALLOWED_HOSTS, is answered here with the exact status, headers and body Django gave. Everything else, including conditional requests and the
periodic check for a newer publication (which needs the database), goes to Django as usual.
"""

from http import HTTPStatus

from django.conf import settings
from django.core.handlers.wsgi import get_path_info
from django.http.request import split_domain_port, validate_host

from . import cache

_CONDITIONAL = ("HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE", "HTTP_IF_MATCH", "HTTP_IF_UNMODIFIED_SINCE")


def _host(environ) -> str:
    """The host as Django's `HttpRequest.get_host` reads it (X-Forwarded-Host never gets here)."""
    if environ.get("HTTP_HOST"):
        return environ["HTTP_HOST"]
    host, port = environ.get("SERVER_NAME", ""), str(environ.get("SERVER_PORT", ""))
    return host if port == ("443" if environ.get("wsgi.url_scheme") == "https" else "80") else f"{host}:{port}"


def _allowed_host(environ) -> bool:
    """Whether Django would accept the request's host (`HttpRequest.get_host`); if not, Django answers 400."""
    if settings.USE_X_FORWARDED_HOST and "HTTP_X_FORWARDED_HOST" in environ:
        return False
    domain, _port = split_domain_port(_host(environ))
    allowed = settings.ALLOWED_HOSTS
    if settings.DEBUG and not allowed:
        allowed = [".localhost", "127.0.0.1", "[::1]"]
    return bool(domain) and validate_host(domain, allowed)


def serve_published_pages(application):
    def published_pages_first(environ, start_response):
        if environ.get("REQUEST_METHOD") == "GET" and not environ.get("QUERY_STRING") and _allowed_host(environ):
            page = cache.pages.get(cache.page_key(_host(environ), get_path_info(environ)))
            if page is not None and not any(header in environ for header in _CONDITIONAL):
                current = cache.publications.peek(page.org_slug)
                if current is not None and current.publication.id == page.publication_id:
                    start_response(f"{page.status} {HTTPStatus(page.status).phrase}", list(page.headers))
                    return [page.content]
        return application(environ, start_response)

    return published_pages_first
