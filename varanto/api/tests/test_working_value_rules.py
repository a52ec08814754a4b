"""The value rules on the working API (issue 12, findings 1, 2, 3 and the length limit of 7)."""

import pytest

from varanto.accounts.models import Role
from varanto.catalog.declarations import LENGTH_LIMITS, ValueType
from varanto.catalog.models import DataResource

from .test_working_api import patch

pytestmark = pytest.mark.django_db

IF_MATCH = {"If-Match": '"v1"'}


@pytest.mark.parametrize(
    ("body", "path", "words"),
    [
        ({"links": [{"title": "x", "url": "javascript:alert(1)", "kind": "web"}]}, "links", "mailto:"),
        ({"translations": {"sv": {"security_measures": "Lösenord"}}}, "translations", "security_measures"),
        (
            {"purpose": "x" * (LENGTH_LIMITS[ValueType.LONG_TEXT] + 1)},
            "purpose",
            str(LENGTH_LIMITS[ValueType.LONG_TEXT]),
        ),
        ({"keywords": ["x" * (LENGTH_LIMITS[ValueType.LINES] + 1)]}, "keywords", "keywords[1]"),
    ],
)
def test_a_value_the_rules_refuse_is_refused_naming_the_field(client, token_for, imatra, body, path, words):
    response = patch(client, token_for(Role.PUBLISHER), body, **IF_MATCH)
    assert response.status_code == 400, response.content
    assert words in " ".join(response.json()[path])
    assert DataResource.objects.get(key="vesihuolto").version == 1


def test_control_characters_and_nul_are_removed_before_they_reach_the_database(client, token_for, imatra):
    # A NUL through the API was a 500 on PostgreSQL.
    body = {"purpose": "Vesi\x00huolto\x0blaskutus", "translations": {"sv": {"name": "Vatten\x00"}}}
    response = patch(client, token_for(Role.PUBLISHER), body, **IF_MATCH)
    assert response.status_code == 200, response.content
    resource = DataResource.objects.get(key="vesihuolto")
    assert (resource.purpose, resource.translations["sv"]["name"]) == ("Vesihuolto\nlaskutus", "Vatten")


def test_a_mailto_link_is_accepted(client, token_for, imatra):
    link = {"title": "Kirjaamo", "url": "mailto:kirjaamo@imatra.fi", "kind": "web"}
    assert patch(client, token_for(Role.PUBLISHER), {"links": [link]}, **IF_MATCH).status_code == 200
    assert DataResource.objects.get(key="vesihuolto").links == [link]
