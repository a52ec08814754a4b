"""Tee tietopyyntö: the prefilled request identifies the resource; nothing about the requester is kept."""

from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from varanto.catalog.models import DataResource, Organization
from varanto.publications.services import publication_create

pytestmark = pytest.mark.django_db

RESOURCE = "/imatran-kaupunki/tietovaranto/vesihuolto/"


def _request(client, url=RESOURCE):
    response = client.get(url)
    assert response.status_code == 200
    return response.context["information_request"], response.content.decode()


def test_the_request_text_identifies_the_resource_and_the_publication(client, imatra_published):
    request, page = _request(client)

    for expected in (
        "Tietopyyntö",
        "Vastaanottaja: Imatran kaupungin kirjaamo, kirjaamo@imatra.fi",
        "Tietovaranto: Vesihuolto",
        "Toimiala: Kaupunkikehitys ja tekniset palvelut",
        "Organisaatio: Imatran kaupunki",
        "Keskeiset tietoaineistot: Asiakkaat; verkostotiedot; pumppaamot; mittarit; projektit",
        "KeyPro (verkosto)",
        "julkaisu 1 (",
        f"http://testserver{RESOURCE}",  # PUBLIC_BASE_URL unset: where the page was asked
        "valitusosoituksineen",
    ):
        assert expected in request.body, expected
    assert request.subject == "Tietopyyntö: Vesihuolto (Imatran kaupunki)"
    assert 'id="request-text"' in page and "Tietovaranto: Vesihuolto" in page


def test_the_mailto_link_carries_the_same_subject_and_text(client, imatra_published):
    request, page = _request(client)
    parts = urlsplit(request.mailto)
    query = parse_qs(parts.query)

    assert (parts.scheme, unquote(parts.path)) == ("mailto", "kirjaamo@imatra.fi")
    assert query["subject"] == [request.subject]
    assert query["body"] == [request.body.replace("\n", "\r\n")]
    assert "+" not in parts.query  # spaces as %20: mail programs do not read + as a space
    assert 'id="request-mailto"' in page


def test_the_request_is_in_the_interface_language(client, imatra_published):
    request, _page = _request(client, "/sv" + RESOURCE)
    assert request.body.startswith("Informationsbegäran")
    assert "Informationslager: Vesihuolto" in request.body


def test_the_deciding_authority_is_the_resources_else_the_organisations_else_not_stated(client, imatra):
    publication_create(organization=imatra)
    _request_, page = _request(client)
    assert "Kuvauksessa ei kerrota, kuka päättää tietojen luovuttamisesta" in page

    Organization.objects.filter(pk=imatra.pk).update(deciding_authority="Kaupunginhallitus")
    publication_create(organization=imatra)
    assert "Pyynnöstä päättää: <strong>Kaupunginhallitus</strong>" in _request(client)[1]

    DataResource.objects.filter(organization=imatra, key="vesihuolto").update(disclosure_authority="Vesihuoltojaosto")
    publication_create(organization=imatra)
    page = _request(client)[1]
    assert "Pyynnöstä päättää: <strong>Vesihuoltojaosto</strong>" in page
    assert "Kaupunginhallitus" in _request(client, "/imatran-kaupunki/tietovaranto/kirjasto/")[1]


def test_without_a_registry_office_address_there_is_no_mailto_but_the_text_remains(client, imatra):
    Organization.objects.filter(pk=imatra.pk).update(registry_email="")
    publication_create(organization=imatra)
    request, page = _request(client)
    assert request.mailto == ""
    assert "mailto:" not in page.split('id="tietopyynto"')[1]
    assert "Tietovaranto: Vesihuolto" in page


def test_the_request_text_is_not_inside_a_form(client, imatra_published):
    _request_, page = _request(client)
    request_part = page.split('id="tietopyynto"')[1]
    assert "<form" not in request_part  # nothing the requester writes can be posted to the service
