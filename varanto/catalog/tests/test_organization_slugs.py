"""An organisation's short name is never one of the site's own addresses (/haku/, /hallinta/, /sv/ …):
its pages at /<slug>/ would be hidden behind them."""

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import Resolver404, resolve
from django.utils import translation

from varanto.catalog.models import Organization
from varanto.catalog.slugs import reserved_slugs
from varanto.interchange.models import ImportDraft
from varanto.interchange.services import catalog_import
from varanto.interchange.starter import starter_catalog

pytestmark = pytest.mark.django_db


def _is_organisation_front(path: str) -> bool:
    try:
        return resolve(path).view_name == "public:front"
    except Resolver404:
        return False


def test_the_reserved_short_names_are_the_site_root_addresses_read_from_the_url_configuration():
    reserved = reserved_slugs()
    assert {"haku", "hallinta", "admin", "api", "i18n", "static", "sv", "en", "fi", "saavutettavuusseloste"} <= reserved
    # An ordinary short name is free, and every reserved one the site answers itself (not as an organisation).
    assert "imatran-kaupunki" not in reserved and _is_organisation_front("/imatran-kaupunki/")
    shadowed = {slug for slug in reserved if not _is_organisation_front(f"/{slug}/")}
    assert {"haku", "hallinta", "admin", "api", "saavutettavuusseloste"} <= shadowed
    for language in ("sv", "en"):  # the language prefixes: their home page, not an organisation's
        with translation.override(language):
            assert resolve(f"/{language}/").view_name == "public:home"


@pytest.mark.parametrize("slug", ["haku", "Hallinta", "api", "sv"])
def test_an_organisation_cannot_be_saved_with_a_reserved_short_name(slug):
    organization = Organization(slug=slug, name="Hakulan kunta")
    with pytest.raises(ValidationError) as caught, translation.override("en"):
        organization.full_clean()
    assert caught.value.message_dict["slug"] == [
        f"“{slug}” is an address of the site itself (/{slug}/), so it cannot be an organisation's short name."
    ]
    Organization(slug="hakulan-kunta", name="Hakulan kunta").full_clean()


def test_an_import_of_an_organisation_named_as_a_site_address_gets_another_short_name_and_says_so():
    with translation.override("en"):
        summary = catalog_import(starter_catalog("Haku"), acting_user=None)
    assert summary.created and summary.organization.slug == "haku-2"
    assert _is_organisation_front("/haku-2/")
    assert any("“haku” is an address of the site itself" in w and "haku-2" in w for w in summary.warnings)
    assert catalog_import(starter_catalog("Haku kunta"), acting_user=None).organization.slug == "haku-kunta"


def test_the_starter_command_gives_another_short_name_and_warns(capsys):
    with translation.override("en"):
        call_command("starter", "Hallinta")
    out, err = capsys.readouterr()
    assert Organization.objects.get(name="Hallinta").slug == "hallinta-2"
    assert "“hallinta” is an address of the site itself" in err and "'hallinta-2'" in out


def test_the_back_office_starter_and_import_say_the_short_name_is_another(client):
    client.force_login(get_user_model().objects.create_superuser("paakayttaja", password="x"))
    response = client.post(
        "/hallinta/aloitusmalli/", {"name": "Admin", "organization_type": "municipality"}, follow=True
    )
    assert Organization.objects.get(name="Admin").slug == "admin-2"
    assert "“admin” on sivuston oma osoite" in response.content.decode()

    page = (
        "Tietovarannot\n\nHALLINTO\n\nAsianhallinta, Vastuu: hallintojohtaja\n- Käyttötarkoitus: Asioiden käsittely.\n"
    )
    upload = SimpleUploadedFile("sivu.txt", page.encode(), content_type="text/plain")
    client.post("/hallinta/tuo/", {"uploads": [upload], "organization_name": "Api", "organization_type": "other"})
    preview = client.get(f"/hallinta/tuonnit/{ImportDraft.objects.get().pk}/").content.decode()
    assert "“api” on sivuston oma osoite" in preview and "api-2" in preview
