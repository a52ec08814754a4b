"""The records management plan through the working-model API: task classes, phases and actions, and
document types listed, read, added, changed and deleted through the catalogue's write services."""

import pytest
from django.urls import reverse

from varanto.accounts.models import Role
from varanto.catalog.models import DocumentType, ProcessAction, TaskClass

from .helpers import auth

pytestmark = pytest.mark.django_db

ORG = "imatran-kaupunki"
SECRET_WITHOUT_GROUND = {"restrictions": {"publicity_class": "3", "secrecy_ground": "", "secrecy_period": None}}


def url(name: str, **kwargs) -> str:
    return reverse(f"api:{name}", kwargs={"org": ORG, **kwargs})


def send(client, method: str, address: str, body: dict, token: str, **headers):
    return getattr(client, method)(address, body, content_type="application/json", **auth(token, **headers))


def test_a_document_type_reads_with_its_references_internal_fields_and_version(client, token_for):
    DocumentType.objects.filter(key="vesijohtokartta").update(security_class="3", internal_notes="Vain sisäisesti")
    response = client.get(url("working_document_type", key="vesijohtokartta"), **auth(token_for(Role.VIEWER)))
    assert response.status_code == 200, response.content
    record = response.json()
    assert (record["action"], record["system"], record["resource"]) == ("liittyma-valmistelu", "KeyPro", "vesihuolto")
    assert record["restrictions"]["secrecy_ground"] == "JulkL 24.1 § 7 k"
    assert record["restrictions"]["security_class"] == "3"
    assert record["internal_notes"] == "Vain sisäisesti"
    assert record["version"] == 1 and response["ETag"] == '"v1"'


@pytest.mark.parametrize(
    ("name", "params", "keys"),
    [
        ("working_task_classes", {"q": "VARHAISKASVATUKSEEN"}, ["12-01-00"]),
        ("working_task_classes", {"q": "10 05"}, ["10-05-01"]),
        (
            "working_actions",
            {"task_class": "12-01-00", "phase": "varhaiskasvatus-vireilletulo"},
            ["varhaiskasvatus-hakemus"],
        ),
        ("working_document_types", {"task_class": "10-05-01", "publicity_class": "3"}, ["vesijohtokartta"]),
        (
            "working_document_types",
            {"system": "effica", "personal_data": "3"},
            ["varhaiskasvatushakemus", "varhaiskasvatuspaatos"],
        ),
        ("working_document_types", {"resource": "rakennusvalvonta", "q": "päätös"}, ["rakennuslupapaatos"]),
        ("working_document_types", {"action": "rakennuslupa-vireilletulo", "page_size": 1}, ["rakennuslupahakemus"]),
    ],
)
def test_the_plans_lists_are_filtered_and_paged(client, token_for, name, params, keys):
    response = client.get(url(name), params, **auth(token_for(Role.VIEWER)))
    assert response.status_code == 200, response.content
    assert [r["key"] for r in response.json()["results"]] == keys


def test_a_bad_filter_value_is_400_naming_the_parameter(client, token_for):
    response = client.get(url("working_document_types"), {"publicity_class": "9"}, **auth(token_for(Role.VIEWER)))
    assert response.status_code == 400
    assert "publicity_class" in response.json()


