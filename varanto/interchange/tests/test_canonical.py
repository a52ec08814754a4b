"""The canonical format: lossless round trip, schema, and the public view."""

import copy
import json

import pytest

from varanto.catalog.fields import internal_field_names
from varanto.catalog.models import DataResource, InformationSystem, Organization, Process
from varanto.conftest import DEMO_CATALOG
from varanto.interchange.canonical import Audience, catalog_export
from varanto.interchange.services import catalog_import
from varanto.interchange.validation import CatalogError, catalog_schema, validate_catalog

pytestmark = pytest.mark.django_db


def full_catalog() -> dict:
    """A small catalogue that uses every field of the format, internal ones included."""
    return {
        "format": "varanto.catalog/1",
        "organization": {
            "name": "Kaikkialan kaupunki",
            "business_id": "1234567-8",
            "type": "municipality",
            "homepage": "https://kaikkiala.example",
            "languages": ["fi", "sv"],
            "updated": "2025-05-02",
            "descriptions": [{"title": "Tietovarannot", "text": "Johdanto."}],
            "information_requests": {
                "registry_office": {
                    "name": "Kirjaamo",
                    "address": "Kuja 1, 00100 Kaikkiala",
                    "email": "kirjaamo@kaikkiala.example",
                    "phone": "09 123",
                    "hours": "ma–pe 9–15",
                },
                "deciding_authority": "kaupunginsihteeri",
                "instructions": "Yksilöi asiakirja.",
            },
            "translations": {"sv": {"name": "Allestäds stad"}},
            "contacts": [
                {"name": "Maija Meikäläinen", "title": "arkistonhoitaja", "phone": "09 1", "email": "m@k.example"}
            ],
        },
        "sections": [
            {
                "key": "hallinto",
                "name": "Hallinto",
                "kind": "sector",
                "members": [],
                "description": "",
                "translations": {"sv": {"name": "Förvaltning"}},
            },
            {
                "key": "seutu",
                "name": "Seudun palvelut",
                "kind": "regional",
                "members": ["A", "B"],
                "description": "x",
                "translations": {},
            },
        ],
        "resources": [
            {
                "key": "asiakirjat",
                "name": "Asiakirjat",
                "section": "hallinto",
                "responsible": {"title": "hallintojohtaja", "organization": "", "unit": "Hallinto"},
                "purpose": "Asioiden hallinta",
                "key_datasets": ["Päätökset", "Pöytäkirjat"],
                "disclosure": {
                    "level": "restricted",
                    "recipients": ["Meita"],
                    "text": "Meita",
                    "deciding_authority": "hallintojohtaja",
                },
                "api": {"availability": "partial", "text": "Osittain"},
                "notes": "Muistiinpano",
                "search_criteria": ["diaarinumero"],
                "keywords": ["pöytäkirja"],
                "partners": ["Meita"],
                "data_flows": [{"target": "Koski", "description": "Siirto"}],
                "links": [{"title": "Tietosuojaseloste", "url": "https://k.example/ts", "kind": "privacy_notice"}],
                "personal_data": True,
                "retention": {"period": "10 vuotta", "archiving": "mixed", "text": "osin pysyvästi"},
                "security_measures": "Pääsy vain VPN:llä",
                "internal_notes": "Siirto 2026",
                "review": {"last_reviewed": "2025-01-31", "cycle_months": 6, "next_review": "2027-03-01"},
                "translations": {"sv": {"name": "Handlingar", "purpose": "Ärendehantering"}},
                "systems": [{"name": "Asiointi", "usage": "sähköinen asiointi"}, {"name": "Arkisto", "usage": ""}],
                "processes": ["paatoksenteko"],
            },
            {"key": "tyhja", "name": "Lähes tyhjä", "section": "seutu"},
        ],
        "systems": [
            {
                "key": "asiointi",
                "name": "Asiointi",
                "vendor": "Toimittaja Oy",
                "purpose": "p",
                "description": "d",
                "responsible": {"title": "tietohallintopäällikkö", "organization": "", "unit": ""},
                "security_measures": "MFA",
                "internal_notes": "sopimus päättyy",
                "translations": {},
            },
            {"key": "arkisto", "name": "Arkisto"},
        ],
        "processes": [
            {
                "key": "paatoksenteko",
                "code": "01.02",
                "name": "Päätöksenteko",
                "parent": "hallinto",
                "purpose": "Päättää",
                "function_class": "00 Hallintoasiat",
                "responsible": {"title": "hallintojohtaja", "organization": "", "unit": ""},
                "systems": ["Asiointi"],
                "inputs": ["valmistelu"],
                "links": [],
                "internal_notes": "sisäinen",
                "translations": {},
            },
            # Named above as the parent and an input: the import links processes in any order.
            {"key": "hallinto", "code": "01", "name": "Hallinto", "parent": None, "systems": [], "inputs": []},
            {"key": "valmistelu", "code": "01.01", "name": "Valmistelu", "parent": "hallinto", "inputs": []},
        ],
        "interfaces": [
            {
                "key": "asiointi-arkisto",
                "from": "Asiointi",
                "to": "Arkisto",
                "name": "Arkistointi-integraatio",
                "method": "api",
                "direction": "one_way",
                "data": "Asiakirjat metatietoineen",
                "personal_data": True,
                "description": "Yöllinen siirto",
                "internal_notes": "tunnukset vaultissa",
                "translations": {"sv": {"name": "Arkivintegration"}},
            }
        ],
        "open_data": {
            "datasets": [
                {
                    "key": "ostot",
                    "name": "Ostot",
                    "description": "",
                    "url": "https://avoindata.fi/x",
                    "resource": "asiakirjat",
                    "produced_externally": False,
                    "license": "CC BY 4.0",
                    "translations": {},
                }
            ],
            "services": [
                {
                    "key": "wms",
                    "name": "WMS",
                    "type": "WMS",
                    "url": "https://k.example/wms",
                    "description": "",
                    "layers": [{"title": "Kantakartta", "name": "kanta"}],
                    "translations": {},
                }
            ],
        },
    }


