"""Handing over responsibility: a user's or a title's records to another official, audited, all or nothing."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError

from varanto.accounts.handover import responsibility_hand_over, responsibility_holdings, responsible_titles
from varanto.accounts.models import AuditEvent, AuditKind, Membership, Role
from varanto.accounts.services import membership_assign, membership_set
from varanto.catalog.models import DataResource, InformationSystem, Process, ReviewStatus
from varanto.public.tests.sitemap import page_urls
from varanto.publications.services import publication_create

pytestmark = pytest.mark.django_db

# A name found nowhere in the demo catalogue, so that finding it on a public page can only be a leak.
SUCCESSOR = ("Ulpukka", "Ylävirtanen")


@pytest.fixture
def officials(imatra):
    users = get_user_model().objects
    leaving = users.create_user("lahtija", first_name="Lauri", last_name="Lähtijä")
    successor = users.create_user("seuraaja", first_name=SUCCESSOR[0], last_name=SUCCESSOR[1])
    viewer = users.create_user("katsoja")
    administrator = users.create_user("paakayttaja")
    membership = membership_set(organization=imatra, user=leaving, role=Role.EDITOR, acting_user=None)
    membership_set(organization=imatra, user=successor, role=Role.EDITOR, acting_user=None)
    membership_set(organization=imatra, user=viewer, role=Role.VIEWER, acting_user=None)
    membership_set(organization=imatra, user=administrator, role=Role.ADMINISTRATOR, acting_user=None)
    vesihuolto = DataResource.objects.get(organization=imatra, key="vesihuolto")
    systems = list(InformationSystem.objects.filter(resource_links__resource=vesihuolto).distinct())
    membership_assign(membership=membership, resources=[vesihuolto], systems=systems, acting_user=None)
    return leaving, successor, viewer, administrator


def test_everything_a_leaving_official_holds_moves_to_the_successor_in_one_audited_step(imatra, officials):
    leaving, successor, _viewer, administrator = officials
    held = responsibility_holdings(organization=imatra, from_user=leaving)
    assert [r.key for r in held.resources] == ["vesihuolto"] and held.systems

    responsibility_hand_over(organization=imatra, from_user=leaving, to_user=successor, acting_user=administrator)

    assert not responsibility_holdings(organization=imatra, from_user=leaving)
    moved = responsibility_holdings(organization=imatra, from_user=successor)
    assert moved.resources == held.resources and moved.systems == held.systems
    event = AuditEvent.objects.get(kind=AuditKind.HANDOVER)
    assert event.user == administrator and event.organization == imatra
    assert event.detail["source"] == "lahtija" and event.detail["target"] == "seuraaja"
    assert "DataResource:vesihuolto" in event.detail["records"]


def test_a_title_hands_over_its_resources_systems_and_processes_with_a_new_title_through_the_catalogue(
    imatra, officials
):
    _leaving, successor, _viewer, administrator = officials
    title = DataResource.objects.get(organization=imatra, key="vesihuolto").responsible_title
    assert title in responsible_titles(imatra)
    Process.objects.create(
        organization=imatra, key="vesi-prosessi", name="Vesihuollon laskutus", responsible_title=title
    )
    held = responsibility_holdings(organization=imatra, from_title=title)
    versions = {r.pk: r.version for r in held.resources}

    responsibility_hand_over(
        organization=imatra,
        from_title=title,
        to_user=successor,
        to_title="verkostoinsinööri",
        acting_user=administrator,
    )

    assert not responsibility_holdings(organization=imatra, from_title=title)
    renamed = responsibility_holdings(organization=imatra, from_title="verkostoinsinööri")
    assert {r.pk for r in renamed.records} == {r.pk for r in held.records}
    assert {p.key for p in renamed.processes} == {p.key for p in held.processes} >= {"vesi-prosessi"}
    for resource in renamed.resources:
        assert resource.version == versions[resource.pk] + 1  # an edit: a version and a history row
        assert resource.review_status == ReviewStatus.READY_FOR_REVIEW
        assert resource.history.latest("history_date").history_user == administrator
    membership = Membership.objects.get(organization=imatra, user=successor)
    assert set(membership.resources.all()) == set(held.resources)


def test_a_handover_to_a_viewer_or_of_nothing_is_refused_and_changes_nothing(imatra, officials):
    leaving, successor, viewer, administrator = officials
    with pytest.raises(ValidationError, match="muokkaaja tai ylempi"):
        responsibility_hand_over(organization=imatra, from_user=leaving, to_user=viewer, acting_user=administrator)
    with pytest.raises(ValidationError, match="Siirrettävää ei ole"):
        responsibility_hand_over(
            organization=imatra, from_title="ei ole tällaista", to_user=successor, acting_user=administrator
        )
    assert responsibility_holdings(organization=imatra, from_user=leaving)
    assert not AuditEvent.objects.filter(kind=AuditKind.HANDOVER).exists()


def test_the_public_keeps_seeing_titles_never_the_person_handed_the_records(client, imatra, officials):
    leaving, successor, _viewer, administrator = officials
    responsibility_hand_over(organization=imatra, from_user=leaving, to_user=successor, acting_user=administrator)
    publication_create(organization=imatra)
    urls = page_urls(imatra, languages=("fi",)) + [
        f"/{imatra.slug}/lataa/kuvaus.json",
        f"/{imatra.slug}/lataa/kuvaus.xlsx",
        f"/{imatra.slug}/julkaisut/atom.xml",
        f"/api/v1/organizations/{imatra.slug}/resources/vesihuolto/",
        f"/api/v1/organizations/{imatra.slug}/publications/1/",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        body = b"".join(response) if response.streaming else response.content
        for part in (*SUCCESSOR, "seuraaja", "Lähtijä"):
            assert part.encode() not in body, f"{part} on {url}"


def test_varanto_handover_moves_a_users_records_and_names_them(imatra, officials):
    out = io.StringIO()
    call_command("handover", "--from-user", "lahtija", "--to-user", "seuraaja", stdout=out)
    assert "Handed over 1 data resource(s)" in out.getvalue() and "Vesihuolto (vesihuolto)" in out.getvalue()
    with pytest.raises(CommandError, match="Siirrettävää ei ole"):
        call_command("handover", "--from-user", "lahtija", "--to-user", "seuraaja", stdout=io.StringIO())
