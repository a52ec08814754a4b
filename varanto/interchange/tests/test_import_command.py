"""`varanto import` into an existing organisation, found by short name or name; `apitoken` alike."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from varanto.accounts.models import Membership, Role
from varanto.api.models import IntegrationToken
from varanto.catalog.models import DataResource, Organization
from varanto.conftest import DEMO_CATALOG

pytestmark = pytest.mark.django_db


@pytest.fixture
def changed_file(tmp_path):
    catalog = json.loads(DEMO_CATALOG.read_text("utf-8"))
    catalog["resources"][0]["purpose"] = "Uusi käyttötarkoitus"
    path = tmp_path / "imatra.json"
    path.write_text(json.dumps(catalog, ensure_ascii=False), encoding="utf-8")
    return path, catalog["resources"][0]


@pytest.mark.parametrize("wanted", ["imatran-kaupunki", "Imatran kaupunki", "IMATRAN KAUPUNKI"])
def test_import_finds_the_organisation_by_short_name_or_name(imatra, changed_file, wanted, capsys):
    path, resource = changed_file
    call_command("import", str(path), "--organization", wanted)
    assert Organization.objects.count() == 1
    assert DataResource.objects.get(key=resource["key"]).purpose == "Uusi käyttötarkoitus"
    assert "1 changed" in capsys.readouterr().out


def test_dry_run_prints_the_change_set_field_by_field(imatra, changed_file, capsys):
    path, resource = changed_file
    call_command("import", str(path), "--dry-run")
    out = capsys.readouterr().out
    assert "Changed:\n  " in out and " (1):\n    • " in out
    assert f"    • {resource['name']} [{resource['key']}]" in out
    assert "purpose: " in out and "→ 'Uusi käyttötarkoitus'" in out
    assert "Dry run: nothing was written." in out
    assert DataResource.objects.get(key=resource["key"]).purpose != "Uusi käyttötarkoitus"


def test_import_into_a_new_organisation_says_it_creates_one(imatra, changed_file, capsys):
    path, _ = changed_file
    call_command("import", str(path), "--organization", "Uusi kunta")
    out = capsys.readouterr().out
    assert "The import creates a new organisation 'Uusi kunta' (short name 'uusi-kunta')" in out
    assert Organization.objects.count() == 2


def test_apitoken_finds_the_organisation_by_short_name_even_if_another_is_named_so(imatra, capsys):
    # The case: an earlier import had made an organisation *named* like Imatra's short name.
    Organization.objects.create(name=imatra.slug, slug="imatran-kaupunki-2")
    user = get_user_model().objects.create_user("julkaisija")
    Membership.objects.create(user=user, organization=imatra, role=Role.PUBLISHER)
    call_command("apitoken", "create", "julkaisija", "--name", "Asianhallinta", "--organization", imatra.slug)
    assert IntegrationToken.objects.get().organization == imatra
