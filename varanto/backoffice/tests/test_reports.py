"""Seeing the model: completeness against §5/§28, change impact (§8) with its XLSX, the relationship graph."""

import io

import pytest
from openpyxl import load_workbook

from varanto.catalog.models import ImpactAssessment

pytestmark = pytest.mark.django_db


def test_imatra_lacks_search_criteria_everywhere_and_the_deciding_authority(client, staff):
    client.force_login(staff.viewer)
    report = client.get(f"/hallinta/{staff.organization.slug}/kattavuus/").context["report"]
    totals = {t.requirement.code: t for t in report.totals}
    assert (totals["search_criteria"].met, totals["search_criteria"].applicable) == (0, 31)
    assert totals["deciding_authority"].met == 0
    assert totals["responsible"].met == 31
    assert all("search_criteria" in [r.code for r in row.missing] for row in report.rows)
    assert [req.code for req in report.organization_missing] == ["request_authority"]
    assert 0 < report.percent < 100


def test_completeness_rises_when_the_organisation_names_its_deciding_authority(client, staff):
    from varanto.catalog.services import organization_update

    organization_update(
        organization=staff.organization,
        data={"deciding_authority": "kaupunginhallitus"},
        expected_version=staff.organization.version,
        acting_user=staff.publisher,
    )
    client.force_login(staff.viewer)
    report = client.get(f"/hallinta/{staff.organization.slug}/kattavuus/").context["report"]
    assert {t.requirement.code: t.met for t in report.totals}["deciding_authority"] == 31


def test_completeness_chart_is_an_accessible_svg_with_a_bar_per_requirement(client, staff):
    client.force_login(staff.viewer)
    response = client.get(f"/hallinta/{staff.organization.slug}/kattavuus/")
    html = response.content.decode()
    assert 'role="img" aria-labelledby="chart-title chart-desc"' in html
    assert len(response.context["bars"]) == len(response.context["report"].totals) == 12


def test_impact_of_m_files_lists_its_nine_resources_and_who_is_responsible(client, staff):
    client.force_login(staff.viewer)
    report = client.get(f"/hallinta/{staff.organization.slug}/vaikutukset/system/m-files/").context["report"]
    assert len(report["resources"]) == 9
    assert {"Asian- ja päätöksenteon hallinta", "Pysäköinninvalvonta", "Jätehuolto"} <= {
        r["name"] for r in report["resources"]
    }
    assert "hallintopäällikkö" in {p["who"] for p in report["people"]}
    assert {s["name"] for s in report["systems"]} >= {"M-Files", "ParkkiV 2.0", "Granite"}


def test_impact_of_effica_reaches_the_recipients_and_data_flows_of_early_childhood_education(client, staff):
    client.force_login(staff.viewer)
    report = client.get(f"/hallinta/{staff.organization.slug}/vaikutukset/system/effica/").context["report"]
    assert [r["name"] for r in report["resources"]] == ["Varhaiskasvatus"]
    assert report["resources"][0]["usage"] == "päivähoito"
    assert {"Koski", "Varda", "Meita", "lasten huoltajat"} <= set(report["recipients"])
    assert {(f["resource"], f["target"]) for f in report["data_flows"]} == {
        ("Varhaiskasvatus", "Koski"),
        ("Varhaiskasvatus", "Varda"),
    }
    assert report["disclosures"][0]["level"] == "restricted"


def test_retiring_facta_names_the_interfaces_that_break(client, staff):
    client.force_login(staff.viewer)
    page = client.get(f"/hallinta/{staff.organization.slug}/vaikutukset/system/facta/")
    broken = {(i["source"], i["target"]) for i in page.context["report"]["interfaces"] if i["breaks"]}
    assert broken == {("Lupapiste.fi", "Facta"), ("Facta", "M-Files")}
    assert page.content.decode().count("<strong>") >= len(broken)


