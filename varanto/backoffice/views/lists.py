"""The overview pages: where to start, "my resources", and the lists of each kind of record."""

from __future__ import annotations

from django.db.models import Count
from django.shortcuts import redirect, render

from varanto.accounts.models import Membership, Role
from varanto.accounts.permissions import Action, access_organization, can, may_create_organization, role_of
from varanto.accounts.selectors import editor_loads, resource_editors
from varanto.catalog.models import InformationSystem, Organization, Process, Section, SystemInterface

from ..selectors.attention import (
    RecordState,
    attention_list,
    my_resources,
    my_systems,
    overdue_list,
    overdue_systems,
    system_review,
    waiting_for_review_count,
)
from .common import page, staff_view


@staff_view
def home(request):
    """Straight to the organisation's "my resources" when the user has one, else a choice."""
    if request.user.is_superuser:
        organizations = list(Organization.objects.all())
    else:
        organizations = [
            m.organization for m in Membership.objects.filter(user=request.user).select_related("organization")
        ]
    if len(organizations) == 1:
        return redirect("backoffice:my_resources", organizations[0].slug)
    return render(
        request,
        "backoffice/home.html",
        {"organizations": organizations, "may_create": may_create_organization(request.user)},
    )


@staff_view
def my_resources_view(request, org: str):
    """The official's start page: their resources and systems, and what needs their attention."""
    organization = access_organization(request.user, org)
    mine = my_resources(request.user, organization)
    items = attention_list(organization, mine) if mine else []
    systems = [system_review(system, organization) for system in my_systems(request.user, organization)]
    context = {
        "items": items,
        "may_edit": role_of(request.user, organization) != Role.VIEWER,
        "attention": [a for a in items if a.needs_attention],
        "systems": systems,
        "waiting": waiting_for_review_count(organization) if can(request.user, Action.APPROVE, organization) else 0,
        # The user's own first; the whole organisation's only as a link to it.
        "overdue_count": sum(a.overdue for a in items),
        "organization_overdue_count": len(overdue_list(organization)),
    }
    return page(request, "backoffice/my_resources.html", organization, context)


@staff_view
def resource_list(request, org: str):
    """All data resources with their review status, due date and what is missing; filterable."""
    organization = access_organization(request.user, org)
    items = attention_list(organization)
    wanted = request.GET.get("tila", "")
    if wanted in RecordState.values:
        items = [a for a in items if a.state == wanted]
    section = request.GET.get("toimiala", "")
    if section:
        items = [a for a in items if a.resource.section.key == section]
    return page(
        request,
        "backoffice/resource_list.html",
        organization,
        {
            "items": items,
            "status": wanted,
            "states": RecordState.choices,
            "section": section,
            "sections": Section.objects.filter(organization=organization),
            "editors": editor_loads(organization) if can(request.user, Action.MANAGE_USERS, organization) else [],
            "editor_of": resource_editors(organization),
        },
    )


@staff_view
def overdue(request, org: str):
    """Overdue reviews: of the user's own resources and systems, or the whole organisation's when they ask
    (or have none)."""
    organization = access_organization(request.user, org)
    items = overdue_list(organization)
    systems = overdue_systems(organization)
    mine = {resource.pk for resource in my_resources(request.user, organization)}
    my_system_ids = {system.pk for system in my_systems(request.user, organization)}
    whole = request.GET.get("koko") == "1" or not (mine or my_system_ids)
    context = {
        "items": items if whole else [a for a in items if a.resource.pk in mine],
        "systems": systems if whole else [r for r in systems if r.system.pk in my_system_ids],
        "whole": whole,
        "has_own": bool(mine or my_system_ids),
        "organization_count": len(items) + len(systems),
    }
    return page(request, "backoffice/overdue.html", organization, context)


@staff_view
def system_list(request, org: str):
    organization = access_organization(request.user, org)
    systems = (
        InformationSystem.objects.filter(organization=organization)
        .annotate(
            resource_count=Count("resource_links", distinct=True), process_count=Count("processes", distinct=True)
        )
        .order_by("name")
    )
    return page(request, "backoffice/system_list.html", organization, {"systems": systems})


@staff_view
def section_list(request, org: str):
    organization = access_organization(request.user, org)
    sections = Section.objects.filter(organization=organization).annotate(resource_count=Count("resources"))
    return page(request, "backoffice/section_list.html", organization, {"sections": sections})


@staff_view
def process_list(request, org: str):
    organization = access_organization(request.user, org)
    processes = (
        Process.objects.filter(organization=organization)
        .select_related("parent")
        .annotate(
            resource_count=Count("resources", distinct=True),
            system_count=Count("systems", distinct=True),
            input_count=Count("inputs", distinct=True),
        )
    )
    return page(request, "backoffice/process_list.html", organization, {"processes": processes})


@staff_view
def interface_list(request, org: str):
    """The organisation's system interfaces (liittymät), with both systems of each."""
    organization = access_organization(request.user, org)
    interfaces = SystemInterface.objects.filter(organization=organization).select_related("source", "target")
    return page(request, "backoffice/interface_list.html", organization, {"interfaces": interfaces})
