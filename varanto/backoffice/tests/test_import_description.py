"""Tuo kuvaus: upload, preview, correct and import a description; and the starter model, in the back office."""

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile

from varanto.accounts.models import AuditEvent, AuditKind
from varanto.catalog.models import DataResource, Organization, ReviewStatus
from varanto.interchange.models import ImportDraft, ImportLabelMapping
from varanto.interchange.tests.test_preview import PAGE

pytestmark = pytest.mark.django_db

NEW_RESOURCE = """KONSERNIPALVELUT

Kuntalaisaloitteet, Vastuu: hallintojohtaja
- Käyttötarkoitus: Kuntalaisten aloitteiden käsittely.
- Tietosisältö: aloitteet ja vastaukset
"""


@pytest.fixture
def superuser():
    return get_user_model().objects.create_superuser("paakayttaja", password="x")


def test_administrator_previews_corrects_and_imports_into_the_organisation(client, staff):
    org = staff.organization
    client.force_login(staff.administrator)
    response = client.post(f"/hallinta/{org.slug}/tuo/", {"text": NEW_RESOURCE})
    draft = ImportDraft.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/hallinta/tuonnit/{draft.pk}/"

    page = client.get(f"/hallinta/tuonnit/{draft.pk}/").content.decode()
    assert "Kuntalaisaloitteet" in page and 'class="source-line--resource"' in page
    assert "Tietosisältö" in page and 'name="kind" value="label"' in page
    assert not DataResource.objects.filter(organization=org, key="kuntalaisaloitteet").exists()

    client.post(f"/hallinta/tuonnit/{draft.pk}/", {"kind": "label", "label": "Tietosisältö", "field": "key_datasets"})
    assert ImportLabelMapping.objects.get(organization=org).field == "key_datasets"  # remembered at once
    response = client.post(f"/hallinta/tuonnit/{draft.pk}/tuo/")
    assert response.status_code == 302 and response["Location"] == f"/hallinta/{org.slug}/tarkistus/"
    resource = DataResource.objects.get(organization=org, key="kuntalaisaloitteet")
    assert resource.key_datasets == ["aloitteet", "vastaukset"]
    assert resource.review_status == ReviewStatus.READY_FOR_REVIEW  # through review and publishing
    assert not ImportDraft.objects.exists()
    event = AuditEvent.objects.filter(kind=AuditKind.CATALOG_IMPORT, organization=org).latest("occurred_at")
    assert event.user == staff.administrator and event.detail["reason"].startswith("tuonti: liitetty-teksti.txt")


def test_undo_takes_a_correction_back(client, staff):
    client.force_login(staff.administrator)
    client.post(f"/hallinta/{staff.organization.slug}/tuo/", {"text": NEW_RESOURCE})
    draft = ImportDraft.objects.get()
    client.post(f"/hallinta/tuonnit/{draft.pk}/", {"kind": "not_resource", "resource": "kuntalaisaloitteet"})
    assert "Kuntalaisaloitteet is not" not in client.get(f"/hallinta/tuonnit/{draft.pk}/").content.decode()
    draft.refresh_from_db()
    assert draft.corrections == [{"kind": "not_resource", "resource": "kuntalaisaloitteet"}]
    client.post(f"/hallinta/tuonnit/{draft.pk}/", {"kind": "undo", "index": "0"})
    draft.refresh_from_db()
    assert draft.corrections == []


def test_a_draft_is_its_creators_only(client, staff):
    client.force_login(staff.administrator)
    client.post(f"/hallinta/{staff.organization.slug}/tuo/", {"text": NEW_RESOURCE})
    draft = ImportDraft.objects.get()
    other = get_user_model().objects.create_user("toinen")
    from varanto.accounts.services import membership_set

    membership_set(organization=staff.organization, user=other, role="administrator", acting_user=None)
    client.force_login(other)
    assert client.get(f"/hallinta/tuonnit/{draft.pk}/").status_code == 403
    assert client.post(f"/hallinta/tuonnit/{draft.pk}/tuo/").status_code == 403


def test_superuser_imports_several_files_into_a_new_organisation(client, superuser):
    client.force_login(superuser)
    files = [
        SimpleUploadedFile("sivu1.txt", PAGE.encode(), content_type="text/plain"),
        SimpleUploadedFile("sivu2.txt", NEW_RESOURCE.encode(), content_type="text/plain"),
    ]
    response = client.post(
        "/hallinta/tuo/", {"uploads": files, "organization_name": "Testilän kunta", "organization_type": "municipality"}
    )
    draft = ImportDraft.objects.get()
    assert response.status_code == 302
    client.post(f"/hallinta/tuonnit/{draft.pk}/", {"kind": "label", "label": "Tietosisältö", "field": "purpose"})
    response = client.post(f"/hallinta/tuonnit/{draft.pk}/tuo/")
    organization = Organization.objects.get(name="Testilän kunta")
    assert response.status_code == 302
    assert DataResource.objects.filter(organization=organization).count() == 4
    # The label is remembered for the new organisation once it exists.
    assert ImportLabelMapping.objects.get(organization=organization).label == "tietosisältö"


def test_a_file_that_cannot_be_read_shows_its_problem_and_imports_nothing(client, superuser):
    client.force_login(superuser)
    upload = SimpleUploadedFile("rikki.json", b'{"format": ', content_type="application/json")
    client.post("/hallinta/tuo/", {"uploads": [upload], "organization_name": "Rikkilä", "organization_type": "other"})
    draft = ImportDraft.objects.get()
    page = client.get(f"/hallinta/tuonnit/{draft.pk}/").content.decode()
    assert "rikki.json" in page and "not valid JSON" in page and "backoffice:import_confirm" not in page
    response = client.post(f"/hallinta/tuonnit/{draft.pk}/tuo/")
    assert response.status_code == 302 and not Organization.objects.exists()


def test_upload_needs_a_file_or_text(client, staff):
    client.force_login(staff.administrator)
    response = client.post(f"/hallinta/{staff.organization.slug}/tuo/", {"text": "  "})
    assert response.status_code == 400 and not ImportDraft.objects.exists()


def test_only_a_superuser_creates_an_organisation(client, staff, superuser):
    client.force_login(staff.administrator)
    assert client.get("/hallinta/tuo/").status_code == 403
    assert (
        client.post("/hallinta/aloitusmalli/", {"name": "Pikkula", "organization_type": "municipality"}).status_code
        == 403
    )
    client.force_login(superuser)
    response = client.post("/hallinta/aloitusmalli/", {"name": "Pikkulan kunta", "organization_type": "municipality"})
    organization = Organization.objects.get(name="Pikkulan kunta")
    assert (
        response.status_code == 302
        and response["Location"] == f"/hallinta/{organization.slug}/tietovarannot/?tila=ready"
    )
    assert DataResource.objects.filter(organization=organization, starter_draft=True).count() > 20
    page = client.get(f"/hallinta/{organization.slug}/tietovarannot/kirjasto/").content.decode()
    assert "Aloitusmallin luonnos" in page
    response = client.post("/hallinta/aloitusmalli/", {"name": "Pikkulan kunta", "organization_type": "municipality"})
    assert response.status_code == 400 and "Pikkulan kunta on jo olemassa" in response.content.decode()
