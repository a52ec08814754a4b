"""One ETag helper for pages, search, the public API and downloads; the API's kept answers."""

import pytest
from django.urls import reverse

from varanto.catalog.models import DataResource
from varanto.public import cache
from varanto.publications.services import publication_create

pytestmark = pytest.mark.django_db

ORG = "imatran-kaupunki"
ADDRESSES = {
    "page": f"/{ORG}/tietovaranto/vesihuolto/",
    "search": f"/{ORG}/haku/?q=vesi",
    "api list": reverse("api:resources", kwargs={"org": ORG}) + "?page_size=5",
    "api detail": reverse("api:resource", kwargs={"org": ORG, "key": "vesihuolto"}),
    "api publication": reverse("api:publication", kwargs={"org": ORG, "number": 1}),
    "download": reverse("downloads:file", kwargs={"org": ORG, "fmt": "json"}),
}


def etags(client) -> dict[str, str]:
    found = {}
    for name, address in ADDRESSES.items():
        response = client.get(address)
        assert response.status_code == 200, name
        found[name] = response["ETag"]
    return found


def test_every_path_agrees_same_publication_same_etag_and_a_new_one_changes_them_all(client, imatra_published):
    first = etags(client)
    assert len(set(first.values())) == len(first)  # each variant has its own
    # Every ETag names the same publication the same way: number and content hash first.
    assert len({etag.split("-")[0] + etag.split("-")[1] for etag in first.values()}) == 1
    cache.public_caches_clear()
    assert etags(client) == first  # same publication, same variant: same ETag, whoever made it

    publication_create(organization=imatra_published, note="Sama sisältö uudelleen")
    second = etags(client)
    # "api publication" names publication 1 by number, which is still the same publication.
    assert second["api publication"] == first["api publication"]
    changed = {name for name in first if first[name] != second[name]}
    assert changed == set(ADDRESSES) - {"api publication"}
    for name, address in ADDRESSES.items():
        expected = 304 if name == "api publication" else 200
        assert client.get(address, HTTP_IF_NONE_MATCH=first[name]).status_code == expected, name


def test_an_api_answer_is_kept_until_the_next_publication(client, imatra_published):
    address = ADDRESSES["api detail"]
    first = client.get(address)
    assert len(cache.answers) == 1
    DataResource.objects.filter(key="vesihuolto").update(name="Muutettu, ei julkaistu")
    again = client.get(address)
    assert again.content == first.content and again["Content-Type"] == first["Content-Type"]
    assert again["ETag"] == first["ETag"] and again["Access-Control-Allow-Origin"] == "*"
    assert "max-age=60" in again["Cache-Control"]

    publication_create(organization=imatra_published)
    fresh = client.get(address)
    assert fresh.json()["name"] == "Muutettu, ei julkaistu" and fresh["ETag"] != first["ETag"]


def test_api_answers_are_kept_per_address_and_accept(client, imatra_published):
    address = ADDRESSES["api list"]
    plain = client.get(address)
    other_page = client.get(address + "&page=2")
    assert plain.json()["results"] != other_page.json()["results"]
    client.get(address, HTTP_ACCEPT="application/json")
    assert len(cache.answers) == 3  # each address and Accept is kept apart
    assert client.get(address).content == plain.content


def test_an_error_answer_is_not_kept(client, imatra_published):
    address = reverse("api:resources", kwargs={"org": ORG}) + "?page_size=0"
    assert client.get(address).status_code == 400
    assert len(cache.answers) == 0