def test_import_then_export_gives_back_the_same_catalogue_for_every_field():
    original = catalog_export(catalog_import(full_catalog(), acting_user=None).organization)
    again = catalog_export(catalog_import(copy.deepcopy(original), replace=True, acting_user=None).organization)
    assert again == original
    # and the export carries what went in, field by field
    resource = original["resources"][0]
    assert resource["security_measures"] == "Pääsy vain VPN:llä"
    assert resource["review"] == {"last_reviewed": "2025-01-31", "cycle_months": 6, "next_review": "2027-03-01"}
    assert resource["systems"] == [
        {"name": "Asiointi", "usage": "sähköinen asiointi"},
        {"name": "Arkisto", "usage": ""},
    ]
    assert original["interfaces"][0]["from"] == "Asiointi" and original["interfaces"][0]["personal_data"] is True
    assert original["processes"][0]["parent"] == "hallinto" and original["processes"][0]["inputs"] == ["valmistelu"]
    assert original["organization"]["information_requests"]["registry_office"]["hours"] == "ma–pe 9–15"


def test_a_file_with_interfaces_under_their_systems_imports_them_as_records():
    """Before interfaces were records of their own, a system listed its outgoing ones."""
    data = full_catalog()
    del data["interfaces"]
    data["systems"][0]["interfaces"] = [{"system": "Arkisto", "description": "Arkistointi-integraatio"}]
    exported = catalog_export(catalog_import(data, acting_user=None).organization)
    assert "interfaces" not in exported["systems"][0]
    [interface] = exported["interfaces"]
    assert (interface["key"], interface["from"], interface["to"]) == ("asiointi-arkisto", "Asiointi", "Arkisto")
    assert interface["description"] == "Arkistointi-integraatio"


def test_an_interface_naming_an_unknown_system_is_refused_with_where():
    data = full_catalog()
    data["interfaces"][0]["to"] = "Ei ole"
    with pytest.raises(CatalogError) as raised:
        catalog_import(data, acting_user=None)
    assert "interfaces[0].to: no system is named 'Ei ole'" in raised.value.problems


def test_a_process_parent_that_is_no_process_is_refused_with_where():
    data = full_catalog()
    data["processes"][0]["parent"] = "puuttuu"
    with pytest.raises(CatalogError) as raised:
        catalog_import(data, acting_user=None)
    assert "processes[0].parent: no process has the key 'puuttuu'" in raised.value.problems


