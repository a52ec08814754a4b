"""The audit log page: narrowed by user, record and days, and downloaded as CSV with no cell a formula."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from varanto.accounts.models import AuditEvent, AuditKind
from varanto.accounts.services import audit_record
from varanto.catalog.models import DataResource
from varanto.catalog.services import data_resource_update

pytestmark = pytest.mark.django_db


@pytest.fixture
def edited(staff):
    vesihuolto = DataResource.objects.get(organization=staff.organization, key="vesihuolto")
    data_resource_update(
        resource=vesihuolto, data={"purpose": "Uusi tarkoitus"}, expected_version=1, acting_user=staff.editor
    )
    talous = DataResource.objects.get(organization=staff.organization, key="talous")
    data_resource_update(resource=talous, data={"purpose": "Uusi"}, expected_version=1, acting_user=staff.other_editor)
    return staff


def _audit(client, staff, **query):
    client.force_login(staff.administrator)
    return client.get(reverse("backoffice:audit", args=[staff.organization.slug]), query)


def _kinds_and_users(response):
    return [(e.kind, e.username) for e in response.context["events"]]


def test_the_log_narrows_to_one_user(client, edited):
    response = _audit(client, edited, username="vesi")
    assert _kinds_and_users(response) == [(AuditKind.RECORD_EDIT, "vesi")]


def test_the_log_narrows_to_one_record_by_key_or_part_of_its_name(client, edited):
    by_key = _audit(client, edited, record="talous")
    by_name = _audit(client, edited, record="vesihuol")
    assert _kinds_and_users(by_key) == [(AuditKind.RECORD_EDIT, "talous")]
    assert _kinds_and_users(by_name) == [(AuditKind.RECORD_EDIT, "vesi")]


def test_the_log_narrows_to_days(client, edited):
    AuditEvent.objects.filter(username="talous").update(occurred_at=timezone.now() - datetime.timedelta(days=10))
    today = timezone.localdate()
    recent = _audit(client, edited, kind=AuditKind.RECORD_EDIT, since=today.isoformat())
    older = _audit(client, edited, kind=AuditKind.RECORD_EDIT, until=(today - datetime.timedelta(days=5)).isoformat())
    assert _kinds_and_users(recent) == [(AuditKind.RECORD_EDIT, "vesi")]
    assert _kinds_and_users(older) == [(AuditKind.RECORD_EDIT, "talous")]


def _csv(response) -> list[list[str]]:
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


def test_the_csv_download_holds_what_is_narrowed_to(client, edited):
    rows = _csv(_audit(client, edited, kind=AuditKind.RECORD_EDIT, muoto="csv"))
    assert rows[0][:3] == ["Aika", "Tapahtuma", "Käyttäjä"]
    assert sorted(row[2] for row in rows[1:]) == ["talous", "vesi"]


def test_no_cell_of_the_csv_download_is_a_formula(client, edited):
    audit_record(
        kind=AuditKind.PASSWORD_RESET, username="=SUM(A1:A9)", organization=edited.organization, target="@kirjaamo"
    )
    rows = _csv(_audit(client, edited, kind=AuditKind.PASSWORD_RESET, muoto="csv"))
    assert (rows[1][2], rows[1][4]) == ("'=SUM(A1:A9)", "'@kirjaamo")


def test_the_csv_download_is_for_administrators_only(client, edited):
    client.force_login(edited.publisher)
    response = client.get(reverse("backoffice:audit", args=[edited.organization.slug]), {"muoto": "csv"})
    assert response.status_code == 403
