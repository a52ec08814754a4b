import pytest

from varanto.catalog.tests.factories import OrganizationFactory
from varanto.interchange.validation import validate_catalog
from varanto.publications.selectors import (
    latest_publication_id,
    publication_catalog,
    publication_list,
    published_organizations,
)
from varanto.publications.services import publication_create

pytestmark = pytest.mark.django_db


def test_a_publication_as_a_catalogue_carries_its_header_and_validates(imatra):
    publication = publication_create(organization=imatra, note="Vuoden 2026 päivitys")

    document = publication_catalog(publication)

    assert document["publication"]["number"] == 1
    assert document["publication"]["note"] == "Vuoden 2026 päivitys"
    validate_catalog(document)
    assert "publication" not in publication.content  # the stored snapshot itself is unchanged


def test_only_organisations_that_published_are_listed(imatra):
    OrganizationFactory(name="Ruokolahden kunta")
    assert list(published_organizations()) == []
    publication_create(organization=imatra)
    publication_create(organization=imatra)
    assert [o.name for o in published_organizations()] == ["Imatran kaupunki"]
    assert latest_publication_id(organization_slug=imatra.slug) == publication_list(organization=imatra)[0].id
