"""JHS 191 records management plans: another municipality's standard file and a helerm export import;
the export is valid against the standard schema, keeps the structure, and reads back unchanged."""

from pathlib import Path
from xml.etree.ElementTree import fromstring

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from varanto.catalog.models import DocumentType, Organization, ProcessAction, TaskClass
from varanto.interchange.canonical import Audience, catalog_export
from varanto.interchange.formats.jhs191 import NS, plan_xml, schema_errors
from varanto.interchange.importing import detect_format, read_catalog
from varanto.interchange.services import catalog_import
from varanto.interchange.validation import CatalogError
from varanto.testing.tos import ORGANIZATION, counts, standard_plan

pytestmark = pytest.mark.django_db
HELERM = Path(__file__).parents[2] / "testing" / "data" / "jhs191" / "jhs_export_template.xml"


def _q(name: str) -> str:
    return f"{{{NS}}}{name}"


def _structure(xml: bytes) -> list:
    """Each class with its code, titles, restrictions and retention, and its phases, actions and
    document types in order, each with what it holds: what an import must keep and an export give back."""

    def texts(element) -> dict:
        return {child.tag.split("}")[1]: (child.text or "").strip() for child in element if len(child) == 0}

    def restrictions(element) -> tuple:
        return tuple(sorted(texts(element.find(_q(n))).items()) for n in ("Kayttorajoitustiedot", "Sailytysaikatiedot"))

    def action(element) -> tuple:
        documents = [
            (texts(d).get("AsiakirjaluokkaTeksti"), texts(d).get("AsiakirjaluokkaTarkenneTeksti"), restrictions(d))
            for d in element.findall(_q("Asiakirjatieto"))
        ]
        children = [action(a) for a in element.findall(_q("Toimenpidetiedot"))]
        return (texts(element).get("ToimenpideluokkaTeksti"), tuple(documents), tuple(children))

    root = fromstring(xml)
    classes = []
    for luokka in root.findall(_q("Luokka")):
        process = luokka.find(_q("KasittelyprosessiTiedot"))
        assert process is not None
        titles = [(t.get(_q("kieliKoodi")), t.findtext(_q("NimekeTeksti"))) for t in luokka.iter(_q("NimekeKielella"))]
        phases = tuple(action(p) for p in process.findall(_q("Toimenpidetiedot")))
        classes.append((luokka.findtext(_q("Luokitustunnus")), tuple(titles), restrictions(process), phases))
    return classes


def _import(path: Path, **options):
    catalog, notes = read_catalog(path)
    return catalog_import(catalog, acting_user=None, **options), notes


@pytest.fixture
def plan_file(tmp_path) -> Path:
    path = tmp_path / "esimerkkila-tos.xml"
    path.write_bytes(standard_plan())
    return path


def test_another_municipalitys_standard_plan_imports_with_every_class_and_document_type(plan_file):
    assert schema_errors(plan_file.read_bytes()) == []
    assert detect_format(plan_file) == "jhs191"
    summary, _notes = _import(plan_file)
    organization = summary.organization
    assert organization.name == ORGANIZATION
    assert (TaskClass.objects.filter(organization=organization).count(), DocumentType.objects.count()) == counts()
    decision = DocumentType.objects.get(organization=organization, name="Lastensuojelu: päätös 4")
    assert (decision.document_class, decision.publicity_class, decision.secrecy_ground) == (
        "Päätös",
        "3",
        "JulkL 24.1 § 25 k",
    )
    assert (decision.secrecy_period, decision.retention_period, decision.personal_data) == (100, 120, "3")
    assert decision.action.parent is not None and decision.action.task_class.code == "05 01 00"
    building = TaskClass.objects.get(organization=organization, code="10 03 03")
    assert building.retention_period == -1 and building.translations == {"sv": {"name": "Byggnadstillsyn"}}


def test_the_export_is_standard_valid_with_the_same_structure_and_reads_back_unchanged(plan_file, tmp_path):
    organization = _import(plan_file)[0].organization
    export = plan_xml(catalog_export(organization))
    assert export.written == 13 and not export.incomplete
    assert schema_errors(export.xml) == []
    assert _structure(export.xml) == _structure(plan_file.read_bytes())
    again = tmp_path / "takaisin.xml"
    again.write_bytes(export.xml)
    before = catalog_export(organization)
    summary, _notes = _import(again)
    changes = summary.changes
    assert (changes.added, changes.changed, changes.removed) == ([], [], [])
    assert catalog_export(organization) == before
    assert plan_xml(catalog_export(organization)).xml == export.xml


def test_a_helerm_export_imports_and_its_incomplete_class_is_named_rather_than_written(tmp_path):
    summary, notes = _import(HELERM)
    organization = summary.organization
    assert organization.name == "Helsingin kaupunki"
    task_class = TaskClass.objects.get(organization=organization)
    assert (task_class.code, task_class.name, task_class.publicity_class) == ("00 00", "test classification", "1")
    phase = ProcessAction.objects.get(organization=organization, parent=None)
    assert [a.name for a in phase.children.all()] == ["test action"]
    record = DocumentType.objects.get(organization=organization)
    assert (record.name, record.document_class) == ("test record", "test record")
    assert any("no document class" in str(n) for n in notes)
    export = plan_xml(catalog_export(organization))
    assert export.written == 0
    assert export.incomplete == ["00 00 test classification: personal data, retention period, retention reason"]


