"""The public API: the latest publication, filtered and paged, with conditional GET and nothing internal."""

import json

import pytest
from django.urls import reverse

from varanto.catalog.models import DataResource, InformationSystem, Organization
from varanto.catalog.tests.factories import OrganizationFactory
from varanto.publications.services import publication_create
from varanto.search.services import search_index_ensure_current

pytestmark = pytest.mark.django_db

ORG = "imatran-kaupunki"
SECRETS = ("Palomuurin säännöt", "Sopimus päättyy 2027", "Pääkäyttäjien MFA")


def api(name: str, **kwargs) -> str:
    return reverse(f"api:{name}", kwargs=kwargs)


def get(client, url: str, **params):
    response = client.get(url, params)
    assert response.status_code == 200, response.content
    return response.json()


def keys(page: dict) -> list[str]:
    return [item["key"] for item in page["results"]]


def test_only_organisations_that_have_published_are_listed_under_their_published_name(client, imatra_published):
    OrganizationFactory(name="Julkaisematon kunta")
    Organization.objects.filter(pk=imatra_published.pk).update(name="Imatra (luonnos)")
    page = get(client, api("organizations"))
    assert [o["slug"] for o in page["results"]] == [ORG]
    assert page["results"][0]["name"] == "Imatran kaupunki"
    assert page["results"][0]["publication"]["number"] == 1


def test_an_organisation_says_where_information_requests_go_and_links_its_downloads(client, imatra_published):
    organization = get(client, api("organization", org=ORG))
    assert organization["information_requests"]["registry_office"]["email"] == "kirjaamo@imatra.fi"
    assert organization["downloads"]["dcat-ttl"].endswith(f"/{ORG}/lataa/kuvaus.dcat.ttl")
    assert organization["url"].endswith(f"/{ORG}/")


def uses_m_files(record: dict) -> bool:
    return any(s["name"] == "M-Files" for s in record["systems"])


@pytest.mark.parametrize(
    ("params", "matches"),
    [
        ({"section": "imatran-seudun-ymparistotoimi"}, lambda r: r["section"] == "imatran-seudun-ymparistotoimi"),
        ({"system": "m-files"}, uses_m_files),
        ({"system": "M-Files"}, uses_m_files),
        ({"disclosure": "public"}, lambda r: r["disclosure"]["level"] == "public"),
        (
            {"api": "yes", "section": "konsernipalvelut"},
            lambda r: r["api"]["availability"] == "yes" and r["section"] == "konsernipalvelut",
        ),
    ],
)
def test_data_resources_are_filtered_by_section_system_disclosure_and_interface(
    client, imatra_published, params, matches
):
    catalog = json.loads(client.get(reverse("downloads:file", kwargs={"org": ORG, "fmt": "json"})).content)
    expected = [r for r in catalog["resources"] if matches(r)]
    assert len(expected) >= 2 or params.get("api")
    page = get(client, api("resources", org=ORG), page_size=500, **params)
    assert [{k: v for k, v in item.items() if k != "url"} for item in page["results"]] == expected


def test_a_text_query_finds_the_resource_a_resident_means_best_first(client, imatra_published):
    # What the publication's commit does (a test's transaction never commits); the API itself never builds it.
    search_index_ensure_current(organization=imatra_published)
    page = get(client, api("resources", org=ORG), q="sain pysäköintivirhemaksun")
    assert keys(page)[0] == "pysakoinninvalvonta"
    assert page["results"][0]["score"] > 0
    assert get(client, api("resources", org=ORG), q="pysäköinti", section="konsernipalvelut")["count"] == 0


def test_lists_are_paged(client, imatra_published):
    first = get(client, api("resources", org=ORG), page_size=10)
    assert first["count"] == 31
    assert len(first["results"]) == 10
    second = client.get(first["next"]).json()
    assert set(keys(first)).isdisjoint(keys(second))
    assert client.get(api("resources", org=ORG), {"page": 99}).status_code == 404


def test_a_bad_query_parameter_is_named_in_a_400(client, imatra_published):
    response = client.get(api("resources", org=ORG), {"disclosure": "secret", "page_size": "0"})
    assert response.status_code == 400
    assert set(response.json()) == {"disclosure", "page_size"}


def test_a_system_lists_the_resources_that_use_it_with_their_usage(client, imatra_published):
    keypro = get(client, api("system", org=ORG, key="keypro"))
    assert {"key": "vesihuolto", "name": "Vesihuolto", "usage": "verkosto"} in keypro["resources"]
    assert keypro["url"].endswith(f"/{ORG}/jarjestelma/keypro/")
    assert [s["key"] for s in get(client, api("systems", org=ORG), q="m-fil")["results"]] == ["m-files"]


def test_a_system_lists_its_interfaces_without_their_internal_notes(client, imatra_published):
    facta = get(client, api("system", org=ORG, key="facta"))
    assert {(i["from"], i["to"]) for i in facta["interfaces"]} == {("Lupapiste.fi", "Facta"), ("Facta", "M-Files")}
    assert all("internal_notes" not in i for i in facta["interfaces"])


