"""Whatever the database already holds, the outputs do not break and the pages link nowhere unsafe.

The bad values are written past the services, as data stored before the value rules would be
(issue 12, findings 1–3); then the migrations that clean such data are run on it.
"""

import importlib
import io
import xml.etree.ElementTree as ET

import pytest
from django.apps import apps
from django.urls import reverse
from openpyxl import load_workbook

from varanto.catalog.models import DataResource, Organization
from varanto.publications.models import Publication
from varanto.publications.services import publication_create

pytestmark = pytest.mark.django_db

# \x0b is Word's manual line break; \x1f and \ufffe other characters XML 1.0 cannot hold.
BAD_PURPOSE = "Vesihuollon\x0basiakkaat\x1f ja \ufffelaskutus"
BAD_LINK = {"title": "Lomake", "url": "javascript:fetch('/hallinta/')", "kind": "web"}
LEAK = "Salasana on kesä2026"


@pytest.fixture
def bad_data(imatra):
    DataResource.objects.filter(key="vesihuolto").update(
        purpose=BAD_PURPOSE,
        links=[BAD_LINK, {"title": "Kotisivu", "url": "https://www.imatravesi.fi", "kind": "web"}],
        translations={"sv": {"name": "Vattenförsörjning", "security_measures": LEAK}},
    )
    Organization.objects.filter(pk=imatra.pk).update(homepage="javascript:alert(1)")
    return imatra


@pytest.fixture
def published(bad_data):
    publication_create(organization=bad_data, note="vanha data")
    return bad_data


def test_the_workbook_and_dcat_are_made_whatever_is_stored(client, published):
    org = published.slug
    xlsx = client.get(f"/{org}/lataa/kuvaus.xlsx")
    assert xlsx.status_code == 200
    purposes = [c.value for row in load_workbook(io.BytesIO(xlsx.content))["Tietovarannot"].iter_rows() for c in row]
    assert "Vesihuollon\nasiakkaat ja laskutus" in purposes
    for fmt in ("rdf", "ttl", "jsonld"):
        response = client.get(f"/{org}/dcat/catalog.{fmt}")
        assert response.status_code == 200, fmt
    ET.fromstring(client.get(f"/{org}/dcat/catalog.rdf").content)  # well-formed XML
    assert client.get(f"/{org}/lataa/kuvaus.csv.zip").status_code == 200


def test_a_stored_translation_of_an_internal_field_is_not_published(client, published):
    content = Publication.objects.get(organization=published).content
    resource = next(r for r in content["resources"] if r["key"] == "vesihuolto")
    assert resource["translations"] == {"sv": {"name": "Vattenförsörjning"}}
    for address in (
        f"/{published.slug}/lataa/kuvaus.json",
        reverse("api:resource", kwargs={"org": published.slug, "key": "vesihuolto"}),
    ):
        response = client.get(address)
        assert response.status_code == 200, address
        assert "Vattenförsörjning" in response.content.decode(), address
        assert LEAK not in response.content.decode(), address


def test_no_page_renders_a_stored_javascript_link(client, published, django_user_model):
    org = published.slug
    public = client.get(f"/{org}/tietovaranto/vesihuolto/").content.decode()
    assert 'href="https://www.imatravesi.fi"' in public
    assert "javascript:" not in public
    front = client.get(f"/{org}/").content.decode()
    assert "javascript:" not in front
    archived = client.get(f"/{org}/julkaisut/1/").content.decode()
    assert "javascript:" not in archived
    client.force_login(django_user_model.objects.create_superuser("pääkäyttäjä"))
    backoffice = client.get(f"/hallinta/{org}/tietovarannot/vesihuolto/").content.decode()
    assert 'href="https://www.imatravesi.fi"' in backoffice
    assert 'href="javascript:' not in backoffice


def test_the_migrations_clean_what_is_stored(published):
    importlib.import_module("varanto.catalog.migrations.0003_clean_stored_values").clean_stored_values(apps, None)
    resource = DataResource.objects.get(key="vesihuolto")
    assert resource.purpose == "Vesihuollon\nasiakkaat ja laskutus"
    assert resource.links == [{"title": "Kotisivu", "url": "https://www.imatravesi.fi", "kind": "web"}]
    assert resource.translations == {"sv": {"name": "Vattenförsörjning"}}
    assert Organization.objects.get(pk=published.pk).homepage == ""

    before = Publication.objects.get(organization=published)
    importlib.import_module("varanto.publications.migrations.0003_clean_published_values").clean_publications(
        apps, None
    )
    after = Publication.objects.get(pk=before.pk)
    item = next(r for r in after.content["resources"] if r["key"] == "vesihuolto")
    assert item["purpose"] == "Vesihuollon\nasiakkaat ja laskutus"
    assert [link["url"] for link in item["links"]] == ["https://www.imatravesi.fi"]
    assert after.content["organization"]["homepage"] == ""
    assert after.content_hash != before.content_hash
