"""The organisation's logo (tunnus) in the public site's header, and its address.

A page shows the logo when it was first uploaded before the page's publication, so that what a
page shows still follows from its publication (and the page cache and ETags stay right); the
image itself is served from `public:logo` as it is now, with an ETag of its content.
"""

from __future__ import annotations

import functools
import time

from django.conf import settings
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.views.decorators.http import require_safe

from varanto.catalog.selectors import organization_logo_get, organization_logo_type

SUFFIXES = {"image/png": "png", "image/jpeg": "jpg", "image/webp": "webp"}
MAX_AGE = 300


def logo_for(org_slug: str, publication) -> str | None:
    """The logo's media type if the pages of `publication` show it, else None.

    Every page asks, and a search results page is rendered anew each time: the answer is remembered
    for the interval in which the public side also takes its publication as the latest
    (PUBLIC_PUBLICATION_CHECK_SECONDS), as a replaced logo may be of another type."""
    if publication is None:
        return None
    interval = settings.PUBLIC_PUBLICATION_CHECK_SECONDS
    if interval <= 0:
        return organization_logo_type(org_slug, publication.published_at)
    return _logo_type(org_slug, publication.pk, publication.published_at, int(time.monotonic() / interval))


@functools.lru_cache(maxsize=1_024)
def _logo_type(org_slug: str, publication_id: int, published_at, period: int) -> str | None:
    return organization_logo_type(org_slug, published_at)


def logo_url(org_slug: str, content_type: str) -> str:
    return reverse("logo", kwargs={"org": org_slug, "suffix": SUFFIXES[content_type]})


@require_safe
def logo(request, org: str, suffix: str) -> HttpResponse:
    """The image, typed by what `catalog.services.logos` found it to be; nothing on the page can run."""
    found = organization_logo_get(org)
    if found is None or SUFFIXES.get(found.content_type) != suffix:
        raise Http404("No such logo.")
    etag = f'"{found.digest[:32]}"'
    response = get_conditional_response(request, etag=etag)
    if response is None:
        response = HttpResponse(bytes(found.image), content_type=found.content_type)
    response.headers["ETag"] = etag
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Content-Security-Policy"] = "default-src 'none'; sandbox"
    patch_cache_control(response, public=True, max_age=MAX_AGE)
    return response
