"""Downloads of an organisation's latest publication in every format, with validators for conditional GET.

A download is a pure function of (publication, format, the public site's address, the
formats' code revision), so its ETag is made of exactly those and Last-Modified is the
publication time: a harvester that asks again gets a 304 until the next publication. Rendered
files are kept in Django's cache under their ETag.
"""

from __future__ import annotations

import datetime
import functools
import hashlib
from collections.abc import Callable
from dataclasses import dataclass

from django.core.cache import cache

from varanto.public.cache import current_publication
from varanto.public.http import publication_etag
from varanto.publications.models import Publication
from varanto.publications.selectors import publication_catalog

from .formats import FORMATS, REVISION, render
from .formats.csv import MEDIA_TYPE as CSV_MEDIA_TYPE
from .formats.csv import catalog_csv_table
from .formats.tables.layout import TABLES
from .formats.xlsx import MEDIA_TYPE as XLSX_MEDIA_TYPE
from .formats.xlsx import template_xlsx
from .links import PublicLinks

CACHE_SECONDS = 24 * 3600
CSV_TABLES = tuple(t.file_name for t in TABLES)


@dataclass(frozen=True)
class Download:
    """What to send: the validators first; `content()` renders (or fetches) the file itself."""

    filename: str
    media_type: str
    etag: str
    last_modified: datetime.datetime | None
    make: Callable[[], bytes]

    def content(self) -> bytes:
        data = cache.get(self.cache_key)
        if data is None:
            data = self.make()
            cache.set(self.cache_key, data, CACHE_SECONDS)
        return data

    @property
    def cache_key(self) -> str:
        return "varanto-download:" + hashlib.sha256(self.etag.encode()).hexdigest()


def _latest(org_slug: str) -> Publication | None:
    """The organisation's latest publication, from the memory the public pages and the API share."""
    current = current_publication(org_slug)
    return current.publication if current else None


def _etag(publication: Publication, what: str, base_url: str) -> str:
    return publication_etag(publication, what, "download", base_url, REVISION)


def publication_download(*, org_slug: str, fmt: str, base_url: str = "") -> Download | None:
    """The latest publication of the organisation in format `fmt`; None if it has never published."""
    publication = _latest(org_slug)
    if publication is None:
        return None
    links = PublicLinks(org_slug, base_url)
    spec = FORMATS[fmt]
    return Download(
        filename=f"{org_slug}{spec.suffix}",
        media_type=spec.media_type,
        etag=_etag(publication, fmt, links.base_url),
        last_modified=publication.published_at,
        make=lambda: render(publication_catalog(publication), fmt, links),
    )


def publication_csv_table(*, org_slug: str, file_name: str) -> Download | None:
    """One table of the latest publication as a CSV file (e.g. "tietovarannot.csv")."""
    publication = _latest(org_slug)
    if publication is None or file_name not in CSV_TABLES:
        return None
    return Download(
        filename=f"{org_slug}-{file_name}",
        media_type=f"{CSV_MEDIA_TYPE}; charset=utf-8",
        etag=_etag(publication, file_name, ""),
        last_modified=publication.published_at,
        make=lambda: catalog_csv_table(publication_catalog(publication), file_name) or b"",
    )


@functools.cache
def _template_etag() -> str:
    layout = repr([(t.title, [(c.heading, c.help) for c in t.columns]) for t in TABLES])
    return '"template-' + hashlib.sha256(f"{layout}|{REVISION}".encode()).hexdigest()[:16] + '"'


def template_download() -> Download:
    """The blank XLSX template with its instructions."""
    return Download(
        filename="varanto-tietovarannot-pohja.xlsx",
        media_type=XLSX_MEDIA_TYPE,
        etag=_template_etag(),
        last_modified=None,
        make=template_xlsx,
    )
