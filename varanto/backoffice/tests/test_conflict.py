"""No lost updates: two people edit the same data resource; the second save gets the conflict page."""

import pytest
from django.test import Client

from varanto.catalog.models import DataResource
from varanto.catalog.services import data_resource_delete

from .forms import form_fields, record_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_sessions(staff):
    editor, publisher = Client(), Client()
    editor.force_login(staff.editor)
    publisher.force_login(staff.publisher)
    return editor, publisher


def _vesihuolto(staff):
    return DataResource.objects.get(organization=staff.organization, key="vesihuolto")


def test_second_save_gets_a_conflict_page_showing_both_versions(staff, two_sessions):
    editor, publisher = two_sessions
    url = f"/hallinta/{staff.organization.slug}/tietovarannot/vesihuolto/muokkaa/"
    editor_form, publisher_form = record_form(editor.get(url)), record_form(publisher.get(url))

    editor_form["notes"] = ["Verkostotiedot siirtyvät KeyProsta uuteen järjestelmään."]
    assert editor.post(url, editor_form).status_code == 302

    publisher_form["purpose"] = ["Vesihuollon ja hulevesien hallinta"]
    response = publisher.post(url, publisher_form)
    page = response.content.decode()
    assert response.status_code == 409
    assert "Vesihuollon ja hulevesien hallinta" in page  # the publisher's version
    assert "Verkostotiedot siirtyvät KeyProsta uuteen järjestelmään." in page  # the editor's saved version
    assert response.context["conflict"].expected_version == 1
    assert response.context["conflict"].current_version == 2
    assert "notes" in response.context["theirs_changed"]
    resource = _vesihuolto(staff)
    assert resource.purpose == "Vesihuollon järjestäminen ja hallinta"
    assert resource.notes == "Verkostotiedot siirtyvät KeyProsta uuteen järjestelmään."


def test_keeping_my_version_after_a_conflict_is_an_explicit_second_choice(staff, two_sessions):
    editor, publisher = two_sessions
    url = f"/hallinta/{staff.organization.slug}/tietovarannot/vesihuolto/muokkaa/"
    editor_form, publisher_form = record_form(editor.get(url)), record_form(publisher.get(url))
    editor_form["notes"] = ["Ensimmäinen"]
    editor.post(url, editor_form)
    publisher_form["purpose"] = ["Toinen"]
    conflict = publisher.post(url, publisher_form)

    html = conflict.content.decode()
    keep_form = form_fields(html, html[: html.index('class="button--danger"')].count("<form") - 1)
    assert keep_form["version"] == ["2"]
    assert publisher.post(url, keep_form).status_code == 302
    resource = _vesihuolto(staff)
    assert (resource.purpose, resource.version) == ("Toinen", 3)


def test_saving_a_resource_deleted_meanwhile_says_so_and_creates_nothing(staff, two_sessions):
    editor, _publisher = two_sessions
    url = f"/hallinta/{staff.organization.slug}/tietovarannot/vesihuolto/muokkaa/"
    form = record_form(editor.get(url))
    data_resource_delete(resource=_vesihuolto(staff), expected_version=1, acting_user=staff.publisher)
    form["notes"] = ["Myöhästynyt muutos"]
    response = editor.post(url, form)
    assert response.status_code in (403, 409)
    assert not DataResource.objects.filter(organization=staff.organization, key="vesihuolto").exists()


def test_approving_a_version_that_changed_meanwhile_is_refused(staff, two_sessions):
    editor, publisher = two_sessions
    org = staff.organization.slug
    url = f"/hallinta/{org}/tietovarannot/vesihuolto/muokkaa/"
    form = record_form(editor.get(url))
    form["notes"] = ["Uusi huomio"]
    editor.post(url, form)  # now version 2, ready for review
    stale_approve = {"move": "approve", "version": "1"}
    response = publisher.post(f"/hallinta/{org}/tietovarannot/vesihuolto/tarkistus/", stale_approve)
    assert response.status_code == 409
    assert _vesihuolto(staff).review_status == "ready_for_review"
