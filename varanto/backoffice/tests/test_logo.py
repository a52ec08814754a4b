"""An administrator sets the organisation's logo from the back office; what is not a safe image is refused."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from varanto.catalog.models import OrganizationLogo
from varanto.catalog.tests.test_logos import png

pytestmark = pytest.mark.django_db

URL = "/hallinta/imatran-kaupunki/tunnus/"


def test_an_administrator_uploads_a_logo_and_sees_it(client, staff):
    client.force_login(staff.administrator)
    edit = client.get("/hallinta/imatran-kaupunki/yhteystiedot/").content.decode()
    assert f'href="{URL}"' in edit
    response = client.post(URL, {"image": SimpleUploadedFile("tunnus.png", png(), "image/png")})
    assert response.status_code == 302
    page = client.get(URL).content.decode()
    assert '<img src="/imatran-kaupunki/tunnus.png"' in page and "Logo tallennettiin." in page
    assert bytes(OrganizationLogo.objects.get(organization=staff.organization).image) == png()


def test_an_svg_that_claims_to_be_a_png_is_refused_saying_what_is_allowed(client, staff):
    client.force_login(staff.administrator)
    svg = SimpleUploadedFile("tunnus.png", b'<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>', "image/png")
    response = client.post(URL, {"image": svg})
    assert response.status_code == 400
    assert "Logon pitää olla PNG-, JPEG- tai WebP-kuva." in response.content.decode()
    assert not OrganizationLogo.objects.exists()
