"""The ArchiMate 3.1 Model Exchange format: a schema-valid export of the model, and imports from Archi."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.management import call_command
from lxml import etree

from varanto.catalog.models import InformationSystem, Process, SystemInterface, TaskClass
from varanto.catalog.services import interface_create
from varanto.interchange.canonical import Audience, catalog_export, catalog_validate
from varanto.interchange.formats import render
from varanto.interchange.formats.archimate.reading import read_archimate
from varanto.interchange.formats.archimate.schema import NAMESPACE, XSI, schema_errors
from varanto.interchange.importing import detect_format, read_catalog
from varanto.interchange.links import PublicLinks
from varanto.interchange.services import catalog_import
from varanto.interchange.validation import CatalogError

pytestmark = pytest.mark.django_db
ARCHISURANCE = Path(__file__).parents[2] / "testing" / "data" / "archisurance.xml"
A = {"a": NAMESPACE}
TYPE = f"{{{XSI}}}type"


def _export(organization, audience=Audience.INTERNAL) -> bytes:
    return render(catalog_export(organization, audience=audience), "archimate", PublicLinks(organization.slug, ""))


def _of_type(root, kind: str) -> list:
    return [e for e in root.iterfind("a:elements/a:element", A) if e.get(TYPE) == kind]


def _names(elements) -> set[str]:
    return {e.findtext("a:name", namespaces=A) for e in elements}


@pytest.fixture
def with_interface(imatra):
    keypro, m_files = imatra.systems.get(key="keypro"), imatra.systems.get(key="m-files")
    data = {"source": keypro, "target": m_files, "data": "Verkostotiedot", "internal_notes": "SALAINEN-HUOMIO"}
    interface_create(organization=imatra, data=data, acting_user=None)
    return imatra


def test_the_export_of_the_demo_is_schema_valid_with_every_system_and_resource(with_interface):
    document = _export(with_interface)
    assert schema_errors(document) == []
    root = etree.fromstring(document)
    systems = set(InformationSystem.objects.filter(organization=with_interface).values_list("name", flat=True))
    assert _names(_of_type(root, "ApplicationComponent")) == systems
    products = _of_type(root, "Product")
    assert len(products) == with_interface.resources.count()
    # each product is marked as a data resource, as Espoo marks them, and has a view of its own
    assert all("kyllä" in etree.tostring(p, encoding="unicode") for p in products)
    assert len(root.findall("a:views/a:diagrams/a:view", A)) == len(products)
    flows = {
        (f.get("source"), f.get("target"))
        for f in root.iterfind("a:relationships/a:relationship", A)
        if f.get(TYPE) == "Flow" and f.get("source").startswith("id-system-")
    }
    interfaces = SystemInterface.objects.filter(organization=with_interface).values_list("source__key", "target__key")
    assert flows == {(f"id-system-{s}", f"id-system-{t}") for s, t in interfaces}
    assert ("id-system-keypro", "id-system-m-files") in flows


def test_the_task_classes_of_the_records_management_plan_are_business_functions(imatra):
    root = etree.fromstring(_export(imatra))
    functions = _names(_of_type(root, "BusinessFunction"))
    classes = TaskClass.objects.filter(organization=imatra)
    assert classes.exists()  # the demo's example plan
    assert functions == {f"{c.code} {c.name}".strip() for c in classes}


def test_the_public_export_leaves_internal_fields_out(with_interface):
    assert b"SALAINEN-HUOMIO" in _export(with_interface)
    public = _export(with_interface, Audience.PUBLIC)
    assert b"SALAINEN-HUOMIO" not in public and b"Verkostotiedot" in public
    assert schema_errors(public) == []


def test_processes_keep_their_code_parent_inputs_and_systems_through_export_and_import(with_interface):
    from varanto.catalog.services import process_create

    m_files = with_interface.systems.get(key="m-files")
    parent = process_create(organization=with_interface, data={"name": "Asiointi", "code": "01"}, acting_user=None)
    feeder = process_create(organization=with_interface, data={"name": "Neuvonta"}, acting_user=None)
    process_create(
        organization=with_interface,
        data={"name": "Luvat", "code": "01.02", "parent": parent, "inputs": [feeder], "systems": [m_files]},
        acting_user=None,
    )
    catalog, _notes = read_archimate(_export(with_interface))
    catalog_validate(catalog)
    luvat = next(p for p in catalog["processes"] if p["name"] == "Luvat")
    assert (luvat["code"], luvat["parent"], luvat["inputs"], luvat["systems"]) == (
        "01.02",
        "asiointi",
        ["neuvonta"],
        ["M-Files"],
    )
    assert ("KeyPro", "M-Files", "Verkostotiedot") in [
        (i["from"], i["to"], i.get("data")) for i in catalog["interfaces"]
    ]
    assert len(catalog["interfaces"]) == SystemInterface.objects.filter(organization=with_interface).count()
    exported = catalog_export(with_interface)
    assert {r["key"] for r in catalog["resources"]} == {r["key"] for r in exported["resources"]}


def test_archisurance_brings_in_its_ten_systems_and_nine_processes_and_says_what_it_left_out():
    assert detect_format(ARCHISURANCE) == "archimate"
    catalog, notes = read_catalog(ARCHISURANCE)
    summary = catalog_import(catalog, acting_user=None)
    organization = summary.organization
    assert organization.name == "Archisurance"
    assert InformationSystem.objects.filter(organization=organization).count() == 10
    assert Process.objects.filter(organization=organization).count() == 9
    register = Process.objects.get(organization=organization, key="register")
    assert sorted(register.systems.values_list("name", flat=True)) == ["CRM System", "Policy Data Management"]
    assert list(Process.objects.get(organization=organization, key="accept").inputs.values_list("key", flat=True)) == [
        "register"
    ]
    bank = SystemInterface.objects.get(organization=organization, source__name="Bank System")
    assert bank.target.name == "Financial Application"
    said = " ".join(str(n) for n in notes)
    assert "left out 101 elements" in said and "17 BusinessActor" in said and "17 views" in said


def test_the_import_command_reads_an_archimate_file_and_prints_what_it_left_out(capsys):
    call_command("import", str(ARCHISURANCE))
    captured = capsys.readouterr()
    assert "left out" in captured.err
    assert InformationSystem.objects.filter(organization__name="Archisurance").count() == 10


def test_an_archimate_file_with_a_dtd_is_refused_unread():
    bomb = b'<?xml version="1.0"?><!DOCTYPE m [<!ENTITY a "aaaa">]><model xmlns="' + NAMESPACE.encode() + b'"/>'
    with pytest.raises(CatalogError) as refused:
        read_archimate(bomb)
    assert "DTD or entities" in refused.value.problems[0]


def test_an_xml_file_that_is_no_archimate_model_is_refused_with_where():
    with pytest.raises(CatalogError) as refused:
        read_archimate(b"<Tos/>", place="tos.xml")
    assert refused.value.problems == ["tos.xml: not an ArchiMate exchange file (its root is 'Tos', not model)"]
