"""Validators from the publication, 304s, and the in-process page cache."""

import pytest
from django.http import HttpResponse
from django.test import RequestFactory
from django.utils.http import http_date

from varanto.catalog.models import DataResource
from varanto.public import cache
from varanto.public.http import PublishedPageCacheMiddleware
from varanto.publications.services import publication_create

from .sitemap import page_types

pytestmark = pytest.mark.django_db

RESOURCE = "/imatran-kaupunki/tietovaranto/vesihuolto/"


def test_every_page_type_carries_etag_last_modified_and_public_cache_control(client, imatra_published):
    publication_create(organization=imatra_published)  # a second one, so the diff page exists
    for kind, url in page_types(imatra_published).items():
        response = client.get(url)
        assert response.status_code == 200, kind
        assert response["ETag"].startswith('"'), kind
        assert response["Last-Modified"], kind
        assert "public" in response["Cache-Control"] and "max-age=60" in response["Cache-Control"], kind
        assert "cookie" not in response.get("Vary", "").lower(), kind
        assert not response.cookies, kind


def test_the_etag_names_the_publication_and_language(client, imatra_published):
    finnish = client.get(RESOURCE)["ETag"]
    swedish = client.get("/sv" + RESOURCE)["ETag"]
    assert finnish != swedish
    assert finnish.startswith('"1-') and "-fi-" in finnish and "-sv-" in swedish

    publication_create(organization=imatra_published)
    assert client.get(RESOURCE)["ETag"].startswith('"2-')


@pytest.mark.parametrize("warm", [False, True], ids=["rendered", "from-cache"])
def test_a_matching_if_none_match_gets_304_without_a_body(client, imatra_published, warm):
    etag = client.get(RESOURCE)["ETag"]
    if not warm:
        cache.pages.clear()
    response = client.get(RESOURCE, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag and "max-age=60" in response["Cache-Control"]
    assert client.get(RESOURCE, HTTP_IF_NONE_MATCH='"something-else"').status_code == 200


def test_if_modified_since_gets_304_until_the_next_publication(client, imatra_published):
    last_modified = client.get(RESOURCE)["Last-Modified"]
    assert client.get(RESOURCE, HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304

    publication = publication_create(organization=imatra_published)
    later = http_date(publication.published_at.timestamp() - 3600)
    cache.pages.clear()
    assert client.get(RESOURCE, HTTP_IF_MODIFIED_SINCE=later).status_code == 200


def test_a_page_seen_before_is_served_from_memory_without_queries(client, imatra_published, django_assert_num_queries):
    first = client.get(RESOURCE)
    with django_assert_num_queries(0):
        again = client.get(RESOURCE)
    assert again.status_code == 200
    assert again.content == first.content
    assert again.headers == first.headers


def test_a_new_publication_is_shown_at_once(client, imatra_published):
    assert "Vesihuollon järjestäminen ja hallinta" in client.get(RESOURCE).content.decode()
    DataResource.objects.filter(organization=imatra_published, key="vesihuolto").update(purpose="Uusi tarkoitus")
    assert "Uusi tarkoitus" not in client.get(RESOURCE).content.decode()  # not published yet

    publication_create(organization=imatra_published)

    assert "Uusi tarkoitus" in client.get(RESOURCE).content.decode()


def test_requests_with_a_query_string_are_neither_served_from_nor_stored_in_memory(client, imatra_published):
    client.get(RESOURCE + "?utm_source=uutiskirje")
    assert cache.pages.get(cache.page_key("testserver", RESOURCE + "?utm_source=uutiskirje")) is None
    assert cache.pages.get(cache.page_key("testserver", RESOURCE)) is None


def test_a_response_that_sets_or_varies_on_a_cookie_is_never_kept(imatra_published):
    request = RequestFactory().get(RESOURCE)
    publication_id = cache.current_publication("imatran-kaupunki").publication.id
    for make in (lambda r: r.set_cookie("sessionid", "x"), lambda r: r.headers.__setitem__("Vary", "Cookie")):
        response = HttpResponse("henkilökohtainen")
        response.varanto_page = ("imatran-kaupunki", publication_id, '"e"', 0.0)
        make(response)
        PublishedPageCacheMiddleware(lambda _request, response=response: response)(request)
        assert cache.pages.get(cache.page_key("testserver", RESOURCE)) is None


def test_a_cold_front_page_takes_a_fixed_small_number_of_queries(
    client, imatra_published, django_assert_max_num_queries
):
    with django_assert_max_num_queries(3):
        assert client.get("/imatran-kaupunki/").status_code == 200
