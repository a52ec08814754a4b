"""The results page's work is bounded by the page, not by the number of matches: searching every
organisation of a national installation matches thousands of resources in hundreds of organisations."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from varanto.catalog.tests.factories import DataResourceFactory, OrganizationFactory, SectionFactory
from varanto.publications.services import publication_create
from varanto.search.services import search_index_ensure_current
from varanto.search.views import FACET_VALUES_SHOWN, RESULTS_PER_PAGE

pytestmark = pytest.mark.django_db

RESOURCES = 10  # per organisation, each a match of "kirjasto"


def add_organizations(first, last):
    for number in range(first, last):
        organization = OrganizationFactory(slug=f"kunta-{number}", name=f"Kunta {number}")
        section = SectionFactory(organization=organization, key=f"osio-{number}", name=f"Sivistys {number}")
        for resource in range(RESOURCES):
            DataResourceFactory(
                organization=organization,
                section=section,
                key=f"kirjasto-{resource}",
                name=f"Kirjaston aineisto {resource}",
                purpose="Kirjaston asiakkaat ja lainat",
            )
        publication_create(organization=organization)
    search_index_ensure_current()


def facet_values(html: str) -> list[str]:
    aside = html[html.index('<aside class="facets"') : html.index("</aside>")]
    return re.findall(r"<li><a ", aside)


def page(client, **params):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/en/haku/", {"q": "kirjasto", **params})
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def test_the_page_makes_as_many_queries_and_shows_as_many_facet_values_for_20_as_for_200_matches(client):
    add_organizations(0, 2)
    page(client)  # caches what every search reads once per process
    few, few_queries = page(client)
    assert "20 data resources found" in few
    add_organizations(2, 20)
    many, many_queries = page(client)
    assert "200 data resources found" in many
    assert many_queries == few_queries
    assert len(re.findall(r'<li class="result">', many)) == RESULTS_PER_PAGE
    # Organisation and section facets have 20 values each: FACET_VALUES_SHOWN of each, and a link to the rest.
    assert len(facet_values(many)) <= 3 * FACET_VALUES_SHOWN
    assert many.count("Show all 20") == 2
    _last, last_queries = page(client, sivu="10")
    assert last_queries == few_queries


@pytest.mark.parametrize(
    ("prefix", "show_all", "show_fewer"),
    [
        ("", "Näytä kaikki 12", "Näytä vähemmän"),
        ("/sv", "Visa alla 12", "Visa färre"),
        ("/en", "Show all 12", "Show fewer"),
    ],
)
def test_show_all_lists_every_value_of_that_one_facet_and_show_fewer_goes_back(client, prefix, show_all, show_fewer):
    add_organizations(0, 12)
    html = client.get(f"{prefix}/haku/", {"q": "kirjasto", "organisaatio": "kunta-11"}).content.decode()
    organizations = html[html.index('id="facet-organization"') : html.index("</aside>")]
    assert len(re.findall(r"<li><a ", organizations)) == FACET_VALUES_SHOWN
    assert 'aria-current="true"' in organizations  # the chosen value is among those shown
    link = re.search(r'<a href="([^"]+)">' + show_all, organizations)
    assert link, "no show-all link"
    url = link.group(1).replace("&amp;", "&")
    assert "kaikki=organisaatio" in url and url.endswith("#facet-organization")
    expanded = client.get(f"{prefix}/haku/" + url.split("#")[0]).content.decode()
    organizations = expanded[expanded.index('id="facet-organization"') : expanded.index("</aside>")]
    sections = expanded[expanded.index('id="facet-section"') :].split("</section>")[0]
    assert len(re.findall(r"<li><a ", organizations)) == 12
    assert show_fewer in organizations and show_all not in organizations
    assert len(re.findall(r"<li><a ", sections)) == 1  # the other facets stay as they were (filtered by organisation)
