"""Seeing the model: completeness against the law, change impact assessment, the relationship graph."""

from __future__ import annotations

from typing import cast

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from varanto.accounts.permissions import AccessDenied, Action, access_assessment, access_organization, require
from varanto.catalog.models import AssessmentSubject, DataResource, ImpactAssessment, InformationSystem, Section
from varanto.catalog.services import EditConflict, impact_assessment_create, impact_assessment_update

from ..exports import assessment_workbook
from ..forms.assessments import AssessmentForm
from ..pdf import html_to_pdf
from ..selectors.board import board_report
from ..selectors.completeness import completeness_report
from ..selectors.graph import relationship_graph
from ..selectors.impact import PERSON_ROLES, impact_report
from .common import conflict_page, form_errors_from, page, posted_version, staff_view

CHART_WIDTH = 400


@staff_view
def completeness(request, org: str):
    organization = access_organization(request.user, org)
    report = completeness_report(organization)
    return page(
        request,
        "backoffice/completeness.html",
        organization,
        {
            "report": report,
            "chart_width": CHART_WIDTH,
            "bars": [
                {"total": t, "width": round(CHART_WIDTH * (t.percent or 0) / 100), "y": 8 + i * 30}
                for i, t in enumerate(report.totals)
            ],
            "chart_height": 16 + 30 * len(report.totals),
        },
    )


def _board_page(request, organization, *, printed: bool):
    return page(
        request,
        "backoffice/board_report.html",
        organization,
        {"report": board_report(organization), "printed": printed},
    )


@staff_view
def board(request, org: str):
    """The report for the board or council (hallitukselle / valtuustolle); printable, and as PDF."""
    return _board_page(request, access_organization(request.user, org), printed=False)


@staff_view
def board_pdf(request, org: str):
    organization = access_organization(request.user, org)
    response = HttpResponse(
        html_to_pdf(_board_page(request, organization, printed=True).content.decode()), content_type="application/pdf"
    )
    day = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="tiedonhallinta-{organization.slug}-{day}.pdf"'
    return response


@staff_view
def impact(request, org: str):
    """Choose what the planned change is about."""
    organization = access_organization(request.user, org)
    chosen = request.GET.get("kohde", "")
    if ":" in chosen:
        kind, key = chosen.split(":", 1)
        return redirect("backoffice:impact_report", organization.slug, kind, key)
    return page(
        request,
        "backoffice/impact_choose.html",
        organization,
        {
            "systems": InformationSystem.objects.filter(organization=organization).order_by("name"),
            "sections": Section.objects.filter(organization=organization),
            "resources": DataResource.objects.filter(organization=organization).order_by("name"),
            "assessments": ImpactAssessment.objects.filter(organization=organization).select_related("created_by"),
        },
    )


@staff_view(methods=("GET", "POST"))
def impact_report_view(request, org: str, kind: str, key: str):
    """Everything the change touches, and the assessment form to record its effects."""
    organization = access_organization(request.user, org)
    report = impact_report(organization, kind, key)
    if report is None:
        raise AccessDenied(_("No such record, or you may not see it."))
    form = AssessmentForm(request.POST or None)
    if request.method == "POST":
        require(request.user, Action.ASSESS, organization)
        if form.is_valid():
            try:
                assessment = impact_assessment_create(
                    organization=organization,
                    subject_kind=kind,
                    subject_key=key,
                    subject_name=report["subject"]["name"],
                    affected=report,
                    data=form.to_data(),
                    acting_user=request.user,
                )
            except ValidationError as exc:
                form_errors_from(exc, form)
            else:
                messages.success(request, _("The assessment was saved."))
                return redirect("backoffice:assessment", organization.slug, assessment.pk)
    return page(
        request,
        "backoffice/impact_report.html",
        organization,
        {
            "report": report,
            "form": form,
            "kind_label": AssessmentSubject(kind).label,
            "person_roles": PERSON_ROLES,
        },
        status=400 if form.errors else 200,
    )


@staff_view
def assessment_detail(request, org: str, pk: int):
    """A saved assessment with the report it was made on; printable."""
    organization = access_organization(request.user, org)
    assessment = access_assessment(request.user, organization, pk)
    return page(
        request,
        "backoffice/assessment.html",
        organization,
        {
            "assessment": assessment,
            "report": assessment.affected,
            "person_roles": PERSON_ROLES,
            "headings": [
                # cast: the headings are the assessment's own text fields.
                (cast(models.Field, ImpactAssessment._meta.get_field(h)).verbose_name, getattr(assessment, h))
                for h in ImpactAssessment.HEADINGS
            ],
        },
    )


@staff_view(methods=("GET", "POST"))
def assessment_edit(request, org: str, pk: int):
    organization = access_organization(request.user, org)
    assessment = access_assessment(request.user, organization, pk, Action.ASSESS)
    form = AssessmentForm(request.POST or None, instance=assessment)
    if request.method == "POST" and form.is_valid():
        try:
            impact_assessment_update(
                assessment=assessment,
                data=form.to_data(),
                expected_version=posted_version(request),
                acting_user=request.user,
            )
        except EditConflict as conflict:
            return conflict_page(
                request, organization, conflict, data={}, record_label=str(assessment), back_url=request.path
            )
        except ValidationError as exc:
            form_errors_from(exc, form)
        else:
            messages.success(request, _("Saved."))
            return redirect("backoffice:assessment", organization.slug, assessment.pk)
    return page(request, "backoffice/assessment_edit.html", organization, {"assessment": assessment, "form": form})


@staff_view
def assessment_xlsx(request, org: str, pk: int):
    organization = access_organization(request.user, org)
    assessment = access_assessment(request.user, organization, pk)
    response = HttpResponse(
        assessment_workbook(assessment),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="muutosvaikutusten-arviointi-{assessment.pk}.xlsx"'
    return response


@staff_view
def graph(request, org: str):
    """Sections, resources, systems and outside recipients; a node's link focuses on its neighbourhood."""
    organization = access_organization(request.user, org)
    focus = request.GET.get("kohde") or None
    return page(
        request,
        "backoffice/graph.html",
        organization,
        {
            "graph": relationship_graph(organization, focus, cluster=request.GET.get("kaikki") != "1"),
            "focus": focus,
            "every": request.GET.get("kaikki") == "1",
            "sections": Section.objects.filter(organization=organization),
            "systems": InformationSystem.objects.filter(organization=organization).order_by("name"),
        },
    )


@staff_view
def graph_svg(request, org: str):
    """The same graph as a standalone SVG file, for printing and for documents."""
    organization = access_organization(request.user, org)
    svg = render_to_string(
        "backoffice/graph.svg",
        {
            "graph": relationship_graph(
                organization, request.GET.get("kohde") or None, cluster=request.GET.get("kaikki") != "1"
            ),
            "organization": organization,
            "standalone": True,
        },
        request=request,
    )
    return HttpResponse(svg, content_type="image/svg+xml; charset=utf-8")
