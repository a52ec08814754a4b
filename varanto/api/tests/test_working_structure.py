"""The working-model API on the model's frame: the organisation's own details, sections and processes."""

import pytest
from django.urls import reverse

from varanto.accounts.models import AuditEvent, AuditKind, Role
from varanto.catalog.models import ContactPerson, DataResource, Organization, Process, Section
from varanto.catalog.services import data_resource_update, process_create

from .helpers import auth

pytestmark = pytest.mark.django_db

ORG = "imatran-kaupunki"


def url(name: str, **kwargs) -> str:
    return reverse(f"api:{name}", kwargs={"org": ORG, **kwargs})


def latest_history(record):
    return record.history.order_by("-history_date", "-history_id").first()


def test_the_organisation_says_where_information_requests_go_with_its_version(client, token_for):
    response = client.get(url("working_organization"), **auth(token_for(Role.VIEWER)))
    assert response.status_code == 200
    record = response.json()
    assert record["information_requests"]["registry_office"]["email"] == "kirjaamo@imatra.fi"
    assert record["contacts"][0]["name"] == "Petri Kejonen"
    assert record["version"] == 1
    assert response["ETag"] == '"v1"'


def test_the_information_request_contacts_are_changed_through_the_service_with_history(client, token_for):
    token = token_for(Role.ADMINISTRATOR)
    response = client.patch(
        url("working_organization"),
        {
            "information_requests": {
                "registry_office": {"email": "kirjaamo@example.fi"},
                "deciding_authority": "Kaupunginhallitus",
            },
            "contacts": [{"name": "Maija Meikäläinen", "title": "Tietosuojavastaava", "email": "maija@example.fi"}],
        },
        content_type="application/json",
        **auth(token, **{"If-Match": '"v1"'}),
    )
    assert response.status_code == 200, response.content
    assert response["ETag"] == '"v2"'
    record = response.json()
    assert record["information_requests"]["registry_office"] == {
        "name": "Imatran kaupungin kirjaamo",
        "address": "Virastokatu 2, 55100 Imatra",
        "email": "kirjaamo@example.fi",
        "phone": "020 617 111",
        "hours": "",
    }
    assert record["information_requests"]["deciding_authority"] == "Kaupunginhallitus"
    assert record["contacts"] == [
        {"name": "Maija Meikäläinen", "title": "Tietosuojavastaava", "phone": "", "email": "maija@example.fi"}
    ]
    organization = Organization.objects.get(slug=ORG)
    assert organization.registry_email == "kirjaamo@example.fi"
    assert list(ContactPerson.objects.filter(organization=organization).values_list("name", flat=True)) == [
        "Maija Meikäläinen"
    ]
    row = latest_history(organization)
    assert (row.history_user.username, row.history_change_reason, row.version) == (
        "integraatio-administrator",
        "edit",
        2,
    )


@pytest.mark.parametrize(
    ("body", "path"),
    [
        ({"languages": ["fi", "sv"]}, "languages"),
        ({"information_requests": {"registry_office": {"fax": "1"}}}, "information_requests.registry_office.fax"),
        (
            {"information_requests": {"registry_office": {"email": "ei sähköposti"}}},
            "information_requests.registry_office.email",
        ),
        ({"type": "kaupunki"}, "type"),
        ({"contacts": [{"title": "Nimetön"}]}, "contacts.0"),
        ({"version": 5}, "version"),
    ],
)
def test_a_bad_change_to_the_organisation_is_refused_naming_the_field(client, token_for, body, path):
    response = client.patch(
        url("working_organization"),
        body,
        content_type="application/json",
        **auth(token_for(Role.PUBLISHER), **{"If-Match": '"v1"'}),
    )
    assert response.status_code == 400
    assert path in response.json()
    assert Organization.objects.get(slug=ORG).version == 1


