"""The bulk edit page: a preview changes nothing, a stale version saves nothing, editors cannot open it."""

import datetime

import pytest
from django.utils import timezone

from varanto.catalog.models import DataResource

pytestmark = pytest.mark.django_db


def _post(client, staff, resources, step, versions=None):
    data = {
        "field": "disclosure_authority",
        "text": "kaupunginhallitus",
        "step": step,
        "valittu": [r.pk for r in resources],
    }
    for r in resources:
        data[f"version-{r.pk}"] = (versions or {}).get(r.pk, r.version)
    return client.post(f"/hallinta/{staff.organization.slug}/joukkomuokkaus/", data)


def test_the_preview_shows_each_resource_and_saves_nothing(client, staff):
    resources = list(DataResource.objects.filter(organization=staff.organization)[:3])
    client.force_login(staff.publisher)
    response = _post(client, staff, resources, "preview")
    assert {row[0].pk for row in response.context["preview"]["rows"]} == {r.pk for r in resources}
    assert not DataResource.objects.filter(disclosure_authority="kaupunginhallitus").exists()


def test_a_resource_edited_since_the_preview_refuses_the_save(client, staff):
    resources = list(DataResource.objects.filter(organization=staff.organization)[:2])
    client.force_login(staff.publisher)
    response = _post(client, staff, resources, "apply", {resources[0].pk: resources[0].version - 1})
    assert response.status_code == 400
    assert response.context["form"].non_field_errors()
    assert not DataResource.objects.filter(disclosure_authority="kaupunginhallitus").exists()


def test_an_editor_may_not_bulk_edit(client, staff):
    client.force_login(staff.editor)
    assert client.get(f"/hallinta/{staff.organization.slug}/joukkomuokkaus/").status_code == 403


@pytest.mark.parametrize("day", ["2027-02-31", "31.12.", "huomenna"])
def test_a_review_date_that_is_no_date_is_refused_at_the_preview(client, staff, day):
    resources = list(DataResource.objects.filter(organization=staff.organization)[:2])
    client.force_login(staff.publisher)
    response = client.post(
        f"/hallinta/{staff.organization.slug}/joukkomuokkaus/",
        {"field": "next_review", "day": day, "step": "preview", "valittu": [r.pk for r in resources]},
    )
    assert response.status_code == 400
    assert response.context["form"].errors["day"]
    assert "preview" not in response.context


def test_the_review_date_preview_shows_when_each_resource_is_due_now(client, staff):
    resource = DataResource.objects.get(organization=staff.organization, key="vesihuolto")
    DataResource.objects.filter(pk=resource.pk).update(last_reviewed=datetime.date(2026, 1, 31), review_cycle_months=6)
    client.force_login(staff.publisher)
    day = timezone.localdate() + datetime.timedelta(days=30)
    response = client.post(
        f"/hallinta/{staff.organization.slug}/joukkomuokkaus/",
        {"field": "next_review", "day": day.isoformat(), "step": "preview", "valittu": [resource.pk]},
    )
    assert response.context["preview"]["rows"] == [(resource, datetime.date(2026, 7, 31))]
    assert response.context["preview"]["value"] == day
