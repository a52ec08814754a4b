"""One search across every hosted organisation: /haku/ at the root, an organisation facet, the same ranking.

Run by `make test` on SQLite and PostgreSQL alike; the aggregate rankings of a fixed query list
(Finnish, Swedish and English) equal the recorded ones in data/aggregate_golden.json on both.
Rewrite that file with VARANTO_UPDATE_SEARCH_GOLDEN=1 after a deliberate change.
"""

import json
import os
import re
from pathlib import Path

import pytest

from varanto.catalog.models import Organization
from varanto.catalog.tests.factories import DataResourceFactory, OrganizationFactory, SectionFactory
from varanto.interchange.staticsite import relink
from varanto.publications.services import publication_create, publication_withdraw
from varanto.search.models import ThesaurusEntry
from varanto.search.selectors import search_page, search_resources
from varanto.search.services import search_index_ensure_current

GOLDEN = Path(__file__).parent / "data" / "aggregate_golden.json"
QUERIES = [
    "pysäköintivirhemaksu",
    "kirjaston aineistot",
    "rakennuslupa",
    "bygglov",
    "parking fine",
    "daycare",
    "päätökset",
]

pytestmark = pytest.mark.django_db


@pytest.fixture
def region(imatra_published):
    """Imatra and two smaller municipalities, each published and indexed."""
    for slug, name, resources in [
        (
            "ruokolahti",
            "Ruokolahden kunta",
            [
                ("pysakointi", "Pysäköinninvalvonta", "Pysäköintivirhemaksut ja siirtopäätökset"),
                ("kirjasto", "Kirjasto", "Kirjaston asiakkaat ja aineistot"),
            ],
        ),
        (
            "rautjarvi",
            "Rautjärven kunta",
            [
                ("rakennusvalvonta", "Rakennusvalvonta", "Rakennusluvat ja rakennushankkeet"),
                ("varhaiskasvatus", "Varhaiskasvatus", "Päiväkotien lapset ja varhaiskasvatuspäätökset"),
            ],
        ),
    ]:
        organization = OrganizationFactory(slug=slug, name=name)
        section = SectionFactory(organization=organization, key="palvelut", name="Palvelut")
        for key, resource_name, purpose in resources:
            DataResourceFactory(
                organization=organization, section=section, key=key, name=resource_name, purpose=purpose
            )
        publication_create(organization=organization)
    search_index_ensure_current()
    return imatra_published


def everywhere(query, **filters):
    return [
        (hit.organization.slug, hit.document.name)
        for hit in search_resources(query=query, organization=None, filters=filters).hits
    ]


def test_one_search_finds_every_organisations_resources(region):
    found = everywhere("pysäköintivirhemaksu")
    assert {slug for slug, _name in found} == {"imatran-kaupunki", "ruokolahti"}
    assert ("rautjarvi", "Rakennusvalvonta") in everywhere("bygglov")[:2]
    assert everywhere("pysäköintivirhemaksu", organization="ruokolahti") == [("ruokolahti", "Pysäköinninvalvonta")]


def test_the_organisation_facet_counts_each_organisations_results(region):
    facets = {f.name: f for f in search_resources(query="kirjasto", organization=None).facets}
    counts = {v.value: v.count for v in facets["organization"].values}
    assert counts["imatran-kaupunki"] >= 1 and counts["ruokolahti"] == 1
    assert "organization" not in {f.name for f in search_resources(query="kirjasto", organization=region).facets}


def test_the_aggregate_rankings_are_the_recorded_ones_on_every_database(region):
    rankings = {
        query: [
            [hit.organization.slug, hit.document.resource_key, hit.score]
            for hit in search_resources(query=query, organization=None).hits[:5]
        ]
        for query in QUERIES
    }
    if os.environ.get("VARANTO_UPDATE_SEARCH_GOLDEN") == "1":
        lines = [
            f"{json.dumps(q, ensure_ascii=False)}: {json.dumps(r, ensure_ascii=False)}" for q, r in rankings.items()
        ]
        GOLDEN.write_text("{\n" + ",\n".join(lines) + "\n}\n", encoding="utf-8")
        pytest.skip(f"rewrote {GOLDEN.name}")
    recorded = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert rankings == recorded


@pytest.mark.parametrize(
    ("prefix", "heading", "facet"),
    [
        ("", "Hae kaikkien organisaatioiden tietovarannoista", "Organisaatio"),
        ("/sv", "Sök i alla organisationers informationsresurser", "Organisation"),
        ("/en", "Search every organisation's data resources", "Organisation"),
    ],
)
def test_the_root_search_page_lists_results_of_every_organisation_with_an_organisation_facet(
    client, region, prefix, heading, facet
):
    response = client.get(f"{prefix}/haku/", {"q": "kirjasto"})
    html = response.content.decode()
    assert response.status_code == 200
    assert heading in html
    assert f'<h3 id="facet-organization">{facet}</h3>' in html
    assert f'href="{prefix}/ruokolahti/tietovaranto/kirjasto/"' in html
    assert f'href="{prefix}/imatran-kaupunki/tietovaranto/kirjasto/"' in html
    narrowed = client.get(f"{prefix}/haku/", {"q": "kirjasto", "organisaatio": "ruokolahti"}).content.decode()
    assert re.findall(r'<li class="result">\s*<h3><a href="([^"]+)"', narrowed) == [
        f"{prefix}/ruokolahti/tietovaranto/kirjasto/"
    ]