def test_a_task_class_a_phase_and_a_document_type_are_added_changed_and_deleted(client, token_for, imatra):
    token = token_for(Role.PUBLISHER)
    created = send(
        client,
        "post",
        url("working_task_classes"),
        {"code": "05 01 00", "name": "Tiedonhallinta", "retention": {"period": -1, "reason": "KA/13089/2008"}},
        token,
    )
    assert created.status_code == 201, created.content
    assert created["Location"] == url("working_task_class", key="05-01-00")
    phase = send(
        client, "post", url("working_actions"), {"task_class": "05-01-00", "name": "Vireilletulo"}, token
    ).json()
    document = send(
        client,
        "post",
        url("working_document_types"),
        {"action": phase["key"], "document_class": "Hakemus", "name": "Tietopyyntö", "system": "m-files"},
        token,
    )
    assert document.status_code == 201, document.content
    assert document.json()["system"] == "M-Files"  # named in any case, written as the system is named
    key = document.json()["key"]
    changed = send(
        client,
        "patch",
        url("working_document_type", key=key),
        {"retention": {"period": 10, "reason": "Kunnan päätös", "counting": "Asian ratkaisu"}},
        token,
        **{"If-Match": '"v1"'},
    )
    assert changed.status_code == 200, changed.content
    assert changed["ETag"] == '"v2"'
    stored = DocumentType.objects.get(organization=imatra, key=key)
    assert (stored.retention_period, stored.retention_counting, stored.action.task_class.code) == (
        10,
        "Asian ratkaisu",
        "05 01 00",
    )
    assert stored.history.order_by("-history_id").first().history_user.username == "integraatio-publisher"
    # The phase holds a document type, so it goes first; then the phase, then the class.
    refused = client.delete(url("working_action", key=phase["key"]), **auth(token, **{"If-Match": "*"}))
    assert refused.status_code == 400 and "Vireilletulo" in refused.json()["detail"][0]
    for name, record_key in (
        ("working_document_type", key),
        ("working_action", phase["key"]),
        ("working_task_class", "05-01-00"),
    ):
        assert client.delete(url(name, key=record_key), **auth(token, **{"If-Match": "*"})).status_code == 204
    assert not TaskClass.objects.filter(organization=imatra, code="05 01 00").exists()


@pytest.mark.parametrize(
    ("name", "key", "body", "path"),
    [
        ("working_document_type", "rakennuslupahakemus", SECRET_WITHOUT_GROUND, "restrictions.secrecy_ground"),
        ("working_document_type", "rakennuslupahakemus", SECRET_WITHOUT_GROUND, "restrictions.secrecy_period"),
        ("working_task_class", "10-03-03", {"retention": {"counting": "Asian ratkaisu"}}, "retention.counting"),
        ("working_task_class", "10-05-01", {"retention": {"reason": ""}}, "retention.reason"),
        ("working_document_type", "rakennuslupahakemus", {"action": "puuttuva"}, "action"),
        ("working_document_type", "rakennuslupahakemus", {"system": "Tuntematon"}, "system"),
        ("working_action", "varhaiskasvatus-hakemus", {"parent": "rakennuslupa-vireilletulo"}, "parent"),
        ("working_task_class", "10-03-03", {"restrictions": {"publicity_class": "7"}}, "restrictions.publicity_class"),
    ],
)
def test_the_plans_rules_refuse_a_change_naming_the_field(client, token_for, name, key, body, path):
    response = send(client, "patch", url(name, key=key), body, token_for(Role.PUBLISHER), **{"If-Match": '"v1"'})
    assert response.status_code == 400, response.content
    assert path in response.json(), response.json()


def test_permanent_retention_needs_no_end_and_a_secret_class_with_its_ground_is_accepted(client, token_for):
    body = {
        "restrictions": {"publicity_class": "3", "secrecy_ground": "JulkL 24.1 § 32 k", "secrecy_period": 50},
        "retention": {"period": -1, "reason": "KA/13089/2008", "counting": ""},
    }
    response = send(
        client,
        "patch",
        url("working_document_type", key="liittymissopimus"),
        body,
        token_for(Role.PUBLISHER),
        **{"If-Match": '"v1"'},
    )
    assert response.status_code == 200, response.content
    assert response.json()["retention"] == {"period": -1, "reason": "KA/13089/2008", "counting": ""}


def test_a_stale_change_to_a_task_class_is_412_and_one_without_if_match_428(client, token_for):
    token = token_for(Role.PUBLISHER)
    address = url("working_task_class", key="12-01-00")
    assert send(client, "patch", address, {"description": "Ensimmäinen"}, token).status_code == 428
    assert (
        send(client, "patch", address, {"description": "Ensimmäinen"}, token, **{"If-Match": '"v1"'}).status_code == 200
    )
    stale = send(client, "patch", address, {"description": "Toinen"}, token, **{"If-Match": '"v1"'})
    assert stale.status_code == 412
    assert TaskClass.objects.get(key="12-01-00").description == "Ensimmäinen"
    assert (
        client.delete(
            url("working_action", key="varhaiskasvatus-paatos"), **auth(token, **{"If-Match": '"v9"'})
        ).status_code
        == 412
    )
    assert ProcessAction.objects.filter(key="varhaiskasvatus-paatos").exists()
