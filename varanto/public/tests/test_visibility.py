"""Public pages show the latest publication only: never internal fields, never unpublished edits."""

import pytest

from varanto.catalog.models import DataResource, InformationSystem, Organization, Process, SystemInterface
from varanto.catalog.tests.factories import DataResourceFactory
from varanto.publications.services import publication_create

from .sitemap import page_urls

pytestmark = pytest.mark.django_db

INTERNAL = [
    "TURVATOIMI-X1",
    "SISAINEN-X2",
    "ARVIO-X3",
    "JARJESTELMA-TURVA-X4",
    "JARJESTELMA-SISAINEN-X5",
    "LIITTYMA-SISAINEN-X6",
    "PROSESSI-SISAINEN-X7",
]
UNPUBLISHED = ["JULKAISEMATON-NIMI", "JULKAISEMATON-TARKOITUS", "julkaisematon@imatra.fi", "JULKAISEMATON-VARANTO"]


def test_internal_fields_and_unpublished_edits_appear_on_no_public_page(client, imatra):
    resource = DataResource.objects.get(organization=imatra, key="vesihuolto")
    resource.security_measures, resource.internal_notes, resource.review_comment = INTERNAL[:3]
    resource.save()
    InformationSystem.objects.filter(organization=imatra, name="KeyPro").update(
        security_measures=INTERNAL[3], internal_notes=INTERNAL[4]
    )
    SystemInterface.objects.filter(organization=imatra).update(internal_notes=INTERNAL[5])
    Process.objects.filter(organization=imatra).update(internal_notes=INTERNAL[6])
    publication_create(organization=imatra)
    resource.purpose = "Julkaistu uusi käyttötarkoitus"
    resource.save()
    publication_create(organization=imatra)

    resource.name, resource.purpose = UNPUBLISHED[:2]
    resource.save()
    Organization.objects.filter(pk=imatra.pk).update(registry_email=UNPUBLISHED[2])
    DataResourceFactory(organization=imatra, section=resource.section, name=UNPUBLISHED[3], key="julkaisematon")

    urls = page_urls(imatra)
    assert len(urls) > 300
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        page = response.content.decode()
        leaked = [marker for marker in INTERNAL + UNPUBLISHED if marker in page]
        assert not leaked, f"{url} shows {leaked}"
    assert "Julkaistu uusi käyttötarkoitus" in client.get(f"/{imatra.slug}/tietovaranto/vesihuolto/").content.decode()
    assert client.get(f"/{imatra.slug}/tietovaranto/julkaisematon/").status_code == 404
    # what the interfaces may say publicly is there, on both systems' pages
    facta = client.get(f"/{imatra.slug}/jarjestelma/facta/").content.decode()
    assert "Lupahakemukset liitteineen" in facta and "Lupapäätökset ja niiden metatiedot" in facta


def test_an_organisation_that_has_not_published_has_no_public_pages(client, imatra):
    assert client.get(f"/{imatra.slug}/").status_code == 404
    assert client.get(f"/{imatra.slug}/tietovaranto/vesihuolto/").status_code == 404