def test_sections_are_listed_filtered_read_added_and_changed(client, token_for):
    token = token_for(Role.PUBLISHER)
    listed = client.get(url("working_sections"), **auth(token)).json()
    assert [s["key"] for s in listed["results"]][:2] == ["konsernipalvelut", "hyvinvointi-ja-koulutus"]
    found = client.get(url("working_sections"), {"q": "ympäristö"}, **auth(token)).json()["results"]
    assert [s["key"] for s in found] == ["imatran-seudun-ymparistotoimi"]
    created = client.post(
        url("working_sections"),
        {"name": "Digitalisaatio", "kind": "theme", "members": []},
        content_type="application/json",
        **auth(token),
    )
    assert created.status_code == 201, created.content
    assert created["Location"] == url("working_section", key="digitalisaatio")
    assert created.json()["version"] == 1
    changed = client.patch(
        url("working_section", key="digitalisaatio"),
        {"description": "Digitaaliset palvelut"},
        content_type="application/json",
        **auth(token, **{"If-Match": created["ETag"]}),
    )
    assert changed.status_code == 200
    assert changed.json()["description"] == "Digitaaliset palvelut"
    section = Section.objects.get(key="digitalisaatio")
    assert [(r.history_change_reason, r.history_user.username) for r in section.history.order_by("history_date")] == [
        ("create", "integraatio-publisher"),
        ("edit", "integraatio-publisher"),
    ]


def test_a_process_names_its_systems_and_keeps_its_internal_notes_internal(client, token_for, imatra):
    token = token_for(Role.PUBLISHER)
    created = client.post(
        url("working_processes"),
        {
            "name": "Tietopyyntöjen käsittely",
            "systems": ["m-files"],
            "internal_notes": "Käsittelyaika seurannassa",
            "links": [{"url": "https://www.imatra.fi/tietopyynto"}],
        },
        content_type="application/json",
        **auth(token),
    )
    assert created.status_code == 201, created.content
    record = created.json()
    assert record["systems"] == ["M-Files"]
    assert record["internal_notes"] == "Käsittelyaika seurannassa"
    assert record["links"] == [
        {"title": "https://www.imatra.fi/tietopyynto", "url": "https://www.imatra.fi/tietopyynto", "kind": "web"}
    ]
    key = record["key"]
    changed = client.patch(
        url("working_process", key=key),
        {"systems": ["M-Files", "KeyPro"]},
        content_type="application/json",
        **auth(token, **{"If-Match": '"v1"'}),
    )
    assert changed.status_code == 200, changed.content
    assert sorted(changed.json()["systems"]) == ["KeyPro", "M-Files"]
    process = Process.objects.get(key=key)
    assert latest_history(process).history_user.username == "integraatio-publisher"
    unknown = client.patch(
        url("working_process", key=key),
        {"systems": ["Ei ole"]},
        content_type="application/json",
        **auth(token, **{"If-Match": '"v2"'}),
    )
    assert unknown.status_code == 400
    assert "systems" in unknown.json()


def test_a_section_with_data_resources_is_not_deleted_through_the_api(client, token_for):
    token = token_for(Role.ADMINISTRATOR)
    response = client.delete(url("working_section", key="konsernipalvelut"), **auth(token, **{"If-Match": '"v1"'}))
    assert response.status_code == 400
    assert response.json()["detail"]  # says to move or delete them first
    assert Section.objects.filter(key="konsernipalvelut").exists()


def test_a_process_deleted_through_the_api_is_audited_with_the_integrations_user(client, token_for):
    token = token_for(Role.ADMINISTRATOR)
    resource = DataResource.objects.get(key="vesihuolto")
    process = process_create(organization=resource.organization, data={"name": "Laskutus"}, acting_user=None)
    data_resource_update(resource=resource, data={"processes": [process]}, expected_version=1, acting_user=None)
    resources = {resource.pk}
    response = client.delete(url("working_process", key=process.key), **auth(token, **{"If-Match": "*"}))
    assert response.status_code == 204
    assert not Process.objects.filter(pk=process.pk).exists()
    event = AuditEvent.objects.filter(kind=AuditKind.RECORD_DELETE).first()
    assert event is not None and event.username == "integraatio-administrator"
    assert event.detail["record"] == "process" and event.detail["key"] == process.key
    deletion = Process.history.filter(id=process.pk, history_type="-").get()
    assert {r["id"] for r in deletion.related["resources"]} == resources


