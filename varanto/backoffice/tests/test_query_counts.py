"""List pages read a constant number of queries however many records there are (no N+1)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from varanto.catalog.models import DataResource, InformationSystem, ResourceSystem

pytestmark = pytest.mark.django_db

PAGES = [
    "/",
    "/tietovarannot/",
    "/jarjestelmat/",
    "/toimialat/",
    "/kattavuus/",
    "/kaavio/",
    "/katsaus/",
    "/joukkomuokkaus/",
    "/tarkistus/",
    "/myohassa/",
    "/vaikutukset/system/m-files/",
]


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def _grow(organization) -> None:
    """Five more resources, each using M-Files and a system of its own, ready for review."""
    section = organization.sections.first()
    m_files = InformationSystem.objects.get(organization=organization, name="M-Files")
    for i in range(5):
        resource = DataResource.objects.create(
            organization=organization,
            section=section,
            key=f"lisa-{i}",
            name=f"Lisävaranto {i}",
            review_status="ready_for_review",
            disclosure_recipients=[f"Vastaanottaja {i}"],
        )
        own = InformationSystem.objects.create(organization=organization, key=f"oma-{i}", name=f"Oma {i}")
        ResourceSystem.objects.create(resource=resource, system=m_files)
        ResourceSystem.objects.create(resource=resource, system=own, usage="käyttö")


@pytest.mark.parametrize("page", PAGES)
def test_page_queries_do_not_grow_with_the_catalogue(client, staff, page):
    client.force_login(staff.publisher)
    url = f"/hallinta/{staff.organization.slug}{page}"
    _queries(client, url)  # warm up caches that are filled once per process
    before = _queries(client, url)
    _grow(staff.organization)
    after = _queries(client, url)
    assert after == before, f"{url}: {before} queries with 31 resources, {after} with 36"
