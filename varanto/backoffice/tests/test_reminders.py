"""The back office's reminder pages: one's own settings, and an administrator's preview of a member's digest."""

import pytest

from varanto.notifications.models import ReminderPreference

pytestmark = pytest.mark.django_db


def test_an_administrator_previews_the_digest_an_editor_would_get(client, staff):
    client.force_login(staff.administrator)
    membership = staff.editor.memberships.get()
    staff.editor.email = "vesi@example.org"
    staff.editor.save(update_fields=["email"])
    response = client.get(f"/hallinta/{staff.organization.slug}/kayttajat/{membership.pk}/muistutus/")
    text = response.content.decode()
    assert response.status_code == 200
    assert "vesi@example.org" in text
    assert f"/hallinta/{staff.organization.slug}/tietovarannot/vesihuolto/" in text
    assert f"/hallinta/{staff.organization.slug}/jarjestelmat/keypro/" in text  # never reviewed in Varanto
    assert "Talous" not in text  # another editor's resource


def test_a_user_chooses_how_often_and_in_which_language_they_are_reminded(client, staff):
    client.force_login(staff.editor)
    response = client.post("/hallinta/muistutukset/", {"frequency": "off", "language": "en"})
    assert response.status_code == 302
    preference = ReminderPreference.objects.get(user=staff.editor)
    assert (preference.frequency, preference.language) == ("off", "en")
