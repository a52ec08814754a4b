"""Finding 6, separation of duties: whoever made or last changed a change cannot approve it, unless
the organisation (one person) allows approving one's own, which is then marked in history and audit."""

import pytest
from django.contrib.messages import get_messages

from varanto.accounts.models import AuditEvent, AuditKind
from varanto.catalog.models import DataResource, ReviewStatus
from varanto.catalog.services import change_authors
from varanto.publications.models import Publication

from .forms import record_form

pytestmark = pytest.mark.django_db


def _edit(client, staff, **changes):
    url = f"/hallinta/{staff.organization.slug}/tietovarannot/vesihuolto/muokkaa/"
    data = record_form(client.get(url))
    data.update({k: [v] for k, v in changes.items()})
    assert client.post(url, data).status_code == 302


def _approve(client, staff):
    resource = _vesihuolto(staff)
    url = f"/hallinta/{staff.organization.slug}/tietovarannot/vesihuolto/tarkistus/"
    return client.post(url, {"move": "approve", "version": str(resource.version)})


def _vesihuolto(staff):
    return DataResource.objects.get(organization=staff.organization, key="vesihuolto")


def _messages(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_a_publisher_cannot_approve_and_publish_their_own_change(client, staff):
    client.force_login(staff.publisher)
    _edit(client, staff, notes="Oma muutos")
    response = _approve(client, staff)
    assert response.status_code == 302
    assert any("joku muu" in message for message in _messages(response))
    resource = _vesihuolto(staff)
    assert resource.review_status == ReviewStatus.READY_FOR_REVIEW
    # Publishing it anyway needs the explicit "publish unapproved" confirmation, which is recorded as such.
    client.post(f"/hallinta/{staff.organization.slug}/julkaise/", {"note": "Oma"})
    assert Publication.objects.count() == 1


def test_someone_else_approves_the_change(client, staff):
    client.force_login(staff.editor)
    _edit(client, staff, notes="Vesihuollon muutos")
    client.force_login(staff.publisher)
    assert _approve(client, staff).status_code == 302
    resource = _vesihuolto(staff)
    assert resource.review_status == ReviewStatus.CURRENT
    assert resource.history.latest("history_date", "history_id").history_change_reason == "approve"
    assert not AuditEvent.objects.filter(kind=AuditKind.OWN_CHANGE_APPROVED).exists()


def test_whoever_last_changed_a_change_cannot_approve_it_either(client, staff):
    client.force_login(staff.editor)
    _edit(client, staff, notes="Editorin muutos")
    client.force_login(staff.publisher)
    _edit(client, staff, notes="Julkaisijan korjaus")
    assert change_authors(_vesihuolto(staff)) == {staff.editor.pk, staff.publisher.pk}
    _approve(client, staff)
    assert _vesihuolto(staff).review_status == ReviewStatus.READY_FOR_REVIEW
    client.force_login(staff.administrator)
    _approve(client, staff)
    assert _vesihuolto(staff).review_status == ReviewStatus.CURRENT
    assert change_authors(_vesihuolto(staff)) == set()


def test_an_organisation_of_one_may_allow_approving_ones_own(client, staff):
    client.force_login(staff.administrator)
    response = client.post(
        f"/hallinta/{staff.organization.slug}/kayttajat/hyvaksynta/", {"own_approval_allowed": "yes"}
    )
    assert response.status_code == 302
    setting = AuditEvent.objects.get(kind=AuditKind.OWN_APPROVAL_SETTING)
    assert (setting.user, setting.detail["own_approval_allowed"]) == (staff.administrator, True)
    staff.organization.refresh_from_db()
    assert staff.organization.own_approval_allowed
    assert staff.organization.history.latest("history_date", "history_id").history_change_reason == "setting"

    client.force_login(staff.publisher)
    _edit(client, staff, notes="Yksin tehty")
    _approve(client, staff)
    resource = _vesihuolto(staff)
    assert resource.review_status == ReviewStatus.CURRENT
    row = resource.history.latest("history_date", "history_id")
    assert (row.history_change_reason, row.history_user) == ("approve:own", staff.publisher)
    event = AuditEvent.objects.get(kind=AuditKind.OWN_CHANGE_APPROVED)
    assert (event.user, event.organization, event.detail["key"]) == (staff.publisher, staff.organization, "vesihuolto")
    page = client.get(f"/hallinta/{staff.organization.slug}/tietovarannot/vesihuolto/historia/").content.decode()
    assert "Hyväksynyt muutoksen tekijä itse" in page


def test_only_an_administrator_changes_the_setting(client, staff):
    client.force_login(staff.publisher)
    response = client.post(
        f"/hallinta/{staff.organization.slug}/kayttajat/hyvaksynta/", {"own_approval_allowed": "yes"}
    )
    assert response.status_code == 403
    staff.organization.refresh_from_db()
    assert not staff.organization.own_approval_allowed


def test_turning_the_setting_off_brings_four_eyes_back(client, staff):
    client.force_login(staff.administrator)
    url = f"/hallinta/{staff.organization.slug}/kayttajat/hyvaksynta/"
    client.post(url, {"own_approval_allowed": "yes"})
    client.post(url, {})
    staff.organization.refresh_from_db()
    assert not staff.organization.own_approval_allowed
    assert AuditEvent.objects.filter(kind=AuditKind.OWN_APPROVAL_SETTING).count() == 2
    client.force_login(staff.publisher)
    _edit(client, staff, notes="Oma")
    _approve(client, staff)
    assert _vesihuolto(staff).review_status == ReviewStatus.READY_FOR_REVIEW
