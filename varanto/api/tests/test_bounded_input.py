"""Odd input to the API is refused with a message, never a 500 (issue 12, finding 8)."""

import pytest
from django.urls import reverse

from varanto.accounts.models import Role
from varanto.catalog.models import DataResource
from varanto.core.versions import record_version

from .helpers import auth

pytestmark = pytest.mark.django_db


def resource_url() -> str:
    return reverse("api:working_resource", kwargs={"org": "imatran-kaupunki", "key": "vesihuolto"})


def patch(client, token, body, **headers):
    return client.patch(resource_url(), body, content_type="application/json", **auth(token, **headers))


@pytest.mark.parametrize("text", ["²", "٣", "1" * 5000, "", "-1", " 1", "v1"])
def test_only_ascii_digits_make_a_record_version(text):
    assert record_version(text) is None


def test_record_version_reads_plain_digits():
    assert record_version("12") == 12


@pytest.mark.parametrize("tag", ['"v' + "1" * 5000 + '"', '"v²"', '"v١"', '"x"', "W/" * 3000])
def test_an_odd_if_match_is_a_412_not_a_500(client, token_for, tag):
    token = token_for(Role.PUBLISHER)
    response = patch(client, token, {"purpose": "Uusi"}, **{"If-Match": tag})
    assert response.status_code == 412, response.content[:300]
    assert DataResource.objects.get(key="vesihuolto").version == 1


def test_deeply_nested_json_in_a_body_is_a_400_naming_the_limit(client, token_for):
    token = token_for(Role.PUBLISHER)
    body = '{"purpose": ' + "[" * 100_000 + "]" * 100_000 + "}"
    response = patch(client, token, body, **{"If-Match": '"v1"'})
    assert response.status_code == 400
    assert response.json()["detail"] == (
        "the request body: the JSON nests deeper than 32 levels (IMPORT_MAX_JSON_DEPTH); a catalogue needs a few"
    )


def test_a_body_past_the_upload_limit_is_a_413(client, token_for, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    token = token_for(Role.PUBLISHER)
    response = patch(client, token, {"purpose": "x" * 2000}, **{"If-Match": '"v1"'})
    assert response.status_code == 413
    assert "DATA_UPLOAD_MAX_MEMORY_SIZE" in response.json()["detail"]
    assert DataResource.objects.get(key="vesihuolto").version == 1


def test_a_nan_in_a_body_is_a_400(client, token_for):
    token = token_for(Role.PUBLISHER)
    response = patch(client, token, '{"purpose": NaN}', **{"If-Match": '"v1"'})
    assert response.status_code == 400
    assert response.json()["detail"] == "the request body: NaN is not a JSON value"


def test_an_ordinary_edit_still_goes_through(client, token_for):
    token = token_for(Role.PUBLISHER)
    assert patch(client, token, {"purpose": "Vesihuollon tiedot"}, **{"If-Match": '"v1"'}).status_code == 200
    assert DataResource.objects.get(key="vesihuolto").purpose == "Vesihuollon tiedot"