def test_the_export_command_writes_complete_classes_and_names_the_rest(plan_file, tmp_path, capsys):
    organization = _import(plan_file)[0].organization
    rescue = TaskClass.objects.get(organization=organization, code="14 01 00")
    TaskClass.objects.filter(pk=rescue.pk).update(retention_period=None, retention_reason="")
    out = tmp_path / "tos.xml"
    call_command("export", "--format", "jhs191", "--organization", organization.slug, "-o", str(out))
    report = capsys.readouterr().err
    assert "12 task classes written." in report
    assert "14 01 00 Liikuntapalvelut: retention period, retention reason" in report
    assert schema_errors(out.read_bytes()) == []
    assert "14 01 00" not in out.read_text("utf-8")


def test_an_organisation_without_a_complete_class_gets_no_file_but_the_report(capsys):
    organization = Organization.objects.create(name="Tyhjälä", slug="tyhjala")
    TaskClass.objects.create(organization=organization, key="10", code="10", name="Henkilöstöasiat")
    with pytest.raises(CommandError, match="No task class is complete enough"):
        call_command("export", "--format", "jhs191", "--organization", "tyhjala")


def test_importing_into_an_organisation_keeps_its_other_records_and_links_systems_by_name(imatra, plan_file):
    before = catalog_export(imatra)
    text = plan_file.read_bytes().replace(b"Dynasty", b"KeyPro")
    plan_file.write_bytes(text)
    catalog, _notes = read_catalog(plan_file, organization_name=imatra.name)
    catalog_import(catalog, acting_user=None, organization=imatra)
    after = catalog_export(imatra)
    assert {k: v for k, v in after.items() if k != "records_management"} == {
        k: v for k, v in before.items() if k != "records_management"
    }
    kept = DocumentType.objects.filter(organization=imatra, system__name="KeyPro", key__startswith="asiakirja-")
    assert kept.count() == counts()[1] and not kept.exclude(system_name="").exists()


def test_a_secret_class_without_its_secrecy_ground_is_refused_naming_the_record(plan_file):
    text = plan_file.read_bytes().replace(">JulkL 24.1 § 25 k<".encode(), b"><", 1)
    plan_file.write_bytes(text)
    with pytest.raises(CatalogError) as caught:
        _import(plan_file)
    assert "Palvelussuhteen hoito': restrictions.secrecy_ground: " in caught.value.problems[0]
    assert not TaskClass.objects.exists()


def test_a_file_against_the_schema_is_refused_with_its_line(tmp_path):
    path = tmp_path / "rikki.xml"
    path.write_text(
        f'<?xml version="1.0"?>\n<Tos xmlns="{NS}">\n<Luokka id="x"><Luokitustunnus>1</Luokitustunnus></Luokka></Tos>',
        "utf-8",
    )
    with pytest.raises(CatalogError) as caught:
        read_catalog(path)
    assert "line 3" in caught.value.problems[0] and "JHS 191" in caught.value.problems[0]


def test_xml_with_entities_is_never_expanded(tmp_path):
    path = tmp_path / "laughs.xml"
    path.write_text(
        f'<?xml version="1.0"?><!DOCTYPE Tos [<!ENTITY a "aaaaaaaaaa">]><Tos xmlns="{NS}">&a;</Tos>', "utf-8"
    )
    with pytest.raises(CatalogError, match="DTD or entities"):
        read_catalog(path, fmt="jhs191")


def test_the_public_plan_leaves_out_protection_levels_and_internal_notes(plan_file):
    organization = _import(plan_file)[0].organization
    TaskClass.objects.filter(organization=organization).update(internal_notes="Sisäinen huomio")
    public = catalog_export(organization, audience=Audience.PUBLIC)
    text = str(public["records_management"])
    assert "Sisäinen huomio" not in text and "protection_level" not in text and "security_class" not in text
    assert b"SuojaustasoKoodi" not in plan_xml(public).xml
    assert b"SuojaustasoKoodi" in plan_xml(catalog_export(organization)).xml


CLASSIFICATION = HELERM.with_name("helsinki-functions.csv")


def test_a_task_classification_csv_imports_as_a_tree_and_reads_back_unchanged():
    organization = Organization.objects.create(name="Helsingin kaupunki", slug="helsinki")
    assert detect_format(CLASSIFICATION) == "classification"
    catalog, _notes = read_catalog(CLASSIFICATION, organization_name=organization.name)
    catalog_import(catalog, acting_user=None, organization=organization)
    rows = CLASSIFICATION.read_text("utf-8").strip().splitlines()
    assert TaskClass.objects.filter(organization=organization).count() == len(rows)
    leaf = TaskClass.objects.get(organization=organization, code="00 00 01")
    assert (leaf.name, leaf.parent.code, leaf.parent.parent.code, leaf.parent.parent.parent) == (
        "Vaalien järjestäminen",
        "00 00",
        "00",
        None,
    )
    again, _notes = read_catalog(CLASSIFICATION, organization_name=organization.name)
    changes = catalog_import(again, acting_user=None, organization=organization).changes
    assert (changes.added, changes.changed) == ([], [])


def test_a_classification_row_without_its_title_is_refused_with_its_line(tmp_path):
    path = tmp_path / "luokitus.csv"
    path.write_text("00,Hallintoasiat\n00 01\n", "utf-8")
    with pytest.raises(CatalogError) as caught:
        read_catalog(path, organization_name="Testilä")
    assert "line 2" in caught.value.problems[0]


def test_the_plan_round_trips_through_xlsx_and_csv_tables(plan_file, tmp_path):
    from varanto.interchange.tests.test_tables_round_trip import via_csv, via_xlsx

    organization = _import(plan_file)[0].organization
    TaskClass.objects.filter(organization=organization, code="01 02 00").update(internal_notes="Vain sisäisesti")
    catalog = catalog_export(organization)
    assert via_xlsx(catalog) == catalog
    assert via_csv(catalog, tmp_path) == catalog
