"""Browsable history, restore as a recorded change, and deletion that can be undone."""

import pytest

from varanto.catalog.models import DataResource, InformationSystem

from .forms import record_form

pytestmark = pytest.mark.django_db


def _save(client, url, **changes):
    data = record_form(client.get(url))
    data.update({k: [v] for k, v in changes.items()})
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]


def test_history_page_shows_who_changed_which_field_before_and_after(client, staff):
    client.force_login(staff.editor)
    org = staff.organization.slug
    _save(client, f"/hallinta/{org}/tietovarannot/vesihuolto/muokkaa/", purpose="Vesihuolto ja hulevedet")
    response = client.get(f"/hallinta/{org}/tietovarannot/vesihuolto/historia/")
    newest = response.context["entries"][0]
    assert newest["state"].row.history_user == staff.editor
    assert [(c.field, c.before, c.after) for c in newest["changes"]] == [
        ("purpose", "Vesihuollon järjestäminen ja hallinta", "Vesihuolto ja hulevedet")
    ]
    assert "Vesihuolto ja hulevedet" in response.content.decode()


def test_restoring_an_earlier_version_is_itself_recorded(client, staff):
    client.force_login(staff.editor)
    org = staff.organization.slug
    _save(client, f"/hallinta/{org}/tietovarannot/vesihuolto/muokkaa/", purpose="Väärä käyttötarkoitus")
    resource = DataResource.objects.get(organization=staff.organization, key="vesihuolto")
    first = resource.history.earliest("history_date")
    response = client.post(
        f"/hallinta/{org}/tietovarannot/vesihuolto/historia/{first.history_id}/palauta/", {"version": "2"}
    )
    assert response.status_code == 302
    resource.refresh_from_db()
    assert (resource.purpose, resource.version) == ("Vesihuollon järjestäminen ja hallinta", 3)
    history = client.get(f"/hallinta/{org}/tietovarannot/vesihuolto/historia/")
    newest = history.context["entries"][0]
    assert newest["reason"].endswith("1") and newest["state"].row.history_user == staff.editor
    assert [c.field for c in newest["changes"]] == ["purpose"]


def test_delete_asks_first_showing_what_refers_to_the_resource(client, staff):
    client.force_login(staff.publisher)
    org = staff.organization.slug
    response = client.get(f"/hallinta/{org}/tietovarannot/vesihuolto/poista/")
    assert response.status_code == 200
    assert [s["name"] for s in response.context["references"]["systems"]][:2] == ["Vesikanta CGI", "KeyPro"]
    assert [e["username"] for e in response.context["references"]["editors"]] == ["vesi"]
    assert DataResource.objects.filter(organization=staff.organization, key="vesihuolto").exists()


def _group(response, kind: str) -> dict:
    return next(g for g in response.context["groups"] if g["kind"].name == kind)


def test_deleted_resource_is_listed_and_restored_with_its_systems_and_editor(client, staff):
    client.force_login(staff.publisher)
    org = staff.organization.slug
    assert client.post(f"/hallinta/{org}/tietovarannot/vesihuolto/poista/", {"version": "1"}).status_code == 302
    assert not DataResource.objects.filter(organization=staff.organization, key="vesihuolto").exists()

    deleted = client.get(f"/hallinta/{org}/poistetut/")
    rows = _group(deleted, "resource")["rows"]
    assert [r["row"].name for r in rows] == ["Vesihuolto"]
    assert client.get(rows[0]["history_url"]).status_code == 200
    assert client.post(rows[0]["restore_url"]).status_code == 302

    restored = DataResource.objects.get(organization=staff.organization, key="vesihuolto")
    assert restored.system_links.count() == 6
    assert ("KeyPro", "verkosto") in [(link.system.name, link.usage) for link in restored.system_links.all()]
    assert list(restored.editor_memberships.values_list("user__username", flat=True)) == ["vesi"]


def test_editor_cannot_restore_a_deleted_resource(client, staff):
    client.force_login(staff.publisher)
    org = staff.organization.slug
    client.post(f"/hallinta/{org}/tietovarannot/vesihuolto/poista/", {"version": "1"})
    row = _group(client.get(f"/hallinta/{org}/poistetut/"), "resource")["rows"][0]
    client.force_login(staff.editor)
    assert client.post(row["restore_url"]).status_code == 403


def test_deleting_a_system_shows_and_then_removes_its_uses(client, staff):
    client.force_login(staff.administrator)
    org = staff.organization.slug
    page = client.get(f"/hallinta/{org}/jarjestelmat/m-files/poista/")
    assert len(page.context["references"]["resources"]) == 9
    assert client.post(f"/hallinta/{org}/jarjestelmat/m-files/poista/", {"version": "1"}).status_code == 302
    assert not InformationSystem.objects.filter(organization=staff.organization, name="M-Files").exists()
    turvallisuus = DataResource.objects.get(organization=staff.organization, key="turvallisuus")
    assert turvallisuus.history.latest("history_date").history_change_reason == "system-deleted:M-Files"


def test_restoring_asks_first_showing_the_version_against_the_record_now(client, staff):
    client.force_login(staff.editor)
    org = staff.organization.slug
    _save(client, f"/hallinta/{org}/tietovarannot/vesihuolto/muokkaa/", purpose="Väärä käyttötarkoitus")
    resource = DataResource.objects.get(organization=staff.organization, key="vesihuolto")
    first = resource.history.earliest("history_date")
    confirm = f"/hallinta/{org}/tietovarannot/vesihuolto/historia/{first.history_id}/palauta/"

    history = client.get(f"/hallinta/{org}/tietovarannot/vesihuolto/historia/").content.decode()
    assert f'href="{confirm}"' in history and f'action="{confirm}"' not in history  # a link to ask, never a POST
    page = client.get(confirm)
    assert page.status_code == 200
    assert [(c.field, c.before, c.after) for c in page.context["changes"]] == [
        ("purpose", "Väärä käyttötarkoitus", "Vesihuollon järjestäminen ja hallinta")
    ]
    html = page.content.decode()
    assert "Palautetaanko versio 1?" in html and '<th scope="col">Nyt</th>' in html
    assert '<button type="submit">Palauta versio 1</button>' in html
    resource.refresh_from_db()
    assert resource.version == 2  # asking changed nothing


def test_restoring_a_version_and_returning_a_change_are_told_apart(client, staff):
    from varanto.catalog.models import ReviewStatus

    DataResource.objects.filter(organization=staff.organization, key="vesihuolto").update(
        review_status=ReviewStatus.READY_FOR_REVIEW
    )
    client.force_login(staff.publisher)
    page = client.get(f"/hallinta/{staff.organization.slug}/tietovarannot/vesihuolto/").content.decode()
    assert "Palauta muokattavaksi" in page
    assert "Palauta kommentin kanssa" not in page
