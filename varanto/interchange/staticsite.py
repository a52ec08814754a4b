"""The public description as a static site: every page in every language, the downloads, relative links.

The real views render each page through Django's test client, so the copy is exactly what the
site serves. Starting from every organisation's pages (by their URL names) the builder follows
each link within the site; a page at /org/tietovaranto/x/ becomes org/tietovaranto/x/index.html
and every root-relative link is rewritten relative to the file that holds it, so the folder can
be served from any address by any web server (or opened from disk). The search form leads to the
search in the browser (`search:in_browser`), which needs no server; links to what only the running
application can do (the back office, the API) point to the live site.
"""

from __future__ import annotations

import logging
import posixpath
import re
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpResponse
from django.test import Client, override_settings
from django.urls import Resolver404, ResolverMatch, resolve, reverse
from django.utils import translation

from varanto.core.addresses import public_base_url
from varanto.publications.catalog import PublishedCatalog
from varanto.publications.models import Publication

from .downloads import CSV_TABLES
from .formats import FORMATS
from .formats.dcat import RDF_FORMATS

logger = logging.getLogger(__name__)

MARKER = ".varanto-site"  # marks a folder as a static site Varanto wrote, which a later run may replace
LIVE_ONLY = ("/admin/", "/hallinta/", "/api/", "/i18n/")
# Public pages that only the running application can answer: subscribing by e-mail, and the search across
# every organisation.
LIVE_NAMESPACES = ("notifications",)
LIVE_VIEWS = ("search:site_results",)
LINK = re.compile(r"""(?P<attr>(?<![\w-])(?:href|src|action))=(?P<quote>["'])(?P<url>/(?!/)[^"']*)(?P=quote)""")
CSS_URL = re.compile(r"""url\((?P<quote>["']?)(?P<url>/(?!/)[^)"']*)(?P=quote)\)""")
TEXT_TYPES = ("text/html", "text/css")
REDIRECT = (
    '<!doctype html><html lang="fi"><head><meta charset="utf-8"><title>Varanto</title>'
    '<meta http-equiv="refresh" content="0; url={url}"></head>'
    '<body><p><a href="{url}">Varanto</a></p></body></html>'
)


@dataclass
class SiteReport:
    pages: int = 0
    files: int = 0
    missing: list[str] = field(default_factory=list)  # linked addresses the site answered with an error


def file_for(path: str) -> str:
    """The file that holds the page or file at a URL path: /a/b/ → a/b/index.html."""
    path = path.lstrip("/")
    return path + "index.html" if path == "" or path.endswith("/") else path


def _live_only(path: str) -> bool:
    """Whether only the running application can answer `path`: subscribing, and the search across every
    organisation (an organisation's own search page is stood in for by the search in the browser)."""
    if path.startswith(LIVE_ONLY):
        return True
    matches = [_resolved(path, language) for language, _name in settings.LANGUAGES]
    return any(m and (m.namespace in LIVE_NAMESPACES or m.view_name in LIVE_VIEWS) for m in matches)


def _resolved(path: str, language: str) -> ResolverMatch | None:
    # A language prefix resolves only while its language is active.
    with translation.override(language):
        try:
            return resolve(path)
        except Resolver404:
            return None


def _search_language(path: str) -> str | None:
    """The language of a search page's address, None when `path` is no search page."""
    return next(
        (
            language
            for language, _name in settings.LANGUAGES
            if (m := _resolved(path, language)) and m.namespace == "search"
        ),
        None,
    )


def _in_browser_search(path: str) -> str | None:
    """The search in the browser standing in for `path` when it is the server's search page, else None."""
    for language, _name in settings.LANGUAGES:
        match = _resolved(path, language)
        if match and match.view_name == "search:results":
            with translation.override(language):
                return reverse("search:in_browser", kwargs=match.kwargs)
    return None


def _relative(url: str, page_file: str, live_url: str) -> str:
    parts = urlsplit(url)
    aggregate = settings.SEARCH_AGGREGATE_URL
    if aggregate and (language := _search_language(parts.path)):
        # The copy's search forms go to the installation that searches every organisation.
        with translation.override(language):
            return aggregate + reverse("search:site_results")
    if _live_only(parts.path):
        return live_url + url
    path = _in_browser_search(parts.path) or parts.path
    target = file_for(path)
    relative = posixpath.relpath(target, posixpath.dirname(page_file) or ".")
    return relative + (f"?{parts.query}" if parts.query else "") + (f"#{parts.fragment}" if parts.fragment else "")


def relink(text: str, page_file: str, live_url: str) -> str:
    """Root-relative links of an HTML page or stylesheet rewritten relative to its own file."""
    text = LINK.sub(lambda m: f"{m['attr']}={m['quote']}{_relative(m['url'], page_file, live_url)}{m['quote']}", text)
    return CSS_URL.sub(lambda m: f"url({m['quote']}{_relative(m['url'], page_file, live_url)}{m['quote']})", text)


def _links(text: str) -> list[str]:
    found = [m["url"] for m in LINK.finditer(text)] + [m["url"] for m in CSS_URL.finditer(text)]
    paths = [_in_browser_search(path) or path for path in (urlsplit(url).path for url in found)]
    return [path for path in paths if not _live_only(path)]


