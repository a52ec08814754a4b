"""An odd version in a back-office form asks to reload instead of a 500 (issue 12, finding 8)."""

import pytest

from varanto.catalog.models import DataResource

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("version", ["²", "1" * 5000])
def test_an_odd_version_in_a_back_office_form_asks_to_reload(client, staff, version):
    client.force_login(staff.publisher)
    org = staff.organization.slug
    response = client.post(f"/hallinta/{org}/tietovarannot/vesihuolto/poista/", {"version": version}, follow=True)
    assert response.status_code == 200
    assert "reload the page" in response.content.decode() or "lataa sivu" in response.content.decode().lower()
    assert DataResource.objects.filter(organization=staff.organization, key="vesihuolto").exists()
