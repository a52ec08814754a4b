"""Review moves and publishing through the API: the back office's workflow, rules and history."""

import datetime

import pytest
from django.urls import reverse

from varanto.accounts.models import Role
from varanto.catalog.models import DataResource, ReviewStatus
from varanto.publications.models import Publication

from .helpers import auth

pytestmark = pytest.mark.django_db

ORG = "imatran-kaupunki"


def url(name: str, **kwargs) -> str:
    return reverse(f"api:{name}", kwargs={"org": ORG, **kwargs})


def move(client, token: str, body: dict, *, key: str = "vesihuolto", **headers):
    return client.post(
        url("working_resource_review", key=key), body, content_type="application/json", **auth(token, **headers)
    )


def publish(client, token: str, body: dict | None = None):
    return client.post(url("working_publications"), body or {}, content_type="application/json", **auth(token))


def edit(client, token: str, key: str, body: dict, version: int):
    response = client.patch(
        url("working_resource", key=key),
        body,
        content_type="application/json",
        **auth(token, **{"If-Match": f'"v{version}"'}),
    )
    assert response.status_code == 200, response.content
    return response


def history(key: str = "vesihuolto") -> list[tuple[str, str | None]]:
    rows = DataResource.objects.get(key=key).history.order_by("history_date", "history_id")
    return [(row.history_change_reason, row.history_user.username if row.history_user else None) for row in rows]


def test_an_assigned_editor_sends_for_review_and_a_publisher_approves(client, token_for):
    editor = token_for(Role.EDITOR, resources=["vesihuolto"])
    publisher = token_for(Role.PUBLISHER)
    sent = move(client, editor, {"move": "submit"}, **{"If-Match": '"v1"'})
    assert sent.status_code == 200, sent.content
    assert sent.json()["review_status"] == "ready_for_review"
    assert sent["ETag"] == '"v2"'
    assert move(client, editor, {"move": "approve"}, **{"If-Match": '"v2"'}).status_code == 403
    approved = move(client, publisher, {"move": "approve"}, **{"If-Match": '"v2"'})
    assert approved.status_code == 200
    assert approved.json()["review_status"] == "current"
    assert approved.json()["review"]["last_reviewed"] == datetime.date.today().isoformat()
    assert history()[-2:] == [("submit", "integraatio-editor"), ("approve", "integraatio-publisher")]


def test_returning_needs_a_comment_which_the_working_record_then_shows(client, token_for):
    DataResource.objects.filter(key="vesihuolto").update(review_status=ReviewStatus.READY_FOR_REVIEW)
    publisher = token_for(Role.PUBLISHER)
    without = move(client, publisher, {"move": "return", "comment": "  "}, **{"If-Match": '"v1"'})
    assert without.status_code == 400
    assert "comment" in without.json()
    returned = move(client, publisher, {"move": "return", "comment": "Lisää säilytysaika"}, **{"If-Match": '"v1"'})
    assert returned.status_code == 200
    assert returned.json()["review_status"] == "returned"
    assert returned.json()["review_comment"] == "Lisää säilytysaika"
    assert history()[-1] == ("return", "integraatio-publisher")


def test_a_move_the_workflow_does_not_allow_from_the_present_state_is_409(client, token_for):
    response = move(client, token_for(Role.PUBLISHER), {"move": "approve"}, **{"If-Match": '"v1"'})
    assert response.status_code == 409
    assert "current" in response.json()["detail"]
    assert DataResource.objects.get(key="vesihuolto").version == 1


def test_a_review_move_needs_if_match_and_a_stale_one_is_412(client, token_for):
    token = token_for(Role.PUBLISHER)
    assert move(client, token, {"move": "submit"}).status_code == 428
    assert move(client, token, {"move": "submit"}, **{"If-Match": '"v1"'}).status_code == 200
    stale = move(client, token, {"move": "approve"}, **{"If-Match": '"v1"'})
    assert stale.status_code == 412
    assert DataResource.objects.get(key="vesihuolto").review_status == ReviewStatus.READY_FOR_REVIEW


