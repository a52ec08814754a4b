import copy

import pytest

from varanto.catalog.models import DataResource
from varanto.publications.diff import ADDED, CHANGED, REMOVED, catalog_diff
from varanto.publications.selectors import publication_changes
from varanto.publications.services import publication_create


def _catalog():
    return {
        "format": "varanto.catalog/1",
        "organization": {"name": "Kunta", "contacts": [{"name": "A"}]},
        "sections": [{"key": "s", "name": "Osio"}],
        "resources": [
            {
                "key": "a",
                "name": "Aa",
                "section": "s",
                "purpose": "Vanha",
                "key_datasets": ["x", "y"],
                "disclosure": {"level": "public", "text": ""},
            },
            {"key": "b", "name": "Bee", "section": "s"},
        ],
        "systems": [],
        "open_data": {"datasets": [], "services": [{"key": "wms", "name": "WMS", "layers": [{"title": "T"}]}]},
    }


def test_identical_catalogues_have_no_changes():
    assert catalog_diff(_catalog(), _catalog()).is_empty


def test_added_removed_and_changed_records_are_reported_by_key():
    old, new = _catalog(), _catalog()
    new["resources"] = [new["resources"][0], {"key": "c", "name": "Cee", "section": "s"}]
    new["resources"][0]["purpose"] = "Uusi"

    diff = catalog_diff(old, new)

    statuses = {(c.kind, c.key): c.status for c in diff.records}
    assert statuses == {("resources", "a"): CHANGED, ("resources", "c"): ADDED, ("resources", "b"): REMOVED}
    changed = diff.of_kind("resources")[0]
    assert [(f.path, f.old, f.new) for f in changed.fields] == [("purpose", "Vanha", "Uusi")]
    assert diff.summary() == "1 added, 1 removed, 1 changed"


def test_nested_fields_are_compared_by_dotted_path_and_lists_by_items():
    old, new = _catalog(), _catalog()
    new["resources"][0]["disclosure"]["level"] = "partial"
    new["resources"][0]["key_datasets"] = ["y", "z"]

    fields = {f.path: f for f in catalog_diff(old, new).of_kind("resources")[0].fields}

    assert (fields["disclosure.level"].old, fields["disclosure.level"].new) == ("public", "partial")
    assert fields["key_datasets"].added_items == ["z"]
    assert fields["key_datasets"].removed_items == ["x"]


def test_a_field_appearing_empty_is_not_a_change():
    old, new = _catalog(), _catalog()
    new["resources"][1]["notes"] = ""
    new["resources"][1]["search_criteria"] = []
    new["resources"][1]["retention"] = {"period": "", "archiving": None}
    assert catalog_diff(old, new).is_empty


def test_organisation_fields_and_open_data_services_are_compared():
    old, new = _catalog(), _catalog()
    new["organization"]["contacts"] = [{"name": "B"}]
    new["open_data"]["services"][0]["layers"].append({"title": "U", "name": "u"})

    diff = catalog_diff(old, new)

    assert [f.path for f in diff.organization] == ["contacts"]
    assert diff.of_kind("services")[0].fields[0].added_items == [{"title": "U", "name": "u"}]


def test_the_first_input_is_not_modified():
    old = _catalog()
    snapshot = copy.deepcopy(old)
    catalog_diff(old, _catalog())
    assert old == snapshot


@pytest.mark.django_db
def test_publication_changes_compare_with_the_previous_publication(imatra):
    first = publication_create(organization=imatra)
    DataResource.objects.filter(organization=imatra, key="kirjasto").update(purpose="Kirjastopalvelut kaikille")
    second = publication_create(organization=imatra)

    assert publication_changes(first) is None
    changes = publication_changes(second)
    assert [(c.key, c.status) for c in changes.records] == [("kirjasto", CHANGED)]
    assert changes.records[0].fields[0].new == "Kirjastopalvelut kaikille"