def change(client, token, name: str, kwargs: dict, body: dict, **headers):
    return client.patch(url(name, **kwargs), body, content_type="application/json", **auth(token, **headers))


CHANGES = [
    (
        "working_organization",
        {},
        {"information_requests": {"instructions": "Lähetä kirjaamoon"}},
        Organization,
        {"slug": ORG},
    ),
    ("working_section", {"key": "konsernipalvelut"}, {"description": "Hallinto"}, Section, {"key": "konsernipalvelut"}),
]


@pytest.mark.parametrize(("name", "kwargs", "body", "model", "lookup"), CHANGES)
def test_a_change_without_if_match_is_428_and_a_stale_one_412(client, token_for, name, kwargs, body, model, lookup):
    token = token_for(Role.PUBLISHER)
    assert change(client, token, name, kwargs, body).status_code == 428
    assert change(client, token, name, kwargs, body, **{"If-Match": '"v1"'}).status_code == 200
    stale = change(client, token, name, kwargs, body, **{"If-Match": '"v1"'})
    assert stale.status_code == 412
    assert "version 2" in stale.json()["detail"]
    assert model.objects.get(**lookup).version == 2


def test_a_stale_process_change_is_412_and_leaves_the_other_change_in_place(client, token_for):
    token = token_for(Role.PUBLISHER)
    created = client.post(
        url("working_processes"), {"name": "Laskutus"}, content_type="application/json", **auth(token)
    )
    assert change(client, token, "working_process", {"key": "laskutus"}, {"purpose": "Ensimmäinen"}).status_code == 428
    first = change(
        client,
        token,
        "working_process",
        {"key": "laskutus"},
        {"purpose": "Ensimmäinen"},
        **{"If-Match": created["ETag"]},
    )
    assert first.status_code == 200
    second = change(
        client, token, "working_process", {"key": "laskutus"}, {"purpose": "Toinen"}, **{"If-Match": created["ETag"]}
    )
    assert second.status_code == 412
    assert Process.objects.get(key="laskutus").purpose == "Ensimmäinen"


def test_text_and_system_names_match_whatever_the_case_of_finnish_letters(client, token_for):
    """SQLite folds only ASCII in LIKE; the API must answer as PostgreSQL does."""
    token = token_for(Role.PUBLISHER)
    found = client.get(url("working_sections"), {"q": "YMPÄRISTÖ"}, **auth(token)).json()["results"]
    assert [s["key"] for s in found] == ["imatran-seudun-ymparistotoimi"]
    resources = client.get(url("working_resources"), {"system": "VINGO JÄTTÄRI"}, **auth(token)).json()["results"]
    assert [r["key"] for r in resources] == ["jatehuolto"]
    created = client.post(
        url("working_processes"),
        {"name": "Jätteenkuljetus", "systems": ["VINGO JÄTTÄRI"]},
        content_type="application/json",
        **auth(token),
    )
    assert created.status_code == 201, created.content
    assert created.json()["systems"] == ["Vingo Jättäri"]


def test_a_process_serves_a_task_class_by_its_key_and_an_unknown_key_is_400_naming_it(client, token_for, imatra):
    token = token_for(Role.PUBLISHER)
    task_class = imatra.task_classes.first()  # the demo's example plan

    def post(key):
        body = {"name": "Rakennuslupien käsittely", "task_class": key}
        return client.post(url("working_processes"), body, content_type="application/json", **auth(token))

    refused = post("ei-tallaista-luokkaa")
    assert refused.status_code == 400 and "task_class" in refused.content.decode(), refused.content
    assert post(task_class.key).status_code == 201
    assert Process.objects.get(organization=imatra, name="Rakennuslupien käsittely").task_class == task_class
