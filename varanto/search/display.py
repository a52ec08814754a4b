"""What the results page shows of each hit, made in Python once per hit rather than looked up piece by
piece in the template: the template only places finished, escaped values (rendering was about half
of a results page's work)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from .facets import FacetValue
from .selectors import SearchHit
from .snippets import marked_html
from .templatetags.search_tags import matched_fields

RESOURCE_URLS = 20_000  # about a national installation's data resources in its three languages


@dataclass(frozen=True)
class ResultView:
    url: str
    name_html: SafeString  # the name, escaped, with the matches in <mark>
    organization: str  # when every organisation is searched; else ""
    section: str
    snippet_label: str
    snippet_html: str | None  # escaped, with the matches in <mark>
    fields: str  # "Name, Keywords": where the words were found


def result_views(hits: Iterable[SearchHit], *, site_search: bool) -> list[ResultView]:
    language = get_language()
    views = []
    for hit in hits:
        organization, document, snippet = hit.organization, hit.document, hit.snippet
        views.append(
            ResultView(
                url=resource_url(organization.slug, document.resource_key, language),
                name_html=marked_html(hit.name_segments),
                organization=organization.name if site_search else "",
                section=document.section_name,
                snippet_label=snippet.label if snippet else "",
                snippet_html=snippet.html if snippet else None,
                fields=", ".join(matched_fields(hit.contributions)),
            )
        )
    return views


def facet_value_html(value: FacetValue, url: str) -> SafeString:
    """One choice of a facet as a list item: a link that chooses it (or, chosen, removes it) and its count."""
    if not value.selected:
        return format_html(
            '<li><a href="{}">{} <span class="count">({})</span></a></li>', url, value.label, value.count
        )
    return format_html(
        '<li><a href="{}" aria-current="true" class="selected">{} <span class="count">({})</span> '
        '<span class="visually-hidden">{}</span></a></li>',
        url,
        value.label,
        value.count,
        _("(chosen; choose again to remove)"),
    )


@lru_cache(maxsize=RESOURCE_URLS)
def resource_url(org_slug: str, key: str, language: str | None) -> str:
    """The resource page's address in `language` (the active one, which `reverse` reads): the same for
    as long as the process runs, and a dozen of them on every results page."""
    return reverse("public:resource", kwargs={"org": org_slug, "key": key})
