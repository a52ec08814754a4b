"""The administrator's handover page: preview what would move, then move it in one step."""

import pytest

from varanto.accounts.models import AuditEvent, AuditKind, Membership

pytestmark = pytest.mark.django_db


def test_an_administrator_previews_and_then_hands_over_an_editors_records(client, staff):
    client.force_login(staff.administrator)
    url = f"/hallinta/{staff.organization.slug}/kayttajat/luovutus/"
    data = {"source": f"user:{staff.editor.pk}", "to_user": staff.other_editor.pk}
    preview = client.post(url, {**data, "preview": ""})
    assert preview.status_code == 200 and "Vesihuolto" in preview.content.decode()
    assert not AuditEvent.objects.filter(kind=AuditKind.HANDOVER).exists()

    response = client.post(url, {**data, "confirm": ""})
    assert response.status_code == 302
    taken = Membership.objects.get(organization=staff.organization, user=staff.other_editor)
    assert "vesihuolto" in taken.resources.values_list("key", flat=True)
    assert not Membership.objects.get(organization=staff.organization, user=staff.editor).resources.exists()


def test_a_handover_to_a_viewer_is_not_offered(client, staff):
    client.force_login(staff.administrator)
    url = f"/hallinta/{staff.organization.slug}/kayttajat/luovutus/"
    response = client.post(url, {"source": f"user:{staff.editor.pk}", "to_user": staff.viewer.pk, "confirm": ""})
    assert response.status_code == 200
    assert Membership.objects.get(organization=staff.organization, user=staff.editor).resources.exists()
