"""The value rules on the back-office forms, and the assessment workbook (issue 12, findings 1–4, 7)."""

import io

import pytest
from openpyxl import load_workbook

from varanto.catalog.declarations import LENGTH_LIMITS, ValueType
from varanto.catalog.models import DataResource, ImpactAssessment

from .forms import record_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, staff):
    client.force_login(staff.editor)
    return client


def _edit(client, staff, **fields):
    url = f"/hallinta/{staff.organization.slug}/tietovarannot/vesihuolto/muokkaa/"
    data = record_form(client.get(url))
    data.update({name: [value] for name, value in fields.items()})
    return client.post(url, data, follow=True)


def _resource(staff) -> DataResource:
    return DataResource.objects.get(organization=staff.organization, key="vesihuolto")


def test_a_javascript_link_is_refused_by_the_form(editor_client, staff):
    response = _edit(editor_client, staff, **{"links-0-title": "Lomake", "links-0-url": "javascript:alert(1)"})
    assert response.status_code == 400
    assert _resource(staff).version == 1


def test_a_control_character_is_removed_and_the_editor_told_where(editor_client, staff):
    # Word's manual line break, pasted into the purpose: it made the XLSX and DCAT downloads fail.
    response = _edit(editor_client, staff, purpose="Vesihuollon\x0basiakkaat\x07")
    assert response.status_code == 200
    assert _resource(staff).purpose == "Vesihuollon\nasiakkaat"
    page = response.content.decode()
    assert "U+0007" in page


def test_a_translation_of_an_internal_field_cannot_be_posted(editor_client, staff):
    response = _edit(editor_client, staff, sv_security_measures="Lösenord", sv_name="Vattenförsörjning")
    assert response.status_code == 200
    assert _resource(staff).translations == {"sv": {"name": "Vattenförsörjning"}}


def test_a_text_longer_than_its_limit_is_refused_by_the_form(editor_client, staff):
    limit = LENGTH_LIMITS[ValueType.LONG_TEXT]
    response = _edit(editor_client, staff, purpose="x" * (limit + 1))
    assert response.status_code == 400
    assert str(limit) in response.content.decode()
    assert _resource(staff).version == 1


def test_the_assessment_workbook_writes_a_formula_as_text(client, staff):
    client.force_login(staff.publisher)
    assessment = ImpactAssessment.objects.create(
        organization=staff.organization,
        subject_kind="system",
        subject_key="vesihuolto",
        subject_name='=HYPERLINK("https://evil.example","x")',
        title='=cmd|"/c calc"!A1',
        description="+1+1\x0b-2",
        affected={"resources": [{"name": "@SUM(1)", "section": "", "responsible": "", "usage": "", "systems": []}]},
    )
    response = client.get(f"/hallinta/{staff.organization.slug}/arviot/{assessment.pk}/xlsx/")
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.content))
    cells = [c for sheet in workbook for row in sheet.iter_rows() for c in row if c.value is not None]
    assert cells and all(c.data_type != "f" for c in cells)
    values = {c.value for c in cells}
    assert '=cmd|"/c calc"!A1' in values and "@SUM(1)" in values and "+1+1\n-2" in values


@pytest.mark.parametrize(
    ("fields", "words"),
    [
        ({"review_cycle_months": "500"}, "120"),
        ({"review_cycle_months": "0"}, "1"),
        ({"next_review": "2207-03-01"}, "10"),
    ],
)
def test_a_review_cycle_or_date_out_of_bounds_is_refused_by_the_form_as_by_the_api_and_import(
    editor_client, staff, fields, words
):
    response = _edit(editor_client, staff, **fields)
    assert response.status_code == 400
    assert words in response.content.decode()
    assert _resource(staff).version == 1