def test_completeness_asks_for_interfaces_once_there_are_two_systems(staff):
    from varanto.backoffice.selectors.completeness import completeness_report
    from varanto.catalog.models import SystemInterface

    assert "interfaces" not in [r.code for r in completeness_report(staff.organization).organization_missing]
    SystemInterface.objects.filter(organization=staff.organization).delete()
    assert "interfaces" in [r.code for r in completeness_report(staff.organization).organization_missing]


def test_impact_of_a_section_covers_all_its_resources(client, staff):
    client.force_login(staff.viewer)
    section = staff.organization.sections.get(key="konsernipalvelut")
    report = client.get(f"/hallinta/{staff.organization.slug}/vaikutukset/section/{section.key}/").context["report"]
    assert len(report["resources"]) == section.resources.count()


def test_assessment_is_saved_with_the_report_and_downloads_as_xlsx(client, staff):
    client.force_login(staff.editor)
    org = staff.organization.slug
    response = client.post(
        f"/hallinta/{org}/vaikutukset/system/effica/",
        {
            "title": "Effican korvaaminen uudella varhaiskasvatuksen järjestelmällä",
            "description": "Siirtymä 2027",
            "information_management": "Vastuut siirtyvät palvelualueelle.",
            "information_security": "Käyttöoikeudet uusitaan.",
            "data_processing": "Varda- ja Koski-siirrot testataan.",
            "case_management": "Säilytysajat TOS:n mukaan.",
        },
    )
    assessment = ImpactAssessment.objects.get()
    assert response.status_code == 302
    assert assessment.created_by == staff.editor
    assert assessment.affected["subject"] == {"kind": "system", "key": "effica", "name": "Effica"}
    assert client.get(f"/hallinta/{org}/arviot/{assessment.pk}/").status_code == 200

    download = client.get(f"/hallinta/{org}/arviot/{assessment.pk}/xlsx/")
    assert download["Content-Type"].startswith("application/vnd.openxmlformats")
    workbook = load_workbook(io.BytesIO(download.content))
    assert len(workbook.sheetnames) == 8
    summary = [row for row in workbook.worksheets[0].iter_rows(values_only=True)]
    assert "Varda- ja Koski-siirrot testataan." in [cell for row in summary for cell in row]
    resources = list(workbook.worksheets[1].iter_rows(values_only=True))
    assert resources[1][0] == "Varhaiskasvatus"


def test_assessment_without_a_title_is_refused(client, staff):
    client.force_login(staff.publisher)
    response = client.post(f"/hallinta/{staff.organization.slug}/vaikutukset/system/effica/", {"title": ""})
    assert response.status_code == 400
    assert not ImpactAssessment.objects.exists()


def test_graph_connects_sections_resources_systems_and_outside_recipients(client, staff):
    client.force_login(staff.viewer)
    graph = client.get(f"/hallinta/{staff.organization.slug}/kaavio/?kaikki=1").context["graph"]
    ids = {n.id for n in graph.nodes}
    assert {"system:m-files", "recipient:meita", "recipient:koski", "recipient:varda"} <= ids
    assert len([n for n in graph.nodes if n.kind == "resource"]) == 31
    meita = next(n for n in graph.nodes if n.id == "recipient:meita")
    assert "resource:talous" in meita.neighbours
    ys = [n.y for n in graph.nodes if n.kind == "system"]
    assert len(set(ys)) == len(ys)  # no two system boxes on top of each other


def test_graph_focus_shows_only_the_neighbourhood(client, staff):
    client.force_login(staff.viewer)
    graph = client.get(f"/hallinta/{staff.organization.slug}/kaavio/?kohde=system:effica").context["graph"]
    assert graph.focus.label == "Effica"
    assert {n.id for n in graph.nodes if n.kind == "resource"} == {"resource:varhaiskasvatus"}
    assert "recipient:varda" in {n.id for n in graph.nodes}


def test_graph_downloads_as_a_standalone_svg(client, staff):
    client.force_login(staff.viewer)
    response = client.get(f"/hallinta/{staff.organization.slug}/kaavio.svg")
    assert response["Content-Type"].startswith("image/svg+xml")
    svg = response.content.decode()
    assert svg.startswith("<?xml") and "<style>" in svg and "Varhaiskasvatus" in svg
