"""Who may do what through the working-model API: the roles of `accounts.permissions`, operation by operation.

Each operation is tried by an integration of each role, every try from the same starting state
(each runs in a savepoint that is rolled back), and the answers are compared as one table. A token
confined to another organisation is refused everything here, though its user administers both.
"""

import pytest
from django.db import transaction
from django.urls import URLPattern, reverse

from varanto.accounts.models import Role
from varanto.catalog.models import DataResource, ReviewStatus
from varanto.catalog.services import process_create
from varanto.catalog.tests.factories import OrganizationFactory

from ..urls import urlpatterns
from .helpers import auth

pytestmark = pytest.mark.django_db

ORG = "imatran-kaupunki"
V1 = {"If-Match": '"v1"'}
ROLES = {  # who -> (role, records assigned to an editor); "anonymous" sends no token
    "administrator": (Role.ADMINISTRATOR, {}),
    "publisher": (Role.PUBLISHER, {}),
    "editor of the record": (Role.EDITOR, {"resources": ["vesihuolto"]}),
    "editor of another record": (Role.EDITOR, {"resources": ["talous"], "systems": ["keypro"]}),
    "viewer": (Role.VIEWER, {}),
    "no role": (None, {}),
}
ELSEWHERE = "administrator confined to another organisation"


def url(name: str, **kwargs) -> str:
    return reverse(f"api:{name}", kwargs={"org": ORG, **kwargs})


def awaiting_review():
    DataResource.objects.filter(key="vesihuolto").update(review_status=ReviewStatus.READY_FOR_REVIEW)


def get(name, **kwargs):
    return lambda client, headers: client.get(url(name, **kwargs), **headers)


def send(method: str, name: str, body: dict, *, before=None, precondition=True, **kwargs):
    def call(client, headers):
        if before:
            before()
        return getattr(client, method)(
            url(name, **kwargs),
            body,
            content_type="application/json",
            **headers,
            **(auth(None, **V1) if precondition else {}),
        )

    return call


READERS = {
    "administrator": 200,
    "publisher": 200,
    "editor of the record": 200,
    "editor of another record": 200,
    "viewer": 200,
    "no role": 403,
    ELSEWHERE: 403,
    "anonymous": 401,
}


def staff(done: int, *, assigned_editor: int = 403) -> dict:
    return {
        "administrator": done,
        "publisher": done,
        "editor of the record": assigned_editor,
        "editor of another record": 403,
        "viewer": 403,
        "no role": 403,
        ELSEWHERE: 403,
        "anonymous": 401,
    }


OPERATIONS = {
    "read the organisation": (get("working_organization"), READERS),
    "change the organisation": (
        send("patch", "working_organization", {"information_requests": {"instructions": "Kirjaamoon"}}),
        staff(200),
    ),
    "list sections": (get("working_sections"), READERS),
    "read a section": (get("working_section", key="konsernipalvelut"), READERS),
    "add a section": (send("post", "working_sections", {"name": "Digitalisaatio"}, precondition=False), staff(201)),
    "change a section": (
        send("patch", "working_section", {"description": "Hallinto"}, key="konsernipalvelut"),
        staff(200),
    ),
    "list processes": (get("working_processes"), READERS),
    "read a process": (get("working_process", key="laskutus"), READERS),
    "add a process": (send("post", "working_processes", {"name": "Palkanlaskenta"}, precondition=False), staff(201)),
    "change a process": (send("patch", "working_process", {"purpose": "Laskut"}, key="laskutus"), staff(200)),
    "list document types": (get("working_document_types"), READERS),
    "read a document type": (get("working_document_type", key="vesijohtokartta"), READERS),
    "add a task class": (
        send("post", "working_task_classes", {"code": "05 01", "name": "Tiedonhallinta"}, precondition=False),
        staff(201),
    ),
    "change a phase": (
        send("patch", "working_action", {"action_class": "valmistelu"}, key="liittyma-valmistelu"),
        staff(200),
    ),
    "delete a document type": (
        lambda client, headers: client.delete(
            url("working_document_type", key="vesijohtokartta"), **headers, **auth(None, **V1)
        ),
        staff(204),
    ),
    "send a resource for review": (
        send("post", "working_resource_review", {"move": "submit"}, key="vesihuolto"),
        staff(200, assigned_editor=200),
    ),
    "approve a resource": (
        send("post", "working_resource_review", {"move": "approve"}, before=awaiting_review, key="vesihuolto"),
        staff(200),
    ),
    "return a resource": (
        send(
            "post",
            "working_resource_review",
            {"move": "return", "comment": "Täydennä"},
            before=awaiting_review,
            key="vesihuolto",
        ),
        staff(200),
    ),
    "publish": (send("post", "working_publications", {"include_unapproved": True}, precondition=False), staff(201)),
}


@pytest.mark.parametrize("operation", OPERATIONS)
def test_each_role_may_do_exactly_what_the_permission_table_allows(client, token_for, imatra, operation):
    process_create(organization=imatra, data={"name": "Laskutus"}, acting_user=None)
    headers = {who: auth(token_for(role, **assigned)) for who, (role, assigned) in ROLES.items()}
    headers[ELSEWHERE] = auth(token_for(Role.ADMINISTRATOR, organization=OrganizationFactory()))
    headers["anonymous"] = {}
    call, expected = OPERATIONS[operation]
    answers = {}
    for who, signed_in in headers.items():
        with transaction.atomic():
            answers[who] = call(client, signed_in).status_code
            transaction.set_rollback(True)
    assert answers == expected


KEYS = {
    "working_section": "konsernipalvelut",
    "working_resource": "vesihuolto",
    "working_resource_review": "vesihuolto",
    "working_system": "keypro",
    "working_process": "laskutus",
    "working_interface": "keypro-m-files",
    "working_task_class": "10-03-03",
    "working_action": "liittyma-valmistelu",
    "working_document_type": "vesijohtokartta",
}


def test_a_token_of_another_organisation_is_refused_at_every_working_endpoint(client, token_for, imatra):
    """Every address and method of the working API, not only those of the table above."""
    process_create(organization=imatra, data={"name": "Laskutus"}, acting_user=None)
    headers = auth(token_for(Role.ADMINISTRATOR, organization=OrganizationFactory()), **V1)
    endpoints = [p for p in urlpatterns if isinstance(p, URLPattern) and (p.name or "").startswith("working_")]
    answers = {}
    for pattern in endpoints:
        view = pattern.callback.view_class
        address = url(pattern.name, **({"key": KEYS[pattern.name]} if "key" in pattern.pattern.converters else {}))
        for method in ("get", "post", "put", "patch", "delete"):
            if hasattr(view, method):
                answers[pattern.name, method] = getattr(client, method)(
                    address, {}, content_type="application/json", **headers
                ).status_code
    assert len(endpoints) == 19 and set(answers.values()) == {403}, answers
