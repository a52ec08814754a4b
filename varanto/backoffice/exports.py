"""A change impact assessment as an XLSX workbook (openpyxl): the assessment, then one sheet per kind of affected thing."""

from __future__ import annotations

import io
from typing import cast

from django.db import models
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from varanto.catalog.models import DisclosureLevel, ImpactAssessment, PublicityClass
from varanto.catalog.models.tasks import PERMANENT
from varanto.interchange.formats.xlsx import append_row

from .selectors.impact import PERSON_ROLES

BOLD = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")


def _sheet(workbook, title: str, headings: list[str], rows: list[list]) -> None:
    sheet = workbook.create_sheet(title[:31])
    # Every text goes through the public workbook's `append_row`: never a formula, never a character Excel refuses.
    for cell in append_row(sheet, headings):
        cell.font = BOLD
    for row in rows:
        append_row(sheet, ["; ".join(v) if isinstance(v, list) else ("" if v is None else v) for v in row])
    for column in sheet.columns:
        width = max(len(str(c.value or "")) for c in column)
        sheet.column_dimensions[column[0].column_letter].width = min(max(12, width + 2), 60)
        for c in column:
            c.alignment = WRAP
    sheet.freeze_panes = "A2"


def assessment_workbook(assessment: ImpactAssessment) -> bytes:
    report = assessment.affected
    levels = dict(DisclosureLevel.choices)
    publicity = dict(PublicityClass.choices)
    workbook = Workbook()
    summary = workbook.active
    summary.title = _("Assessment")[:31]
    lines = [
        (_("Organisation"), assessment.organization.name),
        (_("Subject"), f"{assessment.get_subject_kind_display()}: {assessment.subject_name}"),
        (_("Planned change"), assessment.title),
        (_("Description of the change"), assessment.description),
        *[
            # cast: the headings are the assessment's own text fields.
            (
                str(cast(models.Field, ImpactAssessment._meta.get_field(h)).verbose_name).capitalize(),
                getattr(assessment, h),
            )
            for h in ImpactAssessment.HEADINGS
        ],
        (_("Created"), assessment.created_at.strftime("%d.%m.%Y %H:%M")),
        (_("Created by"), assessment.created_by.get_username() if assessment.created_by else ""),
    ]
    for label, value in lines:
        append_row(summary, [label, value])
        summary.cell(row=summary.max_row, column=1).font = BOLD
        summary.cell(row=summary.max_row, column=2).alignment = WRAP
    summary.column_dimensions["A"].width = 36
    summary.column_dimensions["B"].width = 100

    _sheet(
        workbook,
        _("Data resources"),
        [_("Name"), _("Section"), _("Responsible"), _("Usage"), _("Systems")],
        [[r["name"], r["section"], r["responsible"], r["usage"], r["systems"]] for r in report.get("resources", [])],
    )
    _sheet(
        workbook,
        _("Systems"),
        [_("Name"), _("Vendor"), _("Responsible")],
        [[s["name"], s["vendor"], s["responsible"]] for s in report.get("systems", [])],
    )
    _sheet(
        workbook,
        _("Processes"),
        [_("Name"), _("Responsible"), _("Systems")],
        [[p["name"], p["responsible"], p["systems"]] for p in report.get("processes", [])],
    )
    _sheet(
        workbook,
        _("Disclosures"),
        [_("Data resource"), _("Disclosure"), _("Recipients"), _("As worded"), _("Deciding authority")],
        [
            [d["resource"], str(levels.get(d["level"], d["level"] or "")), d["recipients"], d["text"], d["authority"]]
            for d in report.get("disclosures", [])
        ],
    )
    _sheet(
        workbook,
        _("Interfaces and data flows"),
        [_("From"), _("To"), _("What is transferred"), _("Transfer method"), _("Breaks when the system is retired")],
        [
            [
                i["source"],
                i["target"],
                i.get("data") or i["description"],
                i.get("method", ""),
                _("yes") if i.get("breaks") else "",
            ]
            for i in report.get("interfaces", [])
        ]
        + [[f["resource"], f["target"], f["description"], "", ""] for f in report.get("data_flows", [])],
    )
    _sheet(
        workbook,
        _("Document types"),
        [
            _("Task class"),
            _("Document type"),
            _("Document class"),
            _("Retention period (years)"),
            _("Retention reason"),
            _("Publicity class"),
        ],
        [
            [
                d["task_class"],
                d["name"],
                d["document_class"],
                _("permanent") if d["retention_period"] == PERMANENT else d["retention_period"],
                d["retention_reason"],
                str(publicity.get(d["publicity_class"], d["publicity_class"] or "")),
            ]
            for d in report.get("document_types", [])
        ],
    )
    _sheet(
        workbook,
        _("Responsible people"),
        [_("Who"), _("Role"), _("For")],
        [[p["who"], str(PERSON_ROLES.get(p["role"], p["role"])), p["for"]] for p in report.get("people", [])],
    )
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
