"""`varanto backup` and `varanto restore`: every table comes back, the same exports, all or nothing."""

import json
import zipfile

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.management import CommandError, call_command
from django.test import RequestFactory

from varanto.backup.services import BackupError, backup_restore, backup_write, database_clear
from varanto.catalog.models import DataResource, ReviewStatus
from varanto.publications.models import Publication

from .sample import PASSWORD, exports, row_counts, sample_database

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_organizations(imatra_published, django_capture_on_commit_callbacks):
    """Imatra (published twice, the second withdrawn) and a second organisation, with people, tokens and more."""
    with django_capture_on_commit_callbacks(execute=True):
        secret = sample_database(imatra_published)
    return imatra_published, secret


def test_restore_into_an_empty_database_gives_back_every_table_and_the_same_exports(
    tmp_path, client, two_organizations
):
    imatra, secret = two_organizations
    before, exported = row_counts(), exports()
    assert before["catalog.HistoricalDataResource"] and before["search.SearchPosting"]
    assert before["api.IntegrationToken"] == 1 and before["accounts.AuditEvent"] > 3

    manifest = backup_write(tmp_path / "varanto.zip")
    assert manifest["tables"]["publications.publication"]["rows"] == 3
    database_clear()
    assert {label for label, n in row_counts().items() if n} <= {"contenttypes.ContentType", "auth.Permission"}

    report = backup_restore(tmp_path / "varanto.zip")

    assert row_counts() == before
    assert report.search_indexes == 2
    assert exports() == exported
    assert authenticate(RequestFactory().post("/"), username="hallinto", password=PASSWORD) is not None
    editor = get_user_model().objects.get(username="vesi")
    assert editor.has_perm("accounts.view_auditevent") and editor.has_perm("publications.view_publication")
    working = client.get(f"/api/v1/working/{imatra.slug}/resources/", headers={"authorization": f"Bearer {secret}"})
    assert working.status_code == 200
    assert DataResource.objects.get(organization=imatra, key="talous").review_status == ReviewStatus.RETURNED
    assert Publication.objects.get(organization=imatra, number=2).withdrawal_reason == "Virhe"


def test_a_database_that_is_not_empty_is_refused_unless_forced(tmp_path, two_organizations, capsys):
    imatra, _secret = two_organizations
    before = row_counts()
    call_command("backup", "-o", str(tmp_path / "b.zip"))
    assert "Backed up" in capsys.readouterr().out
    DataResource.objects.filter(organization=imatra, key="vesihuolto").update(purpose="Muutettu varmuuskopion jälkeen")
    with pytest.raises(CommandError, match="not empty"):
        call_command("restore", str(tmp_path / "b.zip"))
    call_command("restore", str(tmp_path / "b.zip"), "--force")
    assert row_counts() == before
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
