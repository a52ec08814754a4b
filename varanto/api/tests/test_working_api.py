"""The authenticated API: integrations read and write the working model under their user's role, without lost updates."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.urls import reverse

from varanto.accounts.models import Membership, Role
from varanto.api.services import integration_token_revoke
from varanto.catalog.models import DataResource, InformationSystem, SystemInterface

from .helpers import auth

pytestmark = pytest.mark.django_db

ORG = "imatran-kaupunki"


def resource_url(key: str = "vesihuolto") -> str:
    return reverse("api:working_resource", kwargs={"org": ORG, "key": key})


def patch(client, token: str, body: dict, *, key: str = "vesihuolto", **headers):
    return client.patch(resource_url(key), body, content_type="application/json", **auth(token, **headers))


def test_without_a_valid_token_the_working_model_is_closed(client, token_for, imatra):
    assert client.get(resource_url()).status_code == 401
    assert client.get(resource_url())["WWW-Authenticate"].startswith("Bearer")
    assert client.get(resource_url(), **auth("vrn_keksitty")).status_code == 401
    token = token_for(Role.VIEWER)
    from varanto.api.models import IntegrationToken

    integration_token_revoke(token=IntegrationToken.objects.get(), acting_user=None)
    assert client.get(resource_url(), **auth(token)).status_code == 401


def test_a_viewer_reads_internal_fields_and_the_version_but_may_not_write(client, token_for, imatra):
    DataResource.objects.filter(key="vesihuolto").update(security_measures="Varmuuskopio kahdesti päivässä")
    token = token_for(Role.VIEWER)
    response = client.get(resource_url(), **auth(token))
    assert response.status_code == 200
    record = response.json()
    assert record["security_measures"] == "Varmuuskopio kahdesti päivässä"
    assert record["version"] == 1
    assert response["ETag"] == '"v1"'
    assert client.get(resource_url(), **auth(token, **{"If-None-Match": '"v1"'})).status_code == 304
    assert patch(client, token, {"purpose": "x"}, **{"If-Match": '"v1"'}).status_code == 403


def test_an_edit_needs_if_match_and_a_stale_one_gets_412(client, token_for, imatra):
    token = token_for(Role.PUBLISHER)
    assert patch(client, token, {"purpose": "Uusi"}).status_code == 428
    first = patch(client, token, {"purpose": "Vesihuollon tiedot"}, **{"If-Match": '"v1"'})
    assert first.status_code == 200
    assert first["ETag"] == '"v2"'
    stale = patch(client, token, {"purpose": "Toisen integraation muutos"}, **{"If-Match": '"v1"'})
    assert stale.status_code == 412
    resource = DataResource.objects.get(key="vesihuolto")
    assert resource.purpose == "Vesihuollon tiedot"
    assert resource.version == 2


def test_an_edit_writes_canonical_fields_through_the_services_with_history(client, token_for, imatra):
    token = token_for(Role.PUBLISHER)
    response = patch(
        client,
        token,
        {
            "disclosure": {"level": "restricted", "recipients": ["Meita"]},
            "systems": [{"name": "keypro", "usage": "verkostotiedot"}],
            "security_measures": "Pääsy vain VPN:llä",
        },
        **{"If-Match": '"v1"'},
    )
    assert response.status_code == 200, response.content
    record = response.json()
    assert record["disclosure"]["level"] == "restricted"
    assert record["systems"] == [{"name": "KeyPro", "usage": "verkostotiedot"}]
    assert record["review_status"] == "ready_for_review"
    resource = DataResource.objects.get(key="vesihuolto")
    assert resource.security_measures == "Pääsy vain VPN:llä"
    latest = resource.history.order_by("-history_date", "-history_id").first()
    assert latest.history_user.username == "integraatio-publisher"
    assert latest.history_change_reason == "edit"


@pytest.mark.parametrize(
    ("body", "path"),
    [
        ({"disclosure": {"level": "salainen"}}, "disclosure.level"),
        ({"key": "uusi"}, "key"),
        ({"owner": "x"}, "owner"),
        ({"systems": [{"name": "Ei ole"}]}, "systems"),
        ({"section": "ei-ole"}, "section"),
    ],
)
def test_a_bad_edit_is_refused_naming_the_field(client, token_for, imatra, body, path):
    response = patch(client, token_for(Role.PUBLISHER), body, **{"If-Match": '"v1"'})
    assert response.status_code == 400
    assert path in response.json()
    assert DataResource.objects.get(key="vesihuolto").version == 1


def test_an_editor_may_edit_only_what_is_assigned_to_them(client, token_for, imatra):
    token = token_for(Role.EDITOR, resources=["vesihuolto"])
    assert patch(client, token, {"notes": "Päivitetty"}, **{"If-Match": '"v1"'}).status_code == 200
    assert patch(client, token, {"notes": "Ei saa"}, key="talous", **{"If-Match": '"v1"'}).status_code == 403
    create = client.post(
        reverse("api:working_resources", kwargs={"org": ORG}),
        {"name": "Uusi", "section": "konsernipalvelut"},
        content_type="application/json",
        **auth(token),
    )
    assert create.status_code == 403


def test_a_publisher_adds_and_deletes_a_resource(client, token_for, imatra):
    token = token_for(Role.PUBLISHER)
    created = client.post(
        reverse("api:working_resources", kwargs={"org": ORG}),
        {"name": "Kokoushuoneet", "section": "konsernipalvelut", "key_datasets": ["Varaukset"]},
        content_type="application/json",
        **auth(token),
    )
    assert created.status_code == 201, created.content
    assert created["Location"] == resource_url("kokoushuoneet")
    assert client.delete(resource_url("kokoushuoneet"), **auth(token)).status_code == 428
    assert (
        client.delete(resource_url("kokoushuoneet"), **auth(token, **{"If-Match": created["ETag"]})).status_code == 204
    )
    assert not DataResource.objects.filter(key="kokoushuoneet").exists()


def test_the_working_list_is_filtered_and_shows_unpublished_edits(client, token_for, imatra):
    DataResource.objects.filter(key="vesihuolto").update(name="Vesihuolto (luonnos)")
    token = token_for(Role.VIEWER)
    page = client.get(
        reverse("api:working_resources", kwargs={"org": ORG}),
        {"system": "KeyPro", "disclosure": "partial"},
        **auth(token),
    ).json()
    assert [r["name"] for r in page["results"]] == ["Vesihuolto (luonnos)"]
    assert (
        client.get(reverse("api:working_resources", kwargs={"org": ORG}), {"api": "maybe"}, **auth(token)).status_code
        == 400
    )


def test_systems_are_written_the_same_way(client, token_for, imatra):
    token = token_for(Role.EDITOR, systems=["keypro"])
    url = reverse("api:working_system", kwargs={"org": ORG, "key": "keypro"})
    response = client.patch(
        url, {"vendor": "Trimble"}, content_type="application/json", **auth(token, **{"If-Match": '"v1"'})
    )
    assert response.status_code == 200, response.content
    assert InformationSystem.objects.get(key="keypro").vendor == "Trimble"
    # Interfaces are records of their own now, no longer a part of their system.
    old_style = {"interfaces": [{"system": "M-Files", "description": "arkistointi"}]}
    refused = client.patch(url, old_style, content_type="application/json", **auth(token, **{"If-Match": '"v2"'}))
    assert refused.status_code == 400 and "interfaces" in refused.json()


def test_interfaces_are_added_by_system_names_and_changed_with_their_version(client, token_for, imatra):
    token = token_for(Role.PUBLISHER)
    body = {"from": "KeyPro", "to": "m-files", "method": "file_transfer", "data": "Verkostot", "personal_data": False}
    added = client.post(
        reverse("api:working_interfaces", kwargs={"org": ORG}), body, content_type="application/json", **auth(token)
    )
    assert added.status_code == 201, added.content
    item = added.json()
    assert (item["key"], item["from"], item["to"], item["method"]) == (
        "keypro-m-files",
        "KeyPro",
        "M-Files",
        "file_transfer",
    )
    url = reverse("api:working_interface", kwargs={"org": ORG, "key": "keypro-m-files"})
    to_itself = client.patch(
        url, {"to": "KeyPro"}, content_type="application/json", **auth(token, **{"If-Match": '"v1"'})
    )
    assert to_itself.status_code == 400 and "to" in to_itself.json()
    changed = client.patch(
        url, {"direction": "both_ways"}, content_type="application/json", **auth(token, **{"If-Match": '"v1"'})
    )
    assert changed.status_code == 200 and changed.json()["version"] == 2
    assert SystemInterface.objects.get(key="keypro-m-files").direction == "both_ways"


def test_administrators_make_list_and_revoke_tokens_from_the_command_line(imatra, capsys):
    get_user_model().objects.create_user("asianhallinta")
    call_command("apitoken", "create", "asianhallinta", "--name", "Asianhallinta")
    secret = capsys.readouterr().out.strip().rsplit(" ", 1)[1]
    call_command("apitoken", "list")
    listed = capsys.readouterr().out
    assert secret[:8] in listed and "active" in listed
    assert secret not in listed
    call_command("apitoken", "revoke", secret[:8])
    call_command("apitoken", "list")
    assert "revoked" in capsys.readouterr().out


def test_a_token_made_on_the_command_line_can_be_confined_to_one_organisation(imatra, capsys):
    user = get_user_model().objects.create_user("asianhallinta")
    with pytest.raises(CommandError, match="jolla on rooli tässä organisaatiossa"):
        call_command("apitoken", "create", "asianhallinta", "--name", "Asianhallinta", "--organization", ORG)
    Membership.objects.create(user=user, organization=imatra, role=Role.VIEWER)
    call_command("apitoken", "create", "asianhallinta", "--name", "Asianhallinta", "--organization", ORG)
    assert "in Imatran kaupunki only" in capsys.readouterr().out
    call_command("apitoken", "list")
    assert f"in {ORG}" in capsys.readouterr().out
