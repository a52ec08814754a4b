import pytest

from varanto.catalog.models import DataResource, InformationSystem
from varanto.publications.models import Publication
from varanto.publications.selectors import latest_publication
from varanto.publications.services import NothingToPublish, publication_create, publication_publish

pytestmark = pytest.mark.django_db


def test_publications_are_numbered_per_organisation_and_snapshot_the_public_view(imatra):
    resource = DataResource.objects.get(organization=imatra, key="vesihuolto")
    resource.security_measures = "Verkosto-ohjaus erillisverkossa"
    resource.internal_notes = "Uusi järjestelmä 2027"
    resource.save()
    InformationSystem.objects.filter(organization=imatra, name="KeyPro").update(security_measures="MFA käytössä")

    first = publication_create(organization=imatra, note="Ensimmäinen")
    resource.purpose = "Muutettu käyttötarkoitus"
    resource.save()
    second = publication_create(organization=imatra)

    assert (first.number, second.number) == (1, 2)
    assert latest_publication(imatra) == second
    text = str(first.content)
    assert "Verkosto-ohjaus" not in text and "Uusi järjestelmä" not in text and "MFA" not in text
    purposes = {r["key"]: r["purpose"] for r in first.content["resources"]}
    assert purposes["vesihuolto"] == "Vesihuollon järjestäminen ja hallinta"  # the snapshot did not move
    assert {r["key"]: r["purpose"] for r in second.content["resources"]}["vesihuolto"] == "Muutettu käyttötarkoitus"


def test_a_publication_cannot_be_changed(imatra):
    publication = publication_create(organization=imatra)
    publication.note = "muokattu"
    with pytest.raises(ValueError, match="cannot be changed"):
        publication.save()
    assert Publication.objects.get().note == ""


@pytest.mark.django_db(transaction=True)
def test_publishing_indexes_the_publication_for_search(imatra):
    from varanto.search.models import SearchIndex

    publication = publication_create(organization=imatra)
    assert SearchIndex.objects.filter(publication=publication).exists()


def test_a_publisher_who_asks_only_for_a_change_gets_no_second_identical_publication(imatra):
    """Two publishers who both saw changes: the second finds the first one's publication in place."""
    first = publication_publish(organization=imatra)
    with pytest.raises(NothingToPublish):
        publication_publish(organization=imatra)
    assert Publication.objects.filter(organization=imatra).count() == 1
    assert publication_create(organization=imatra).number == first.number + 1  # the command line may republish


def test_the_publication_audit_row_is_written_by_the_service_not_a_signal(imatra):
    from django.db.models.signals import post_save

    from varanto.accounts.models import AuditEvent, AuditKind

    assert not post_save.has_listeners(Publication)
    publication = publication_create(organization=imatra, note="Auditoitu")
    row = AuditEvent.objects.get(kind=AuditKind.PUBLICATION)
    assert (row.organization, row.detail) == (imatra, {"number": publication.number, "note": "Auditoitu"})


def test_the_service_makes_the_public_memo_forget_the_old_publication(imatra):
    from varanto.public.cache import current_publication

    first = publication_create(organization=imatra)
    assert current_publication(imatra.slug).publication == first
    second = publication_create(organization=imatra)
    assert current_publication(imatra.slug).publication == second
