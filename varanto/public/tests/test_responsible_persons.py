"""Responsible persons in public: titles only unless the organisation chooses to name its officials,
and then from its next publication (publications are snapshots)."""

import json

import pytest
from django.contrib.auth import get_user_model

from varanto.accounts.models import AuditEvent, AuditKind, Role
from varanto.accounts.services import membership_assign, membership_set
from varanto.catalog.models import DataResource, InformationSystem
from varanto.catalog.services import organization_persons_shown_set
from varanto.interchange.canonical import Audience, catalog_export
from varanto.interchange.validation import validate_catalog
from varanto.public.cache import publication_memo_forget
from varanto.publications.services import publication_create

from .sitemap import page_urls

pytestmark = pytest.mark.django_db

# Found nowhere in the demo catalogue, so that seeing them on a public page can only come from the account.
NAME = "Ulpukka Ylävirtanen"
USERNAME = "uylavirt"
EMAIL = "ulpukka.ylavirtanen@imatra.example"


@pytest.fixture
def official(imatra):
    """An editor with a name and an address, assigned Vesihuolto and a system it uses; and an administrator."""
    users = get_user_model().objects
    editor = users.create_user(USERNAME, first_name="Ulpukka", last_name="Ylävirtanen", email=EMAIL)
    administrator = users.create_user("paakayttaja")
    membership = membership_set(organization=imatra, user=editor, role=Role.EDITOR, acting_user=None)
    membership_set(organization=imatra, user=administrator, role=Role.ADMINISTRATOR, acting_user=None)
    resource = DataResource.objects.get(organization=imatra, key="vesihuolto")
    system = InformationSystem.objects.filter(resource_links__resource=resource).order_by("name").first()
    assert system is not None
    membership_assign(membership=membership, resources=[resource], systems=[system], acting_user=None)
    return administrator, system


def _publish(organization):
    publication_create(organization=organization)
    publication_memo_forget(organization.slug)  # what the publishing commit does


def _body(response) -> str:
    return (b"".join(response) if response.streaming else response.content).decode()


def _public_record_addresses(imatra, system) -> list[str]:
    return [
        f"/{imatra.slug}/tietovaranto/vesihuolto/",
        f"/{imatra.slug}/jarjestelma/{system.key}/",
        f"/{imatra.slug}/lataa/kuvaus.json",
        f"/api/v1/organizations/{imatra.slug}/resources/vesihuolto/",
        f"/api/v1/organizations/{imatra.slug}/systems/{system.key}/",
    ]


def test_by_default_no_official_is_named_anywhere_public(client, imatra, official):
    _administrator, system = official
    assert not imatra.show_responsible_persons
    _publish(imatra)
    urls = page_urls(imatra, languages=("fi",)) + [
        f"/{imatra.slug}/lataa/kuvaus.json",
        f"/{imatra.slug}/julkaisut/atom.xml",
        f"/api/v1/organizations/{imatra.slug}/resources/vesihuolto/",
        f"/api/v1/organizations/{imatra.slug}/systems/{system.key}/",
        f"/api/v1/organizations/{imatra.slug}/publications/1/",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        body = _body(response)
        for part in ("Ulpukka", "Ylävirtanen", USERNAME, EMAIL):
            assert part not in body, f"{part} on {url}"
    resource_page = _body(client.get(f"/{imatra.slug}/tietovaranto/vesihuolto/"))
    assert "Vastuuhenkilö" not in resource_page


def test_an_organisation_naming_its_officials_shows_the_name_from_its_next_publication(client, imatra, official):
    administrator, system = official
    _publish(imatra)
    client.force_login(administrator)
    response = client.post(f"/hallinta/{imatra.slug}/tunnus/vastuuhenkilot/", {"show_responsible_persons": "yes"})
    assert response.status_code == 302
    imatra.refresh_from_db()
    assert imatra.show_responsible_persons
    event = AuditEvent.objects.get(kind=AuditKind.PERSONS_SHOWN_SETTING)
    assert event.user == administrator and event.detail["show_responsible_persons"] is True
    client.logout()

    # The publication already made is a snapshot: it stays as it was published.
    for url in _public_record_addresses(imatra, system):
        assert NAME not in _body(client.get(url)), url

    _publish(imatra)
    for url in _public_record_addresses(imatra, system):
        body = _body(client.get(url))
        assert NAME in body, url
        for part in (USERNAME, EMAIL, "security_measures", "internal_notes"):
            assert part not in body, f"{part} on {url}"
    resource_page = _body(client.get(f"/{imatra.slug}/tietovaranto/vesihuolto/"))
    assert "Vastuuhenkilö" in resource_page
    catalog = json.loads(_body(client.get(f"/{imatra.slug}/lataa/kuvaus.json")))
    named = {r["key"]: r["responsible"].get("persons") for r in catalog["resources"] if r["responsible"].get("persons")}
    assert named == {"vesihuolto": [NAME]}
    [shown_system] = [s for s in catalog["systems"] if s["responsible"].get("persons")]
    assert shown_system["key"] == system.key and shown_system["responsible"]["persons"] == [NAME]
    diff = _body(client.get(f"/{imatra.slug}/julkaisut/2/muutokset/"))
    assert "Vastuuhenkilöt" in diff and NAME in diff  # what changed, under its own heading
    # Turning it off again hides the names from the next publication.
    organization_persons_shown_set(organization=imatra, shown=False, acting_user=administrator)
    _publish(imatra)
    for url in _public_record_addresses(imatra, system):
        assert NAME not in _body(client.get(url)), url


def test_an_official_without_a_name_or_no_longer_active_is_not_named(imatra, official):
    administrator, _system = official
    organization_persons_shown_set(organization=imatra, shown=True, acting_user=administrator)
    imatra.refresh_from_db()
    editor = get_user_model().objects.get(username=USERNAME)
    assert NAME in json.dumps(catalog_export(imatra, audience=Audience.PUBLIC), ensure_ascii=False)
    editor.first_name = editor.last_name = ""
    editor.save(update_fields=["first_name", "last_name"])
    public = catalog_export(imatra, audience=Audience.PUBLIC)
    assert not [r for r in public["resources"] + public["systems"] if "persons" in r["responsible"]]
    assert USERNAME not in json.dumps(public)

    editor.first_name, editor.last_name, editor.is_active = "Ulpukka", "Ylävirtanen", False
    editor.save(update_fields=["first_name", "last_name", "is_active"])
    assert NAME not in json.dumps(catalog_export(imatra, audience=Audience.PUBLIC), ensure_ascii=False)


def test_the_internal_canonical_format_holds_no_persons_even_when_shown(imatra, official):
    administrator, _system = official
    organization_persons_shown_set(organization=imatra, shown=True, acting_user=administrator)
    imatra.refresh_from_db()
    internal = json.dumps(catalog_export(imatra, audience=Audience.INTERNAL), ensure_ascii=False)
    public = catalog_export(imatra, audience=Audience.PUBLIC)
    assert NAME not in internal and NAME in json.dumps(public, ensure_ascii=False)
    validate_catalog(public)  # `responsible.persons` is part of the format's schema
