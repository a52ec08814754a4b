"""Re-importing into an existing organisation keeps identity: ids, history, assignments, review state."""

import copy
import json

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model

from varanto.accounts.models import AuditEvent, AuditKind, Membership, Role
from varanto.catalog.models import DataResource, InformationSystem, Organization, ReviewStatus, Section
from varanto.catalog.services import deleted_records, record_restore
from varanto.conftest import DEMO_CATALOG
from varanto.interchange.services import catalog_import

pytestmark = pytest.mark.django_db


def _history_rows() -> int:
    return sum(
        m._default_manager.count()
        for m in apps.get_app_config("catalog").get_models()
        if m.__name__.startswith("Historical")
    )


def _demo() -> dict:
    return json.loads(DEMO_CATALOG.read_text("utf-8"))


def _ids() -> dict:
    return {model: dict(model.objects.values_list("key", "id")) for model in (DataResource, InformationSystem, Section)}


@pytest.fixture
def editor(imatra):
    user = get_user_model().objects.create_user("editori")
    membership = Membership.objects.create(user=user, organization=imatra, role=Role.EDITOR)
    membership.resources.set(DataResource.objects.filter(organization=imatra)[:3])
    membership.systems.set(InformationSystem.objects.filter(organization=imatra)[:2])
    return membership


def test_reimport_with_one_changed_resource_keeps_ids_and_adds_one_history_row(imatra, editor):
    returned = DataResource.objects.filter(organization=imatra).order_by("id")[5]
    DataResource.objects.filter(pk=returned.pk).update(review_status=ReviewStatus.RETURNED, review_comment="Korjaa")
    ids, history, audit = _ids(), _history_rows(), AuditEvent.objects.filter(kind=AuditKind.CATALOG_IMPORT).count()
    assigned = (set(editor.resources.values_list("id", flat=True)), set(editor.systems.values_list("id", flat=True)))
    catalog = _demo()
    # One without processes: its history row is then one row (a process link adds its own snapshot row).
    target = next(r for r in catalog["resources"] if not r["processes"])
    target["purpose"] = "Uusi käyttötarkoitus"

    summary = catalog_import(catalog, acting_user=editor.user, reason="tuonti: imatra.json")

    assert summary.organization.pk == imatra.pk and not summary.created
    assert _ids() == ids
    assert _history_rows() == history + 1
    changed = DataResource.objects.get(organization=imatra, key=target["key"])
    row = changed.history.latest("history_date", "history_id")
    assert (row.history_change_reason, row.history_user, row.purpose) == (
        "tuonti: imatra.json",
        editor.user,
        target["purpose"],
    )
    assert [(c.key, [f.path for f in c.fields]) for c in summary.changes.changed] == [(target["key"], ["purpose"])]
    assert not summary.changes.added and not summary.changes.removed
    editor.refresh_from_db()
    assert (
        set(editor.resources.values_list("id", flat=True)),
        set(editor.systems.values_list("id", flat=True)),
    ) == assigned
    assert Membership.objects.filter(organization=imatra).count() == 1
    returned.refresh_from_db()
    assert (returned.review_status, returned.review_comment) == (ReviewStatus.RETURNED, "Korjaa")
    # the changed one awaits review, as after a back-office edit
    assert changed.review_status == ReviewStatus.READY_FOR_REVIEW
    assert AuditEvent.objects.filter(kind=AuditKind.CATALOG_IMPORT).count() == audit + 1


def test_unchanged_reimport_writes_no_history_and_one_audit_row(imatra):
    history, versions = _history_rows(), dict(DataResource.objects.values_list("id", "version"))
    summary = catalog_import(_demo(), acting_user=None, reason="tuonti: imatra.json", replace=True)
    assert _history_rows() == history
    assert dict(DataResource.objects.values_list("id", "version")) == versions
    assert not (summary.changes.added or summary.changes.changed or summary.changes.removed)
    event = AuditEvent.objects.filter(kind=AuditKind.CATALOG_IMPORT).first()  # the newest
    assert AuditEvent.objects.filter(kind=AuditKind.CATALOG_IMPORT).count() == 2  # the fixture's and this one
    assert (event.organization, event.detail["reason"]) == (imatra, "tuonti: imatra.json")


def test_replace_deletes_missing_records_recoverably(imatra, editor):
    catalog = _demo()
    gone = editor.resources.first()
    catalog["resources"] = [r for r in catalog["resources"] if r["key"] != gone.key]
    for dataset in catalog["open_data"]["datasets"]:
        if dataset.get("resource") == gone.key:
            dataset["resource"] = None
    added = copy.deepcopy(catalog["resources"][0]) | {"key": "uusi-varanto", "name": "Uusi varanto"}
    catalog["resources"].append(added)

    summary = catalog_import(catalog, acting_user=None, reason="tuonti: x.json", replace=True)

    assert [r.key for r in summary.changes.removed] == [gone.key]
    assert [r.key for r in summary.changes.added] == ["uusi-varanto"]
    assert not DataResource.objects.filter(pk=gone.pk).exists()
    assert [row.id for row in deleted_records(DataResource, imatra)] == [gone.pk]
    deletion = AuditEvent.objects.get(kind=AuditKind.RECORD_DELETE)  # the import's deletion is audited too
    assert (deletion.organization, deletion.detail["record"], deletion.detail["key"]) == (imatra, "resource", gone.key)
    before = gone.history.exclude(history_type="-").latest("history_date", "history_id")
    record_restore(model=DataResource, pk=gone.pk, history_id=before.history_id, acting_user=editor.user)
    assert DataResource.objects.filter(pk=gone.pk).exists()
    assert AuditEvent.objects.get(kind=AuditKind.RECORD_RESTORE).user == editor.user
    assert editor.resources.filter(pk=gone.pk).exists()  # the assignment comes back with it


def test_dry_run_returns_the_change_set_and_writes_nothing(imatra):
    catalog = _demo()
    catalog["resources"][0]["purpose"] = "Uusi"
    history, audit = _history_rows(), AuditEvent.objects.count()
    summary = catalog_import(catalog, acting_user=None, dry_run=True)
    assert [c.fields[0].new for c in summary.changes.changed] == ["Uusi"]
    assert _history_rows() == history and AuditEvent.objects.count() == audit
    assert DataResource.objects.get(organization=imatra, key=catalog["resources"][0]["key"]).purpose != "Uusi"


def test_import_into_a_chosen_organisation_keeps_its_name(imatra):
    catalog = _demo()
    catalog["organization"]["name"] = "Jokin muu nimi"
    summary = catalog_import(catalog, acting_user=None, organization=imatra)
    assert summary.organization.pk == imatra.pk
    assert Organization.objects.get().name == imatra.name
