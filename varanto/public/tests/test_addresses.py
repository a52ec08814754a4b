"""Absolute addresses (request texts, DCAT, the API's links) name where the site is served: PUBLIC_BASE_URL
when it is set, otherwise the address the request was sent to, so `make run PORT=…` or any host works."""

import html
import re

import pytest

pytestmark = pytest.mark.django_db

RESOURCE = "/imatran-kaupunki/tietovaranto/vesihuolto/"


def _request_text(response) -> str:
    found = re.search(r'<textarea id="request-text"[^>]*>(.*?)</textarea>', response.content.decode(), re.S)
    assert found is not None
    return html.unescape(found[1])


@pytest.fixture
def hosts(settings):
    settings.ALLOWED_HOSTS = ["kuvaus.example.fi", "127.0.0.1", "testserver"]
    settings.PUBLIC_BASE_URL = ""


def test_without_public_base_url_the_request_text_links_to_where_the_page_was_asked(client, imatra_published, hosts):
    text = _request_text(client.get(RESOURCE, HTTP_HOST="127.0.0.1:8123"))
    assert f"http://127.0.0.1:8123{RESOURCE}" in text
    # Pages are kept per host as well as path: another host's visitor is not given the first one's links.
    assert f"http://kuvaus.example.fi{RESOURCE}" in _request_text(client.get(RESOURCE, HTTP_HOST="kuvaus.example.fi"))


def test_dcat_and_the_api_name_the_serving_address(client, imatra_published, hosts):
    dcat = client.get("/imatran-kaupunki/dcat/catalog.ttl", HTTP_HOST="127.0.0.1:8123").content.decode()
    assert f"<http://127.0.0.1:8123{RESOURCE}>" in dcat
    api = client.get("/api/v1/organizations/imatran-kaupunki/", HTTP_HOST="127.0.0.1:8123").json()
    assert api["url"] == "http://127.0.0.1:8123/imatran-kaupunki/"


def test_a_set_public_base_url_wins_over_the_request(client, imatra_published, hosts, settings):
    settings.PUBLIC_BASE_URL = "https://kuvaus.example.fi"
    assert f"https://kuvaus.example.fi{RESOURCE}" in _request_text(client.get(RESOURCE, HTTP_HOST="127.0.0.1:8123"))
    dcat = client.get("/imatran-kaupunki/dcat/catalog.ttl", HTTP_HOST="127.0.0.1:8123").content.decode()
    assert f"<https://kuvaus.example.fi{RESOURCE}>" in dcat


def test_the_api_root_answers_with_where_its_parts_are(client, hosts):
    answer = client.get("/api/v1/", HTTP_HOST="kuvaus.example.fi")
    assert answer.status_code == 200
    assert answer.json()["organizations"] == "http://kuvaus.example.fi/api/v1/organizations/"
    assert client.get(answer.json()["docs"].removeprefix("http://kuvaus.example.fi")).status_code == 200
    assert client.post("/api/v1/").status_code == 405
    assert client.get("/api/v1/ei-ole/").status_code == 404
