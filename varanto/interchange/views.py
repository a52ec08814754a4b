"""Download views: thin wrappers that send a `downloads.Download` with conditional GET."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import content_disposition_header, http_date
from django.views.decorators.http import require_safe

from varanto.core.addresses import public_base_url

from . import downloads

MAX_AGE = 60
INLINE_TYPES = ("application/json", "text/turtle", "application/rdf+xml", "application/ld+json")


def _send(request: HttpRequest, download: downloads.Download | None) -> HttpResponse:
    if download is None:
        raise Http404("No published description for this organisation.")
    # Whole seconds, as HTTP dates carry them: an If-Modified-Since echoed back must match.
    last_modified = int(download.last_modified.timestamp()) if download.last_modified else None
    response = get_conditional_response(request, etag=download.etag, last_modified=last_modified)
    if response is None:
        response = HttpResponse(download.content(), content_type=download.media_type)
        inline = download.media_type.startswith(INLINE_TYPES)
        disposition = content_disposition_header(not inline, download.filename)
        assert disposition, "a download always has a file name"
        response.headers["Content-Disposition"] = disposition
    response.headers["ETag"] = download.etag
    if last_modified:
        response.headers["Last-Modified"] = http_date(last_modified)
    # Published data is open: any site or script may fetch it.
    response.headers["Access-Control-Allow-Origin"] = "*"
    patch_cache_control(response, public=True, max_age=MAX_AGE)
    return response


@require_safe
def publication_file(request: HttpRequest, org: str, fmt: str) -> HttpResponse:
    """The latest publication in one format (json, csv, xlsx, dcat-ttl, dcat-rdf, dcat-jsonld)."""
    return _send(request, downloads.publication_download(org_slug=org, fmt=fmt, base_url=public_base_url(request)))


@require_safe
def csv_table(request: HttpRequest, org: str, table: str) -> HttpResponse:
    """One kind of record of the latest publication as a CSV file."""
    return _send(request, downloads.publication_csv_table(org_slug=org, file_name=table))


@require_safe
def template(request: HttpRequest) -> HttpResponse:
    """The blank XLSX template, instructions on its first sheet."""
    return _send(request, downloads.template_download())