def test_the_root_search_page_refers_matters_of_other_authorities(client, region):
    html = client.get("/en/haku/", {"q": "tax card"}).content.decode()
    assert "The Finnish Tax Administration (Vero)" in html


def test_the_root_search_answers_304_until_any_organisation_publishes_withdraws_or_edits_its_thesaurus(
    client, region, django_capture_on_commit_callbacks
):
    def get(etag="", **params):
        return client.get("/haku/", {"q": "kirjasto", **params}, HTTP_IF_NONE_MATCH=etag)

    first = get()
    etag = first.headers["ETag"]
    assert first.status_code == 200 and "public" in first.headers["Cache-Control"]
    assert get(etag).status_code == 304 and get(etag).headers["ETag"] == etag
    # Another query, facet or language is another answer.
    assert get(etag, q="rakennuslupa").status_code == 200
    assert get(etag, organisaatio="ruokolahti").status_code == 200
    assert client.get("/sv/haku/", {"q": "kirjasto"}, HTTP_IF_NONE_MATCH=etag).status_code == 200

    rautjarvi = Organization.objects.get(slug="rautjarvi")
    DataResourceFactory(organization=rautjarvi, section=rautjarvi.sections.get(), key="kirjasto", name="Kirjasto")
    with django_capture_on_commit_callbacks(execute=True):
        publication = publication_create(organization=rautjarvi)
    published = get(etag)
    assert published.status_code == 200 and published.headers["ETag"] != etag
    assert "/rautjarvi/tietovaranto/kirjasto/" in published.content.decode()
    etag = published.headers["ETag"]
    assert get(etag).status_code == 304

    with django_capture_on_commit_callbacks(execute=True):
        publication_withdraw(publication=publication, reason="virhe")
    withdrawn = get(etag)
    assert withdrawn.status_code == 200 and "/rautjarvi/tietovaranto/kirjasto/" not in withdrawn.content.decode()
    etag = withdrawn.headers["ETag"]

    entry = ThesaurusEntry.objects.create(organization=rautjarvi, term="kirjastokortti", expansions="kirjasto")
    etag = get(etag).headers["ETag"]
    assert get(etag).status_code == 304
    entry.expansions = "aineisto"
    entry.save()
    assert get(etag).status_code == 200


def test_the_root_search_answers_304_in_one_query_whatever_the_number_of_organisations(
    client, region, django_assert_num_queries
):
    for n in range(5):
        organization = OrganizationFactory(slug=f"kunta-{n}", name=f"Kunta {n}")
        DataResourceFactory(organization=organization, section=SectionFactory(organization=organization))
        publication_create(organization=organization)
    search_index_ensure_current()
    etag = client.get("/haku/", {"q": "kirjasto"}).headers["ETag"]
    with django_assert_num_queries(1):
        assert client.get("/haku/", {"q": "kirjasto"}, HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_with_an_aggregate_search_a_static_copys_search_box_searches_every_organisation(settings):
    settings.SEARCH_AGGREGATE_URL = "https://haku.example.fi"
    html = '<form action="/ruokolahti/haku/"></form><form action="/sv/ruokolahti/haku/"></form><a href="/ruokolahti/">x</a>'
    assert relink(html, "ruokolahti/index.html", "https://varanto.example.fi") == (
        '<form action="https://haku.example.fi/haku/"></form>'
        '<form action="https://haku.example.fi/sv/haku/"></form><a href="index.html">x</a>'
    )


@pytest.mark.parametrize(
    "filters",
    [{}, {"organization": "ruokolahti"}, {"section": "palvelut"}, {"api": "no", "section": "palvelut"}, {"api": "yes"}],
)
def test_the_results_page_reads_the_same_results_and_facets_a_page_at_a_time(region, filters):
    for query in QUERIES:
        every = search_resources(query=query, organization=None, filters=filters)
        paged = search_page(query=query, organization=None, filters=filters)
        expected = [(hit.organization.slug, hit.document.resource_key, hit.score) for hit in every.hits]
        assert len(paged.hits) == len(expected)
        read = [hit for start in range(0, len(expected), 3) for hit in paged.hits[start : start + 3]]
        assert [(hit.organization.slug, hit.document.resource_key, hit.score) for hit in read] == expected
        assert [hit.snippet for hit in read] == [hit.snippet for hit in every.hits]
        assert paged.facets == every.facets
