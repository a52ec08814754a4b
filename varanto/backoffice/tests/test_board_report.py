"""The report for the board or council: completeness by section, overdue reviews, changes since publishing."""

import pytest

from varanto.catalog.models import DataResource
from varanto.catalog.services import data_resource_update

pytestmark = pytest.mark.django_db


def _report(client, user, organization):
    client.force_login(user)
    response = client.get(f"/hallinta/{organization.slug}/katsaus/")
    assert response.status_code == 200
    return response


def test_sections_add_up_to_the_completeness_report(client, staff):
    report = _report(client, staff.viewer, staff.organization).context["report"]
    assert sum(len(s.rows) for s in report.sections) == len(report.completeness.rows) == 31
    assert sum(s.met for s in report.sections) == sum(t.met for t in report.completeness.totals)
    assert sum(s.applicable for s in report.sections) == sum(t.applicable for t in report.completeness.totals)
    assert sum(s.overdue for s in report.sections) == len(report.overdue)
    assert [bar.full_label for bar in report.section_chart.bars] == [s.name for s in report.sections]


def test_an_edit_after_publishing_shows_as_a_change_with_its_field(client, staff):
    resource = DataResource.objects.get(organization=staff.organization, key="vesihuolto")
    data_resource_update(
        resource=resource,
        data={"purpose": "Vesihuollon asiakkuudet ja laskutus."},
        expected_version=resource.version,
        acting_user=staff.editor,
    )
    response = _report(client, staff.viewer, staff.organization)
    report = response.context["report"]
    assert report.delta_counts == {"added": 0, "changed": 1, "removed": 0}
    assert "Vesihuolto" in response.content.decode()


def test_bars_are_as_long_as_their_percent_and_long_names_are_shortened():
    from varanto.backoffice.selectors.board import BAR_WIDTH, LABEL_CHARS, bar_chart

    chart = bar_chart([("Lyhyt", 50), ("Pitkä " * 20, 100), ("Tyhjä", 0)])
    assert [bar.width for bar in chart.bars] == [BAR_WIDTH // 2, BAR_WIDTH, 0]
    assert [bar.low for bar in chart.bars] == [False, False, True]
    assert len(chart.bars[1].label) == LABEL_CHARS
    assert chart.bars[1].full_label.startswith("Pitkä Pitkä")


def test_someone_outside_the_organisation_gets_neither_page_nor_pdf(client, staff):
    client.force_login(staff.outsider)
    for path in ("katsaus/", "katsaus.pdf"):
        assert client.get(f"/hallinta/{staff.organization.slug}/{path}").status_code == 403
