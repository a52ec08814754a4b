"""The starter model (aloitusmalli): a new organisation from a typical municipal model, drafts until confirmed."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from varanto.accounts.models import AuditEvent, AuditKind
from varanto.accounts.permissions import Action
from varanto.catalog.models import DataResource, Organization, ReviewStatus, Section
from varanto.catalog.services import data_resource_review, data_resource_update
from varanto.interchange.starter import _model, starter_organization_create
from varanto.interchange.validation import CatalogError
from varanto.publications.services import publication_publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def official():
    return get_user_model().objects.create_user("virkailija", password="x")


def test_starter_model_creates_every_section_and_resource_of_the_model_as_drafts_awaiting_review():
    summary = starter_organization_create(name="  Pikkulan   kunta ", acting_user=None)
    organization = summary.organization
    assert summary.created and organization.name == "Pikkulan kunta"
    model = _model()
    assert set(Section.objects.filter(organization=organization).values_list("key", flat=True)) == {
        s["key"] for s in model["sections"]
    }
    resources = DataResource.objects.filter(organization=organization)
    assert resources.count() == len(model["resources"])
    assert all(r.starter_draft and r.review_status == ReviewStatus.READY_FOR_REVIEW for r in resources)
    first = model["resources"][0]
    resource = resources.get(key=first["key"])
    assert resource.purpose == first["purpose"] and resource.key_datasets == first["key_datasets"]
    # The typical systems are left for the official to confirm: named in internal notes, no system made.
    assert all(system in resource.internal_notes for system in first["systems"])
    assert not organization.systems.exists()
    event = AuditEvent.objects.get(kind=AuditKind.CATALOG_IMPORT, organization=organization)
    assert event.detail["starter"] is True and event.detail["reason"] == "aloitusmalli"


def test_starter_resources_stay_out_of_the_public_view_until_a_publisher_approves_each(client, official):
    organization = starter_organization_create(name="Pikkulan kunta", acting_user=None).organization
    publication = publication_publish(organization=organization, include_unapproved=True)
    assert publication.content["resources"] == []
    assert publication.content["sections"]  # the sections are no draft
    assert client.get(f"/{organization.slug}/tietovaranto/kirjasto/").status_code == 404

    resource = DataResource.objects.get(organization=organization, key="kirjasto")
    approved = data_resource_review(
        resource=resource, action=Action.APPROVE, expected_version=resource.version, acting_user=official
    )
    assert not approved.starter_draft and approved.review_status == ReviewStatus.CURRENT
    publication = publication_publish(organization=organization, include_unapproved=True)
    assert [r["key"] for r in publication.content["resources"]] == ["kirjasto"]
    assert client.get(f"/{organization.slug}/tietovaranto/kirjasto/").status_code == 200
    public = publication.content["resources"][0]
    assert "internal_notes" not in public and "starter_draft" not in public


def test_an_edited_starter_resource_stays_a_draft_until_approved(official):
    organization = starter_organization_create(name="Pikkulan kunta", acting_user=None).organization
    resource = DataResource.objects.get(organization=organization, key="kirjasto")
    data_resource_update(
        resource=resource,
        data={"purpose": "Kirjaston lainaus."},
        expected_version=resource.version,
        acting_user=official,
    )
    resource.refresh_from_db()
    assert resource.starter_draft and resource.review_status == ReviewStatus.READY_FOR_REVIEW


@pytest.mark.parametrize("name", ["", "   ", "Pikkulan kunta", "PIKKULAN KUNTA", "pikkulan-kunta"])
def test_starter_model_refuses_an_empty_or_taken_name_and_writes_nothing(name):
    starter_organization_create(name="Pikkulan kunta", acting_user=None)
    before = (Organization.objects.count(), DataResource.objects.count())
    with pytest.raises(CatalogError):
        starter_organization_create(name=name, acting_user=None)
    assert (Organization.objects.count(), DataResource.objects.count()) == before


def test_starter_command_creates_the_organisation_and_refuses_a_taken_name(capsys):
    call_command("starter", "Pikkulan kunta", "--type", "municipality")
    assert "drafts awaiting review" in capsys.readouterr().out
    assert DataResource.objects.filter(organization__name="Pikkulan kunta", starter_draft=True).exists()
    with pytest.raises(CommandError, match="Pikkulan kunta"):
        call_command("starter", "Pikkulan kunta")
    assert Organization.objects.count() == 1
