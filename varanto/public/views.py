"""Pages of the public publicity description (asiakirjajulkisuuskuvaus).

Every organisation page reads the organisation's latest publication only (`published_page`
hands it in); nothing here touches the working model.
"""

import datetime
import functools

from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.clickjacking import xframe_options_exempt

from varanto.core.addresses import public_base_url
from varanto.publications.catalog import PublishedCatalog
from varanto.publications.selectors import (
    publication_by_number,
    publication_changes,
    publication_list,
    publication_previous,
    published_organizations,
)

from .cache import current_publication
from .http import published_page, site_page
from .information_request import information_request_for
from .pages import download_links, page_context, publication_page_context

ACCESSIBILITY_STATEMENT_PREPARED = datetime.date(2026, 11, 25)


def _found(value):
    if value is None:
        raise Http404("No such record in the published description.")
    return value


@site_page
def home(request):
    """The only organisation's front page, or the list of organisations when there are several."""
    slugs = list(published_organizations().values_list("slug", flat=True))
    if len(slugs) == 1:
        return redirect("public:front", org=slugs[0])
    # Names as published, not as they may since have been edited.
    organizations = [{"slug": slug, "name": current_publication(slug).catalog.name} for slug in slugs]
    return render(request, "public/organizations.html", {"organizations": organizations})


@site_page
def accessibility(request):
    """Saavutettavuusseloste (Act 306/2019)."""
    slugs = list(published_organizations().values_list("slug", flat=True)[:2])
    context = publication_page_context(request, slugs[0]) if len(slugs) == 1 else {}
    context["prepared"] = ACCESSIBILITY_STATEMENT_PREPARED
    return render(request, "public/accessibility.html", context)


def _page(request, current, template: str, status: int = 200, **extra):
    return render(request, f"public/{template}.html", {**page_context(current), **extra}, status=status)


@published_page
def front(request, current):
    return _page(request, current, "front", downloads=download_links(current.publication.organization.slug))


@published_page
def section(request, current, key):
    return _page(request, current, "section", section=_found(current.catalog.section(key)))


@published_page
def resource(request, current, key):
    entry = _found(current.catalog.resource(key))
    information_request = information_request_for(
        catalog=current.catalog,
        entry=entry,
        publication=current.publication,
        page_url=public_base_url(request) + request.path,
    )
    return _page(request, current, "resource", entry=entry, information_request=information_request)


@published_page
def system(request, current, key):
    return _page(request, current, "system", system=_found(current.catalog.system(key)))


@published_page
def open_data(request, current):
    return _page(request, current, "open_data")


@published_page
def history(request, current):
    """Every publication, newest first; a withdrawn one is listed with when and why, without a link to it."""
    publications = list(publication_list(organization=current.publication.organization))
    # Each served publication is compared with the served one before it (withdrawn ones are skipped).
    previous = None
    for item in reversed(publications):
        item.previous_number = previous
        if not item.withdrawn:
            previous = item.number
    return _page(request, current, "history", publications=publications)


def _archived(current, number: int):
    if number == current.publication.number:
        return current.publication, current.catalog
    archived = _found(publication_by_number(organization=current.publication.organization, number=number))
    return archived, None if archived.withdrawn else PublishedCatalog(archived.content)


def _withdrawn(request, current, archived):
    """A withdrawn publication's address: 410 Gone, saying when and why, never its content."""
    return _page(request, current, "withdrawn", archived=archived, status=410)


@published_page
def publication(request, current, number):
    """Any publication in full, as it was published, unless it was withdrawn."""
    archived, archived_catalog = _archived(current, number)
    if archived.withdrawn:
        return _withdrawn(request, current, archived)
    return _page(request, current, "publication", archived=archived, archived_catalog=archived_catalog)


@published_page
def diff(request, current, number):
    """What changed in publication `number` compared with the served one before it."""
    archived, _catalog = _archived(current, number)
    if archived.withdrawn:
        return _withdrawn(request, current, archived)
    return _page(
        request,
        current,
        "diff",
        archived=archived,
        previous=publication_previous(archived),
        changes=publication_changes(archived),
    )


def _framed_by_embedding_sites(view):
    """Let the sites of PUBLIC_EMBED_FRAME_ANCESTORS frame the page (CSP frame-ancestors; X-Frame-Options off).

    Set on every answer, 304s included, as a 304's headers update the browser's stored page.
    """

    @functools.wraps(view)
    @xframe_options_exempt
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        # django-csp's per-response override, read by its middleware (what its csp_replace decorator sets).
        response._csp_replace = {"frame-ancestors": settings.PUBLIC_EMBED_FRAME_ANCESTORS}
        return response

    return wrapper


@_framed_by_embedding_sites
@published_page
def embed(request, current):
    """The description without the site's header and footer, for an iframe on the organisation's own site."""
    return _page(request, current, "embed")