def test_imatra_round_trip_is_lossless():
    demo = json.loads(DEMO_CATALOG.read_text("utf-8"))
    organization = catalog_import(copy.deepcopy(demo), acting_user=None).organization
    assert catalog_export(organization) == demo


def test_the_demo_catalogue_is_what_the_importer_makes_of_the_published_page(imatra_page):
    import demo.build_demo as build_demo

    assert build_demo.build() == json.loads(DEMO_CATALOG.read_text("utf-8"))


def test_exports_validate_against_the_schema(imatra):
    validate_catalog(catalog_export(imatra))
    validate_catalog(catalog_export(imatra, audience=Audience.PUBLIC))


def test_public_view_leaves_out_every_internal_field():
    organization = catalog_import(full_catalog(), acting_user=None).organization
    public = catalog_export(organization, audience=Audience.PUBLIC)
    text = json.dumps(public, ensure_ascii=False)
    for secret in ("Pääsy vain VPN:llä", "Siirto 2026", "MFA", "sopimus päättyy", "sisäinen", "2025-01-31"):
        assert secret not in text
    assert "review" not in public["resources"][0]
    assert "security_measures" not in public["systems"][0]
    assert public["resources"][0]["purpose"] == "Asioiden hallinta"


def test_schema_marks_exactly_the_models_internal_fields_as_internal():
    defs = catalog_schema()["$defs"]

    def marked(definition: str) -> set[str]:
        return {k for k, v in defs[definition]["properties"].items() if v.get("x-internal")}

    assert marked("resource") == {"security_measures", "internal_notes", "review"}
    assert set(internal_field_names(DataResource)) == {
        "security_measures",
        "internal_notes",
        "review_status",
        "review_comment",
        "starter_draft",
        "last_reviewed",
        "review_cycle_months",
        "next_review",
    }
    assert marked("system") == {"security_measures", "internal_notes", "review"}
    assert set(internal_field_names(InformationSystem)) == {
        "security_measures",
        "internal_notes",
        "last_reviewed",
        "review_cycle_months",
    }
    assert marked("process") == set(internal_field_names(Process))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda c: c["resources"][0].update(name=""), "resources[0].name"),
        (lambda c: c["resources"][0].update(section="puuttuu"), "no section has the key 'puuttuu'"),
        (lambda c: c["resources"][0]["systems"].append({"name": "Tuntematon"}), "no system is named 'Tuntematon'"),
        (lambda c: c["sections"].append(dict(c["sections"][0])), "sections[2].key: 'hallinto' appears more than once"),
        (lambda c: c["resources"][0]["disclosure"].update(level="secret"), "resources[0].disclosure.level"),
        (lambda c: c.update(format="other/1"), "format"),
        (lambda c: c["organization"].update(registry_email="x"), "Additional properties are not allowed"),
    ],
)
def test_invalid_catalogue_is_refused_with_where_and_nothing_is_written(change, message):
    catalog = full_catalog()
    change(catalog)
    with pytest.raises(CatalogError) as error:
        catalog_import(catalog, acting_user=None)
    assert message in str(error.value)
    assert not Organization.objects.exists()


def test_a_failure_late_in_the_import_rolls_everything_back():
    catalog = full_catalog()
    catalog["open_data"]["services"][0]["url"] = "not a web address"
    with pytest.raises(CatalogError, match="'WMS': url: "):  # the record kind is named in the user's language
        catalog_import(catalog, acting_user=None)
    assert not Organization.objects.exists()
    assert not DataResource.objects.exists()


def test_records_missing_from_the_file_are_removed_only_with_replace():
    catalog_import(full_catalog(), acting_user=None)
    changed = full_catalog()
    changed["resources"] = changed["resources"][1:]
    changed["open_data"]["datasets"][0]["resource"] = None
    kept = catalog_import(copy.deepcopy(changed), acting_user=None)
    assert [r.key for r in kept.changes.kept] == ["asiakirjat"]
    assert DataResource.objects.count() == 2
    catalog_import(changed, replace=True, acting_user=None)
    assert list(DataResource.objects.values_list("name", flat=True)) == ["Lähes tyhjä"]