@pytest.mark.parametrize(
    ("body", "path"), [({"move": "publish"}, "move"), ({}, "body"), ({"move": "submit", "why": "x"}, "why")]
)
def test_an_unknown_move_or_field_is_400_naming_it(client, token_for, body, path):
    response = move(client, token_for(Role.PUBLISHER), body, **{"If-Match": '"v1"'})
    assert response.status_code == 400
    assert path in response.json()


def test_publishing_waits_for_review_unless_the_request_confirms_it(client, token_for, imatra_published):
    token = token_for(Role.PUBLISHER)
    edit(client, token, "vesihuolto", {"purpose": "Vesihuollon asiakkuudet"}, 1)
    refused = publish(client, token, {"note": "Vesihuolto"})
    assert refused.status_code == 409
    assert refused.json()["pending"] == ["vesihuolto"]
    assert Publication.objects.count() == 1
    published = publish(client, token, {"note": "Vesihuolto", "include_unapproved": True})
    assert published.status_code == 201, published.content
    assert published.json()["number"] == 2
    assert published["Location"] == reverse("api:publication", kwargs={"org": ORG, "number": 2})
    publication = Publication.objects.get(number=2)
    assert (publication.note, publication.published_by.username) == ("Vesihuolto", "integraatio-publisher")


def test_approved_changes_are_published_without_confirmation_and_served_publicly(client, token_for, imatra_published):
    token = token_for(Role.ADMINISTRATOR)
    edit(client, token_for(Role.PUBLISHER), "vesihuolto", {"purpose": "Vesihuollon asiakkuudet"}, 1)
    assert move(client, token, {"move": "approve"}, **{"If-Match": '"v2"'}).status_code == 200
    assert publish(client, token).status_code == 201
    assert client.get(reverse("api:resource", kwargs={"org": ORG, "key": "vesihuolto"})).json()["purpose"] == (
        "Vesihuollon asiakkuudet"
    )


def test_publishing_when_nothing_changed_is_409(client, token_for, imatra_published):
    response = publish(client, token_for(Role.PUBLISHER), {"include_unapproved": True})
    assert response.status_code == 409
    assert Publication.objects.count() == 1


@pytest.mark.parametrize(
    ("body", "path"),
    [({"note": 5}, "note"), ({"force": True}, "force"), ({"include_unapproved": "yes"}, "include_unapproved")],
)
def test_a_bad_publishing_request_is_400_naming_the_field(client, token_for, body, path):
    response = publish(client, token_for(Role.PUBLISHER), body)
    assert response.status_code == 400
    assert path in response.json()
    assert not Publication.objects.exists()


SECRETS = ("Varmuuskopiot salattu", "Sopimus päättyy", "Korjaa säilytysaika", "Vain kirjaamon käyttöön")


def test_internal_fields_written_through_the_api_never_reach_a_public_answer(client, token_for, imatra):
    token = token_for(Role.PUBLISHER)
    edit(client, token, "vesihuolto", {"security_measures": SECRETS[0], "internal_notes": SECRETS[1]}, 1)
    assert move(client, token, {"move": "return", "comment": SECRETS[2]}, **{"If-Match": '"v2"'}).status_code == 200
    created = client.post(
        url("working_processes"),
        {"name": "Tietopyynnöt", "internal_notes": SECRETS[3]},
        content_type="application/json",
        **auth(token),
    )
    assert created.status_code == 201
    assert publish(client, token, {"include_unapproved": True}).status_code == 201
    public = [
        reverse("api:organization", kwargs={"org": ORG}),
        reverse("api:resources", kwargs={"org": ORG}),
        reverse("api:resource", kwargs={"org": ORG, "key": "vesihuolto"}),
        reverse("api:publication", kwargs={"org": ORG, "number": 1}),
        reverse("api:publications", kwargs={"org": ORG}),
    ]
    for address in public:
        response = client.get(address)
        assert response.status_code == 200
        text = response.content.decode()
        assert not [secret for secret in SECRETS if secret in text], address
        assert not [
            f for f in ("security_measures", "internal_notes", "review_comment", "review_status") if f'"{f}"' in text
        ], address
    working = client.get(url("working_resource", key="vesihuolto"), **auth(token)).json()
    assert (working["security_measures"], working["review_comment"]) == (SECRETS[0], SECRETS[2])
