"""Every address under /api/ answers an error as JSON, whatever the address looks like."""

import pytest

from .helpers import auth

pytestmark = pytest.mark.django_db

ODD_PATHS = [
    "/api/",
    "/api/v2/organizations/",
    "/api/v1/nothing-here/",
    "/api/v1/organizations/imatran-kaupunki%0A/",
    "/api/v1/organizations/%0A/resources/",
    "/api/v1/organizations/imatran-kaupunki/resources/vesi%0Ahuolto/",
    "/api/v1/working/imatran-kaupunki%0A/resources/",
    "/api/v1/working/imatran-kaupunki/resources/%0A/",
    "/api/v1/organizations/imatran-kaupunki/publications/%0A/",
    "/api/v1/%0A",
    "/api/v1/organizations/imatran-kaupunki/resources/%00/",
]


@pytest.mark.parametrize("path", ODD_PATHS)
def test_an_odd_address_gets_a_json_error(client, imatra_published, token_for, path):
    from varanto.accounts.models import Role

    for headers in ({}, auth(token_for(Role.VIEWER))):
        response = client.get(path, **headers)
        assert 400 <= response.status_code < 500, (path, response.status_code)
        assert response["Content-Type"].startswith("application/json"), (path, response.content[:200])
        assert "detail" in response.json()
