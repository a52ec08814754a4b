"""HTTP caching of public pages: validators derived from the publication, 304s, and the page cache.

Every organisation page is a pure function of (latest publication, language, path, the site's
templates), so its ETag is made of exactly those, Last-Modified is the publication time (or
the deployment of the site's templates, if later), and a conditional request is answered
without rendering anything. `PublishedPageCacheMiddleware` (first in MIDDLEWARE) keeps each
finished page and serves it again from memory while its publication is still the latest,
skipping the rest of the middleware; it answers exactly as the full path would, headers
included. `varanto.public.wsgi` serves the same kept pages before Django is even entered.
"""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

from django.core.exceptions import DisallowedHost
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date
from django.utils.translation import get_language

from varanto.core.versions import app_version
from varanto.publications.selectors import publications_overview

from . import cache

MAX_AGE = 60
APP_DIR = Path(__file__).resolve().parent
SITE_VERSION, SITE_MODIFIED = app_version(APP_DIR)


def publication_etag(publication, name: str, *variant: str) -> str:
    """The ETag of any answer derived from one publication: pages, search, API and downloads.

    It names the publication (number, content hash, and its id and time, which tell apart equal
    contents published anew) and the answer's variant: `name` (shown, e.g. the language or format)
    and further parts (address, query, code revision) folded into a digest. A new publication
    changes every ETag; the same publication and variant give the same one.
    """
    parts = "|".join((str(publication.pk), publication.published_at.isoformat(), name, *variant))
    digest = hashlib.sha256(parts.encode()).hexdigest()[:16]
    return f'"{publication.number}-{publication.content_hash[:16]}-{name}-{digest}"'


def page_etag(publication, language: str, state: str = "") -> str:
    return publication_etag(publication, language, "page", SITE_VERSION, state)


def page_last_modified(publication) -> int:
    # Whole seconds, as HTTP dates have them: a fraction would never compare equal.
    return int(max(publication.published_at.timestamp(), SITE_MODIFIED))


def _validators(response: HttpResponse, etag: str, last_modified: int | None) -> None:
    response.headers["ETag"] = etag
    if last_modified is not None:
        response.headers["Last-Modified"] = http_date(last_modified)
    patch_cache_control(response, public=True, max_age=MAX_AGE)


def published_page(view=None, *, state=None):
    """Decorate a view of an organisation page (`org` in the URL) that renders the latest publication.

    The view is called as `view(request, current, **kwargs)` with the organisation's
    `cache.CurrentPublication`; an organisation without a publication is a 404. A page that
    depends on more than the publication (search results: also the organisation's thesaurus and
    the search engine) passes `state(org_slug)`, a short text of that which becomes part of its
    ETag; such a page has no Last-Modified, as that state has no time, and is not kept in the
    page cache.
    """
    if view is None:
        return functools.partial(published_page, state=state)

    @functools.wraps(view)
    def wrapper(request: HttpRequest, org: str, **kwargs):
        current = cache.current_publication(org)
        if current is None:
            raise Http404("No published description for this organisation.")
        last_modified: int | None = page_last_modified(current.publication)
        if state is None:
            etag = page_etag(current.publication, get_language())
        else:
            etag = page_etag(current.publication, get_language(), state(org))
            last_modified = None
        not_modified = get_conditional_response(request, etag=etag, last_modified=last_modified)
        if not_modified is not None:
            _validators(not_modified, etag, last_modified)
            return not_modified
        response = view(request, current, **kwargs)
        if response.status_code == 200:
            _validators(response, etag, last_modified)
            if state is None:
                response.varanto_page = (org, current.publication.id, etag, last_modified)
        return response

    return wrapper


def site_page(view):
    """Decorate a page that belongs to no one organisation (the organisation list, the accessibility
    statement): its validators come from the site version, the language and who has published what."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, **kwargs):
        overview = publications_overview()
        state = repr([(slug, number) for slug, number, _at in overview]) + get_language() + SITE_VERSION
        etag = f'"site-{hashlib.sha256(state.encode()).hexdigest()[:20]}"'
        last_modified = int(max([at.timestamp() for _slug, _number, at in overview] + [SITE_MODIFIED]))
        not_modified = get_conditional_response(request, etag=etag, last_modified=last_modified)
        response = not_modified if not_modified is not None else view(request, **kwargs)
        if response.status_code in (200, 304):
            _validators(response, etag, last_modified)
        return response

    return wrapper


def site_search_page(view=None, *, state):
    """Decorate the search of every organisation: its ETag is made of `state()` (every organisation's
    publications and indexes, see `search.selectors.site_search_state`), the site's templates, the
    language and the query string (query, facets, page), so a conditional request is answered without
    searching. Like an organisation's search, it has no Last-Modified and is not kept in the page cache."""
    if view is None:
        return functools.partial(site_search_page, state=state)

    @functools.wraps(view)
    def wrapper(request: HttpRequest, **kwargs):
        parameters = sorted(request.GET.lists())
        variant = repr([state(), SITE_VERSION, get_language(), parameters])
        etag = f'"haku-{hashlib.sha256(variant.encode()).hexdigest()[:20]}"'
        not_modified = get_conditional_response(request, etag=etag)
        if not_modified is not None:
            _validators(not_modified, etag, None)
            return not_modified
        response = view(request, **kwargs)
        if response.status_code == 200:
            _validators(response, etag, None)
        return response

    return wrapper


def _allowed_host(request: HttpRequest) -> bool:
    """A host outside ALLOWED_HOSTS never gets a kept page: it goes on to Django's 400, with the site's headers."""
    try:
        request.get_host()
    except DisallowedHost:
        return False
    return True


def _cacheable_request(request: HttpRequest) -> bool:
    return request.method == "GET" and not request.META.get("QUERY_STRING")


class PublishedPageCacheMiddleware:
    """Serve organisation pages rendered before from memory while their publication is current."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        if _cacheable_request(request) and _allowed_host(request):
            page = cache.pages.get(cache.page_key(request.get_host(), request.path_info))
            if page is not None:
                current = cache.current_publication(page.org_slug)
                if current is not None and current.publication.id == page.publication_id:
                    return self._from_cache(request, page)
        response = self.get_response(request)
        self._remember(request, response)
        return response

    @staticmethod
    def _from_cache(request: HttpRequest, page: cache.CachedPage) -> HttpResponse:
        response = HttpResponse(page.content, status=page.status)
        for name, value in page.headers:
            response.headers[name] = value
        # Given a response, Django returns it or a 304, never None (django-stubs has no overload for that).
        return get_conditional_response(  # type: ignore[return-value]
            request, etag=page.etag, last_modified=page.last_modified, response=response
        )

    @staticmethod
    def _remember(request: HttpRequest, response: HttpResponse) -> None:
        marker = getattr(response, "varanto_page", None)
        if marker is None or not _cacheable_request(request) or response.status_code != 200:
            return
        # A response that set a cookie or depends on one belongs to one visitor: never shared.
        if response.cookies or "cookie" in response.headers.get("Vary", "").lower() or response.streaming:
            return
        org_slug, publication_id, etag, last_modified = marker
        cache.pages.put(
            cache.page_key(request.get_host(), request.path_info),
            cache.CachedPage(
                org_slug=org_slug,
                publication_id=publication_id,
                status=response.status_code,
                headers=tuple(response.headers.items()),
                content=response.content,
                etag=etag,
                last_modified=last_modified,
            ),
        )
