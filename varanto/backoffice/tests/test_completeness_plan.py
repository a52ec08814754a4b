"""Completeness (§5/§28) and the §8 impact report reach the records management plan, the processes
and the interfaces: what a document type, task class, process or interface lacks, and what retiring
a system means for the document types kept there."""

import io

import pytest
from openpyxl import load_workbook

from varanto.backoffice.selectors.completeness import completeness_report
from varanto.catalog.models import DocumentType, ImpactAssessment, Process, ProcessAction, SystemInterface, TaskClass

pytestmark = pytest.mark.django_db


def missing(organization) -> set[str]:
    return {req.code for req in completeness_report(organization).organization_missing}


PLAN_ITEMS = {
    "task_class_handling",
    "process_task_class",
    "document_type_publicity",
    "document_type_secrecy_ground",
    "document_type_retention",
    "interface_method",
}


def test_the_demo_lacks_nothing_of_the_plan_until_a_process_serves_no_task_class(staff):
    assert missing(staff.organization) & PLAN_ITEMS == set()
    Process.objects.filter(organization=staff.organization, key="esimerkki-neuvonta").update(task_class=None)
    assert missing(staff.organization) & PLAN_ITEMS == {"process_task_class"}


def test_a_document_type_without_publicity_or_retention_is_missing_unless_its_task_class_gives_them(staff):
    organization = staff.organization
    documents = DocumentType.objects.filter(organization=organization, key="liittymissopimus")
    documents.update(publicity_class="", retention_period=None, retention_reason="")
    assert missing(organization) & PLAN_ITEMS == set()  # 10 05 01 gives both
    TaskClass.objects.filter(key="10-05-01").update(publicity_class="", retention_period=None, retention_reason="")
    assert {"document_type_publicity", "document_type_retention"} <= missing(organization)
    documents.update(publicity_class="1", retention_period=-1, retention_reason="KA/13089/2008")
    assert not {"document_type_publicity", "document_type_retention"} & missing(organization)


def test_a_secret_document_type_without_its_secrecy_ground_is_missing(staff):
    # Written round the services' rules, as an old import or a direct database change could leave it.
    DocumentType.objects.filter(key="vesijohtokartta").update(secrecy_ground="")
    assert "document_type_secrecy_ground" in missing(staff.organization)
    DocumentType.objects.filter(key="vesijohtokartta").update(publicity_class="1")
    assert "document_type_secrecy_ground" not in missing(staff.organization)


def test_a_lowest_task_class_without_a_handling_process_is_missing(staff):
    organization = staff.organization
    upper = TaskClass.objects.create(organization=organization, key="10", code="10", name="Rakentaminen")
    TaskClass.objects.filter(key="10-03-03").update(parent=upper)
    assert "task_class_handling" not in missing(organization)  # a class grouping others needs no process
    TaskClass.objects.create(organization=organization, key="10-09", code="10 09", name="Muu", parent=upper)
    assert "task_class_handling" in missing(organization)
    ProcessAction.objects.create(
        organization=organization, key="muu-vaihe", task_class=TaskClass.objects.get(key="10-09"), name="Vaihe"
    )
    assert "task_class_handling" not in missing(organization)


def test_an_interface_without_its_transfer_method_is_missing(staff):
    assert "interface_method" not in missing(staff.organization)
    SystemInterface.objects.filter(key="esimerkki-facta-m-files").update(method="")
    assert "interface_method" in missing(staff.organization)


def test_the_completeness_page_names_the_plans_missing_items(client, staff):
    SystemInterface.objects.filter(key="esimerkki-facta-m-files").update(method="")
    Process.objects.filter(organization=staff.organization, key="esimerkki-neuvonta").update(task_class=None)
    client.force_login(staff.viewer)
    page = client.get(f"/hallinta/{staff.organization.slug}/kattavuus/")
    text = page.content.decode()
    assert "Siirtotapa jokaiselle liittymälle (§5)" in text
    assert "Tehtäväluokka, jota kukin prosessi palvelee (§5)" in text


def test_retiring_keypro_lists_the_document_types_kept_there_with_retention_and_the_interfaces_that_break(
    client, staff
):
    client.force_login(staff.viewer)
    page = client.get(f"/hallinta/{staff.organization.slug}/vaikutukset/system/keypro/")
    report = page.context["report"]
    kept = {(d["name"], d["retention_period"], d["retention_reason"]) for d in report["document_types"]}
    assert kept == {("Vesijohtoverkon kartta (esimerkki)", -1, "KA/13089/07.01.01.03.01/2008")}
    broken = {(i["source"], i["target"]) for i in report["interfaces"] if i["breaks"]}
    assert ("KeyPro", "Louhi-karttapalvelu") in broken
    assert "Vesijohtoverkon kartta (esimerkki)" in page.content.decode()


def test_retiring_effica_lists_its_document_types_in_the_assessments_workbook(client, staff):
    client.force_login(staff.publisher)
    org = staff.organization.slug
    response = client.post(
        f"/hallinta/{org}/vaikutukset/system/effica/",
        {"title": "Effican korvaaminen", "description": "Uusi järjestelmä"},
    )
    assert response.status_code == 302, response.content
    assessment = ImpactAssessment.objects.get()
    workbook = load_workbook(io.BytesIO(client.get(f"/hallinta/{org}/arviot/{assessment.pk}/xlsx/").content))
    sheet = next(workbook[name] for name in workbook.sheetnames if name.startswith("Asiakirjatyyp"))
    rows = {row[1]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert set(rows) == {"Varhaiskasvatushakemus (esimerkki)", "Varhaiskasvatuspäätös (esimerkki)"}
    assert rows["Varhaiskasvatuspäätös (esimerkki)"][3:5] == (10, "Kunnan päätös")
