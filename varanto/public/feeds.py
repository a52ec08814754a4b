"""The Atom feed of an organisation's publications (RFC 4287), for anyone who follows the description."""

from __future__ import annotations

from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language

from varanto.core.addresses import public_base_url
from varanto.publications.selectors import publications_with_changes

from .http import published_page
from .pages import page_context

# The newest publications a feed lists; a reader keeps what it saw before, so more would only cost.
FEED_ENTRIES = 20
ATOM = "application/atom+xml"


def _absolute(request, name: str, **kwargs) -> str:
    return public_base_url(request) + reverse(name, kwargs=kwargs)


@published_page
def publications_feed(request, current):
    """One entry per served publication: what changed since the one before, linked to its comparison page."""
    org = current.publication.organization.slug
    entries = [
        {
            "publication": publication,
            "changes": changes,
            "url": _absolute(
                request,
                "public:diff" if changes is not None else "public:publication",
                org=org,
                number=publication.number,
            ),
            "id": _absolute(request, "public:publication", org=org, number=publication.number),
        }
        for publication, changes in publications_with_changes(
            organization=current.publication.organization, limit=FEED_ENTRIES
        )
    ]
    context = {
        **page_context(current),
        "entries": entries,
        "language": get_language(),
        "feed_url": _absolute(request, "public:feed", org=org),
        "history_url": _absolute(request, "public:history", org=org),
    }
    return render(request, "public/publications.atom", context, content_type=f"{ATOM}; charset=utf-8")
