"""`varanto backup` and `varanto restore`: every table comes back, the same exports, all or nothing."""

import json
import zipfile

import pytest
from django.apps import apps
from django.contrib.admin.models import ADDITION, LogEntry
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command
from django.test import Client

from varanto.accounts.models import Role
from varanto.accounts.services import membership_set
from varanto.api.services import integration_token_create
from varanto.backup.services import BackupError, backup_restore, backup_write, database_clear
from varanto.catalog.models import DataResource, ReviewStatus
from varanto.catalog.services.assessments import impact_assessment_create
from varanto.catalog.tests.factories import DataResourceFactory, OrganizationFactory
from varanto.interchange.canonical import catalog_export
from varanto.public.cache import public_caches_clear
from varanto.publications.models import Publication
from varanto.publications.services import publication_create, publication_withdraw

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_organizations(imatra_published, django_capture_on_commit_callbacks):
    """Imatra (published twice, the second withdrawn) and a second organisation, with people, tokens and more."""
    imatra = imatra_published
    other = OrganizationFactory(name="Testilän kunta", slug="testila")
    DataResourceFactory.create_batch(3, organization=other)
    with django_capture_on_commit_callbacks(execute=True):
        publication_create(organization=other, note="Testilän ensimmäinen")
        DataResource.objects.filter(organization=imatra, key="vesihuolto").update(purpose="Virhe")
        withdrawn = publication_create(organization=imatra)
        publication_withdraw(publication=withdrawn, reason="Virhe")
    DataResource.objects.filter(organization=imatra, key="talous").update(review_status=ReviewStatus.RETURNED)
    users = get_user_model().objects
    admin = users.create_user("hallinto", password="Salasana-123", email="h@imatra.fi")
    editor = users.create_user("vesi", password="Toinen-salasana-456")
    membership_set(organization=imatra, user=admin, role=Role.ADMINISTRATOR, acting_user=None)
    membership_set(organization=imatra, user=editor, role=Role.EDITOR, acting_user=admin)
    membership_set(organization=other, user=editor, role=Role.PUBLISHER, acting_user=None)
    group = Group.objects.create(name="Tarkastajat")
    group.permissions.add(Permission.objects.get(codename="view_publication"))
    editor.groups.add(group)
    editor.user_permissions.add(Permission.objects.get(codename="view_auditevent"))
    LogEntry.objects.create(
        user=admin,
        content_type=ContentType.objects.get_for_model(Publication),
        object_id=str(withdrawn.pk),
        object_repr=str(withdrawn),
        action_flag=ADDITION,
    )
    _token, secret = integration_token_create(name="Asianhallinta", user=editor, acting_user=None, organization=imatra)
    impact_assessment_create(
        organization=imatra,
        subject_kind="system",
        subject_key="keypro",
        subject_name="KeyPro",
        affected={"resources": []},
        data={"title": "KeyPron vaihto", "information_security": "Arvioitava"},
        acting_user=admin,
    )
    return imatra, other, secret


def _counts() -> dict[str, int]:
    return {m._meta.label: m._base_manager.count() for m in apps.get_models(include_auto_created=True)}


def _exports(client, organizations) -> dict[str, str]:
    public_caches_clear()
    found = {}
    for org in organizations:
        found[f"{org.slug} kuvaus.json"] = client.get(f"/{org.slug}/lataa/kuvaus.json").content.decode()
        found[f"{org.slug} dcat"] = client.get(f"/{org.slug}/dcat/catalog.ttl").content.decode()
        found[f"{org.slug} working"] = json.dumps(catalog_export(org), sort_keys=True, default=str)
        found[f"{org.slug} julkaisut"] = client.get(f"/api/v1/organizations/{org.slug}/publications/").content.decode()
    return found


def test_restore_into_an_empty_database_gives_back_every_table_and_the_same_exports(
    tmp_path, client, two_organizations
):
    imatra, other, secret = two_organizations
    before, exports = _counts(), _exports(client, [imatra, other])
    assert before["catalog.HistoricalDataResource"] and before["search.SearchPosting"]
    assert before["api.IntegrationToken"] == 1 and before["accounts.AuditEvent"] > 3

    manifest = backup_write(tmp_path / "varanto.zip")
    assert manifest["tables"]["publications.publication"]["rows"] == 3
    database_clear()
    assert {label for label, n in _counts().items() if n} <= {"contenttypes.ContentType", "auth.Permission"}

    report = backup_restore(tmp_path / "varanto.zip")

    assert _counts() == before
    assert report.search_indexes == 2
    assert _exports(client, [imatra, other]) == exports
    assert Client().login(username="hallinto", password="Salasana-123")
    editor = get_user_model().objects.get(username="vesi")
    assert editor.has_perm("accounts.view_auditevent") and editor.has_perm("publications.view_publication")
    working = client.get(f"/api/v1/working/{imatra.slug}/resources/", headers={"authorization": f"Bearer {secret}"})
    assert working.status_code == 200
    assert DataResource.objects.get(organization=imatra, key="talous").review_status == ReviewStatus.RETURNED
    assert Publication.objects.get(organization=imatra, number=2).withdrawal_reason == "Virhe"


def test_a_database_that_is_not_empty_is_refused_unless_forced(tmp_path, two_organizations, capsys):
    imatra, _other, _secret = two_organizations
    before = _counts()
    call_command("backup", "-o", str(tmp_path / "b.zip"))
    assert "Backed up" in capsys.readouterr().out
    DataResource.objects.filter(organization=imatra, key="vesihuolto").update(purpose="Muutettu varmuuskopion jälkeen")
    with pytest.raises(CommandError, match="not empty"):
        call_command("restore", str(tmp_path / "b.zip"))
    call_command("restore", str(tmp_path / "b.zip"), "--force")
    assert _counts() == before
    assert DataResource.objects.get(organization=imatra, key="vesihuolto").purpose == "Virhe"


def test_a_damaged_backup_restores_nothing_and_says_where(tmp_path, two_organizations):
    backup_write(tmp_path / "b.zip")
    with zipfile.ZipFile(tmp_path / "b.zip") as source, zipfile.ZipFile(tmp_path / "bad.zip", "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "tables/api.integrationtoken.jsonl":
                data = data.replace(b"Asianhallinta", b"Asianhallintx")
            target.writestr(item, data)
    database_clear()
    with pytest.raises(BackupError, match="api.integrationtoken.jsonl: the contents differ"):
        backup_restore(tmp_path / "bad.zip")
    assert not get_user_model().objects.exists()  # all or nothing


def test_a_backup_made_at_other_migrations_is_refused(tmp_path, two_organizations):
    backup_write(tmp_path / "b.zip")
    with zipfile.ZipFile(tmp_path / "b.zip") as source, zipfile.ZipFile(tmp_path / "old.zip", "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "manifest.json":
                manifest = json.loads(data)
                manifest["migrations"] = [
                    m for m in manifest["migrations"] if m != ["publications", "0002_publication_withdrawal"]
                ]
                data = json.dumps(manifest).encode()
            target.writestr(item, data)
    with pytest.raises(BackupError, match="only here: publications.0002_publication_withdrawal"):
        backup_restore(tmp_path / "old.zip", replace=True)


def test_a_file_that_is_not_a_backup_is_refused(tmp_path, db):
    (tmp_path / "x.zip").write_text("ei zip")
    with pytest.raises(CommandError, match="not a Varanto backup"):
        call_command("restore", str(tmp_path / "x.zip"))
