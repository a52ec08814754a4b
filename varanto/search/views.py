"""The public search results pages, usable without JavaScript: one organisation's, /<org>/haku/?q=…,
and every hosted organisation's together, /haku/?q=… (a regional or national aggregate); and the search
in the browser that the static copy of the site uses instead (`in_browser`)."""

import json
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language

from varanto.public.http import published_page, site_search_page
from varanto.public.pages import page_context
from varanto.public.translation import content_text

from .display import facet_value_html, result_views
from .forms import FACET_PARAMETERS, PAGE_PARAMETER, SHOW_ALL_PARAMETER, SearchForm
from .referrals import PAGE_LANGUAGES
from .selectors import search_page, search_referrals, search_state, site_search_state

RESULTS_PER_PAGE = 20
# Values of a facet shown before its "show all" link: searching every organisation, the organisation and
# system facets have hundreds.
FACET_VALUES_SHOWN = 10
PARAMETER_OF_FACET = {facet: param for param, facet in FACET_PARAMETERS.items()}


@published_page(state=search_state)
def results(request, current):
    """Hakutulokset: data resources of the organisation's latest publication matching the query."""
    return _results(request, page_context(current), current.publication.organization)


@site_search_page(state=site_search_state)
def site_results(request):
    """Haku kaikista: every hosted organisation's data resources, ranked as each one's own search ranks
    them, with an organisation facet."""
    return _results(request, {"org_slug": None, "site_search": True}, None)


def _results(request, context: dict, organization):
    form = SearchForm(request.GET)
    form.is_valid()
    query = form.cleaned_data.get("q", "")
    context.update(form=form, query=query, results=None, page=None, facets=[], referrals=[])
    if query and not form.errors:
        context["referrals"] = page_referrals(query, organization)
        # Reads the index the publishing service built; a GET never builds one.
        found = search_page(query=query, organization=organization, filters=form.filters())
        page = Paginator(found.hits, RESULTS_PER_PAGE).get_page(request.GET.get(PAGE_PARAMETER))
        context.update(
            results=found,
            page=page,
            shown=result_views(page.object_list, site_search=organization is None),
            facets=[
                _facet_links(
                    request.GET, facet, show_all=request.GET.get(SHOW_ALL_PARAMETER) == PARAMETER_OF_FACET[facet.name]
                )
                for facet in found.facets
                if facet.values
            ],
            page_links=_page_links(request.GET, page),
        )
    return render(request, "search/results.html", context, status=400 if form.errors else 200)


def page_referrals(query: str, organization) -> list[dict]:
    """The referrals of a query, in the page's language."""
    language = (get_language() or "fi")[:2]
    language = language if language in PAGE_LANGUAGES else "fi"
    return [rule.in_language(language) for rule in search_referrals(query=query, organization=organization)]


def _with(params, **changes) -> str:
    """The current query string with some parameters set (a value of None removes one)."""
    # As QueryDict.copy(), pop and set would make it (the changed ones last), without copying the QueryDict.
    items = [(name, value) for name, values in params.lists() if name not in changes for value in values]
    items += [(name, value) for name, value in changes.items() if value is not None]
    return "?" + urlencode(items)


def _facet_links(params, facet, *, show_all: bool) -> dict:
    """A facet's links: its FACET_VALUES_SHOWN first values (the chosen one is first), or all of them."""
    param = PARAMETER_OF_FACET[facet.name]
    shown = facet.values if show_all else facet.values[:FACET_VALUES_SHOWN]
    hidden = len(facet.values) - len(shown)
    return {
        "facet": facet,
        "values": [
            facet_value_html(
                v,
                _with(
                    params, **{param: None if v.selected else v.value, PAGE_PARAMETER: None, SHOW_ALL_PARAMETER: None}
                ),
            )
            for v in shown
        ],
        "clear_url": _with(params, **{param: None, PAGE_PARAMETER: None}),
        "total": len(facet.values),
        "show_all_url": _with(params, **{SHOW_ALL_PARAMETER: param}) if hidden else None,
        "show_fewer_url": _with(params, **{SHOW_ALL_PARAMETER: None})
        if show_all and len(facet.values) > FACET_VALUES_SHOWN
        else None,
    }


def _page_links(params, page) -> dict:
    return {
        "previous": _with(params, **{PAGE_PARAMETER: str(page.previous_page_number())})
        if page.has_previous()
        else None,
        "next": _with(params, **{PAGE_PARAMETER: str(page.next_page_number())}) if page.has_next() else None,
    }


@published_page
def in_browser(request, current):
    """Haku selaimessa: a search page that finds resources by their words with a script, no server needed."""
    return render(request, "search/in_browser.html", page_context(current))


@published_page
def in_browser_index(request, current):
    """What `in_browser` searches: each resource's key and its public words in the page's language, as a script
    (a script file loads from disk, where a JSON file could not be fetched)."""
    language = get_language()
    documents = []
    for entry in current.catalog.resources:
        record = entry.record
        documents.append(
            {
                "key": entry.key,
                "name": content_text(record, "name", language)[0],
                "section": content_text(entry.section, "name", language)[0],
                "text": " ".join(
                    [
                        content_text(record, "purpose", language)[0],
                        *(record.get("key_datasets") or []),
                        *(record.get("keywords") or []),
                    ]
                ),
            }
        )
    script = "window.varantoSearchIndex = " + json.dumps(documents, ensure_ascii=False).replace("</", "<\\/") + ";\n"
    return HttpResponse(script, content_type="text/javascript; charset=utf-8")