def test_sections_list_their_resources_and_open_data_has_the_wms_layers(client, imatra_published):
    sections = get(client, api("sections", org=ORG))["results"]
    assert sections[0]["key"] == "konsernipalvelut"
    assert "asian-ja-paatoksenteon-hallinta" in sections[0]["resources"]
    open_data = get(client, api("open_data", org=ORG))
    assert {"title": "Kantakartta", "name": "Kantakartta"} in open_data["services"][0]["layers"]


def test_unknown_records_organisations_and_unpublished_ones_are_404(client, imatra):
    assert client.get(api("resources", org=ORG)).status_code == 404
    publication_create(organization=imatra)
    assert client.get(api("resource", org=ORG, key="ei-ole")).status_code == 404
    assert client.get(api("organization", org="ei-ole")).status_code == 404
    assert client.get("/api/v1/ei/ole/").json() == {"detail": "Not found."}


def test_every_publication_can_be_read_whole_by_number(client, imatra_published):
    DataResource.objects.filter(key="vesihuolto").update(name="Vesihuolto ja viemäröinti")
    publication_create(organization=imatra_published, note="Toinen")
    listed = get(client, api("publications", org=ORG))["results"]
    assert [p["number"] for p in listed] == [2, 1]
    first = get(client, api("publication", org=ORG, number=1))
    assert first["publication"]["number"] == 1
    assert any(r["name"] == "Vesihuolto" for r in first["resources"])
    assert get(client, api("resource", org=ORG, key="vesihuolto"))["name"] == "Vesihuolto ja viemäröinti"


ENDPOINTS = [
    ("organizations", {}),
    ("organization", {"org": ORG}),
    ("sections", {"org": ORG}),
    ("section", {"org": ORG, "key": "konsernipalvelut"}),
    ("resources", {"org": ORG}),
    ("resource", {"org": ORG, "key": "vesihuolto"}),
    ("systems", {"org": ORG}),
    ("system", {"org": ORG, "key": "m-files"}),
    ("open_data", {"org": ORG}),
    ("publications", {"org": ORG}),
    ("publication", {"org": ORG, "number": 1}),
]


@pytest.mark.parametrize(("name", "kwargs"), ENDPOINTS)
def test_every_answer_has_an_etag_and_a_conditional_request_gets_304(client, imatra_published, name, kwargs):
    first = client.get(api(name, **kwargs))
    assert first.status_code == 200
    assert first["Access-Control-Allow-Origin"] == "*"
    again = client.get(api(name, **kwargs), HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert client.get(api(name, **kwargs), HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304


def test_a_new_publication_changes_the_etag(client, imatra_published):
    etag = client.get(api("resources", org=ORG))["ETag"]
    publication_create(organization=imatra_published, note="Uusi")
    assert client.get(api("resources", org=ORG), HTTP_IF_NONE_MATCH=etag).status_code == 200


@pytest.mark.parametrize(("name", "kwargs"), ENDPOINTS)
def test_public_answers_never_hold_internal_fields_or_unpublished_edits(client, imatra, name, kwargs):
    DataResource.objects.filter(key="vesihuolto").update(security_measures=SECRETS[0], internal_notes=SECRETS[1])
    InformationSystem.objects.filter(key="m-files").update(security_measures=SECRETS[2])
    publication_create(organization=imatra)
    DataResource.objects.filter(key="vesihuolto").update(purpose="Luonnos, ei julkaistu")
    text = client.get(api(name, **kwargs)).content.decode()
    for secret in (*SECRETS, "Luonnos, ei julkaistu"):
        assert secret not in text
    for field in ("security_measures", "internal_notes", "review", "last_reviewed"):
        assert f'"{field}"' not in text


def test_the_resource_list_reads_a_fixed_number_of_queries(client, imatra_published, django_assert_max_num_queries):
    client.get(api("resources", org=ORG))  # the publication is read into memory once
    with django_assert_max_num_queries(2):
        assert client.get(api("resources", org=ORG), {"page_size": 500}).status_code == 200


def test_the_resource_list_answers_from_the_publication_in_memory_without_queries(
    client, imatra_published, django_assert_num_queries
):
    client.get(api("resources", org=ORG))  # the publication is read into the shared memory once
    with django_assert_num_queries(0):
        response = client.get(api("resources", org=ORG), {"page_size": 50})
    assert response.status_code == 200 and response.json()["count"] == 31


def test_the_schema_describes_public_records_without_their_internal_fields(client, db):
    response = client.get(api("schema"), HTTP_ACCEPT="application/vnd.oai.openapi+json")
    schema = response.json()
    assert schema["openapi"].startswith("3.1")
    components = schema["components"]["schemas"]
    assert "security_measures" not in components["Resource"]["properties"]
    assert "security_measures" not in components["ResourceItem"]["properties"]
    assert "security_measures" in components["WorkingResource"]["properties"]
    assert "/api/v1/organizations/{org}/resources/" in schema["paths"]


def test_the_browsable_docs_are_served_from_local_files(client, db):
    html = client.get(api("docs")).content.decode()
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in html
    assert "https://" not in html and "http://" not in html