def _starting_points(publication: Publication) -> list[str]:
    """Every page of one organisation in every language, and its downloads, by their URL names."""
    catalog = PublishedCatalog(publication.content)
    org = publication.organization.slug
    pages: list[tuple[str, dict]] = [
        ("public:front", {}),
        ("public:open_data", {}),
        ("public:history", {}),
        ("public:embed", {}),
    ]
    pages += [("public:section", {"key": s.key}) for s in catalog.sections]
    pages += [("public:resource", {"key": r.key}) for r in catalog.resources]
    pages += [("public:system", {"key": s.key}) for s in catalog.systems]
    served = Publication.objects.served().filter(organization=publication.organization)
    for number in served.values_list("number", flat=True):
        pages += [("public:publication", {"number": number}), ("public:diff", {"number": number})]
    paths = []
    for language, _ in settings.LANGUAGES:
        with translation.override(language):
            paths += [reverse(name, kwargs={"org": org, **kwargs}) for name, kwargs in pages]
            paths += [reverse("public:accessibility"), reverse("public:home")]
    paths += [reverse("downloads:file", kwargs={"org": org, "fmt": fmt}) for fmt in FORMATS]
    paths += [reverse("downloads:dcat_catalog", kwargs={"org": org, "fmt": fmt}) for fmt in RDF_FORMATS]
    paths += [reverse("downloads:csv_table", kwargs={"org": org, "table": table}) for table in CSV_TABLES]
    paths.append(reverse("downloads:template"))
    return paths


class SiteFolderError(Exception):
    """The output folder cannot be replaced: it holds files Varanto did not write."""


def check_replaceable(outdir: Path, *, force: bool = False) -> None:
    """Refuse to replace a folder that is neither empty nor a static site Varanto wrote (unless `force`)."""
    if not outdir.exists():
        return
    if not outdir.is_dir():
        raise SiteFolderError(f"{outdir} is a file; give a folder")
    if force or (outdir / MARKER).exists() or not any(outdir.iterdir()):
        return
    raise SiteFolderError(
        f"{outdir} holds files that are not a static site Varanto wrote; it was left alone. "
        "Give a new or empty folder, or --force to replace it."
    )


def build_site(
    outdir: Path,
    *,
    base_url: str = "",
    live_url: str = "",
    progress: Callable[[str], None] = lambda message: None,
    force: bool = False,
) -> SiteReport:
    """Write the static site of every organisation's latest publication into `outdir` (replaced).

    The site is written into a new folder beside `outdir`, which replaces `outdir` only when
    every file is written: a failure part-way leaves the old site as it was. A folder that is
    not an earlier Varanto site is not replaced unless `force` (SiteFolderError). Nothing is
    replaced when there is nothing to write (`report.files == 0`).

    `base_url` is where the copy will be served (DCAT and downloads point there); `live_url`
    the running application, for links to what only it can do. Both default to PUBLIC_BASE_URL.
    """
    check_replaceable(outdir, force=force)
    outdir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{outdir.name}-", dir=outdir.parent))
    try:
        report = _write_site(staging, base_url=base_url, live_url=live_url, progress=progress)
        if report.files:
            (staging / MARKER).write_text("A static site written by `varanto site`; the next run replaces it.\n")
            _replace(outdir, staging)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return report


def _replace(outdir: Path, staging: Path) -> None:
    """Put `staging` in the place of `outdir` by renames (the old one removed after)."""
    if not outdir.exists():
        staging.rename(outdir)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{outdir.name}-old-", dir=outdir.parent))
    old.rmdir()
    outdir.rename(old)
    staging.rename(outdir)
    shutil.rmtree(old, ignore_errors=True)


def _write_site(outdir: Path, *, base_url: str, live_url: str, progress: Callable[[str], None]) -> SiteReport:
    latest: dict[str, Publication] = {}
    served = Publication.objects.served().select_related("organization")
    for publication in served.order_by("organization__slug", "-number"):
        latest.setdefault(publication.organization.slug, publication)
    queue = [path for publication in latest.values() for path in _starting_points(publication)]
    live_url = (live_url or public_base_url()).rstrip("/")
    report, seen = SiteReport(), set()
    # Downloads and DCAT point to where the static copy will be served.
    static_base = (base_url or public_base_url()).rstrip("/")
    # Each page's request activates its language; the override gives the caller its own back.
    with (
        override_settings(PUBLIC_BASE_URL=static_base, ALLOWED_HOSTS=[*settings.ALLOWED_HOSTS, "testserver"]),
        translation.override(translation.get_language()),
    ):
        client = Client()
        while queue:
            path = queue.pop(0)
            if path in seen:
                continue
            seen.add(path)
            response = client.get(path)
            if response.status_code in (301, 302) and urlsplit(response["Location"]).path.startswith("/"):
                # A static host cannot redirect: a page that sends the browser on stands in.
                location = urlsplit(response["Location"]).path
                queue.append(location)
                stub = REDIRECT.format(url=_relative(location, file_for(path), live_url))
                # The test client types its responses by a stub-only class; this one is served the same way.
                response = HttpResponse(stub, content_type="text/html; charset=utf-8")  # type: ignore[assignment]
            if response.status_code != 200:
                report.missing.append(f"{path} ({response.status_code})")
                logger.warning("static site: %s answered %s; left out", path, response.status_code)
                continue
            content = b"".join(response) if response.streaming else response.content
            target = file_for(path)
            if response["Content-Type"].startswith(TEXT_TYPES):
                text = content.decode(response.charset or "utf-8")
                queue += [p for p in _links(text) if p not in seen]
                content = relink(text, target, live_url).encode("utf-8")
                report.pages += response["Content-Type"].startswith("text/html")
            report.files += 1
            destination = outdir / target
            destination.parent.mkdir(parents=True, exist_ok=True)
            destination.write_bytes(content)
            if report.files % 50 == 0:
                progress(f"{report.files} files written …")
    return report
