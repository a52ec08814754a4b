"""Back-office and admin answers are never stored by a browser or a proxy; public pages still are."""

import pytest
from django.contrib.auth import get_user_model

pytestmark = pytest.mark.django_db


def _no_store(response) -> bool:
    return "no-store" in response.headers.get("Cache-Control", "")


def test_back_office_pages_of_a_signed_in_official_are_not_stored(client, staff):
    client.force_login(staff.publisher)
    slug = staff.organization.slug
    for path in ("/hallinta/", f"/hallinta/{slug}/tietovarannot/", f"/hallinta/{slug}/tietovarannot/vesihuolto/"):
        response = client.get(path)
        assert response.status_code in (200, 302), path  # /hallinta/ sends one organisation's official on
        assert _no_store(response), (path, response.headers.get("Cache-Control"))
        assert "private" in response["Cache-Control"]


def test_the_sign_in_page_and_the_admin_are_not_stored(client):
    assert _no_store(client.get("/hallinta/kirjaudu/"))
    admin = get_user_model().objects.create_superuser("paakayttaja", password="x-salasana-x")
    client.force_login(admin)
    for path in ("/admin/", "/admin/catalog/dataresource/"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert _no_store(response), path


def test_public_pages_keep_their_public_caching(client, imatra_published):
    response = client.get("/imatran-kaupunki/")
    assert response.status_code == 200
    assert not _no_store(response) and "public" in response["Cache-Control"]
