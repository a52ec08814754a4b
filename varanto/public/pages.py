"""What every public organisation page gets in its template context, for this app and for others.

Other apps' pages that extend `public/base.html` (the search results page, for one) call
`publication_page_context(request, org_slug)` and add their own keys; see the top of
`templates/public/base.html` for what the base template reads.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.http import Http404, HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django.utils.functional import _StrOrPromise as StrOrPromise

from .cache import CurrentPublication, current_publication

# The downloads the front page offers when the downloads app provides them (`downloads:file`).
# Labels say what a resident gets, then the format's name for those who look for it.
DOWNLOAD_FORMATS: tuple[tuple[str, StrOrPromise], ...] = (
    ("xlsx", _("Spreadsheet for Excel or LibreOffice (XLSX)")),
    ("csv", _("Tables as text files, zipped (CSV)")),
    ("json", _("The whole description for programs (JSON)")),
    ("dcat-ttl", _("Metadata for open data portals (DCAT-AP, Turtle)")),
)


def page_context(current: CurrentPublication) -> dict:
    catalog = current.catalog
    return {
        "org_slug": current.publication.organization.slug,
        "publication": current.publication,
        "catalog": catalog,
        "organization": catalog.organization,
    }


def publication_page_context(request: HttpRequest, org_slug: str) -> dict:
    """The context `public/base.html` needs for a page of organisation `org_slug`.

    Keys: `org_slug`; `publication` (the latest `Publication`: number, published_at, note);
    `catalog` (its `PublishedCatalog`: sections, resources, systems, open data); `organization`
    (the organisation's public record as a dict). Raises Http404 when the organisation does not
    exist or has not published yet. Cheap: it reads the in-process publication cache.
    """
    current = current_publication(org_slug)
    if current is None:
        raise Http404("No published description for this organisation.")
    return page_context(current)


@dataclass(frozen=True)
class DownloadLink:
    fmt: str
    label: StrOrPromise
    url: str


def download_links(org_slug: str) -> list[DownloadLink]:
    """The download formats whose URL the downloads app provides; the others are left out."""
    links = []
    for fmt, label in DOWNLOAD_FORMATS:
        try:
            url = reverse("downloads:file", kwargs={"org": org_slug, "fmt": fmt})
        except NoReverseMatch:
            continue
        links.append(DownloadLink(fmt, label, url))
    return links
