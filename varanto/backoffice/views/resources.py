"""A data resource's own pages: the internal view with its review moves, and a system's page."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from varanto.accounts.permissions import (
    WORKFLOW,
    Action,
    access_organization,
    access_resource,
    access_system,
    available_moves,
    can,
)
from varanto.accounts.selectors import editor_loads, resource_editors
from varanto.accounts.services import resource_editor_set
from varanto.catalog.models import DataResource, ResourceSystem
from varanto.catalog.services import EditConflict, data_resource_review
from varanto.catalog.services.systems import information_system_review_confirm
from varanto.publications.selectors import latest_publication
from varanto.publications.services import public_catalog

from ..selectors.attention import attention_list, system_review
from ..selectors.changes import resource_changes
from .common import conflict_page, next_url, page, posted_version, staff_view


def _published_changes(organization, resource: DataResource):
    """(published?, the field changes since the latest publication) for one resource."""
    publication = latest_publication(organization)
    published = next(
        (r for r in (publication.content["resources"] if publication else []) if r["key"] == resource.key), None
    )
    if published is None:
        return False, []
    current = next(r for r in public_catalog(organization)["resources"] if r["key"] == resource.key)
    return True, resource_changes(published, current)


# What a review move did, said as an official would say it ("Lähetetty tarkistettavaksi").
MOVE_DONE = {
    Action.SUBMIT: gettext_lazy("Sent for review: %(resource)s."),
    Action.APPROVE: gettext_lazy("Approved: %(resource)s."),
    Action.RETURN: gettext_lazy("Returned to the editor for changes: %(resource)s."),
}


@staff_view
def resource_detail(request, org: str, key: str):
    organization = access_organization(request.user, org)
    resource = access_resource(request.user, organization, key)
    links = ResourceSystem.objects.filter(resource=resource).select_related("system")
    published, changes = _published_changes(organization, resource)
    return page(
        request,
        "backoffice/resource_detail.html",
        organization,
        {
            "resource": resource,
            "links": links,
            "attention": attention_list(organization, [resource])[0],
            "moves": available_moves(request.user, resource),
            "published": published,
            "changes": changes,
            "may_edit": can(request.user, Action.EDIT, resource),
            "may_delete": can(request.user, Action.DELETE, resource),
            "may_assess": can(request.user, Action.ASSESS, organization),
            "editors": editor_loads(organization) if can(request.user, Action.MANAGE_USERS, organization) else [],
            "editor": resource_editors(organization).get(resource.pk),
        },
    )


@staff_view(methods=("POST",))
def resource_review(request, org: str, key: str):
    """A review move (send for review, approve, return) from the resource page or the review queue."""
    organization = access_organization(request.user, org)
    action = Action(request.POST.get("move", "")) if request.POST.get("move") in WORKFLOW else None
    if action is None:
        messages.error(request, _("Unknown review move."))
        return redirect("backoffice:resource_detail", org, key)
    resource = access_resource(request.user, organization, key, action)
    detail = reverse("backoffice:resource_detail", args=[org, key])
    try:
        data_resource_review(
            resource=resource,
            action=action,
            expected_version=posted_version(request),
            comment=request.POST.get("comment", ""),
            acting_user=request.user,
        )
    except EditConflict as conflict:
        return conflict_page(request, organization, conflict, data={}, record_label=str(resource), back_url=detail)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, str(MOVE_DONE[action]) % {"resource": resource})
    return redirect(next_url(request, detail))


@staff_view
def system_detail(request, org: str, key: str):
    organization = access_organization(request.user, org)
    system = access_system(request.user, organization, key)
    return page(
        request,
        "backoffice/system_detail.html",
        organization,
        {
            "system": system,
            "links": system.resource_links.select_related("resource__section"),
            "interfaces": system.interfaces.select_related("target"),
            "incoming": system.incoming_interfaces.select_related("source"),
            "processes": system.processes.all(),
            "review": system_review(system, organization),
            "may_edit": can(request.user, Action.EDIT, system),
            "may_delete": can(request.user, Action.DELETE, system),
        },
    )


@staff_view(methods=("POST",))
def system_reviewed(request, org: str, key: str):
    """An official confirms the system's description current (a review that changes nothing)."""
    organization = access_organization(request.user, org)
    system = access_system(request.user, organization, key, Action.EDIT)
    detail = reverse("backoffice:system_detail", args=[org, key])
    try:
        information_system_review_confirm(
            system=system, expected_version=posted_version(request), acting_user=request.user
        )
    except EditConflict as conflict:
        return conflict_page(request, organization, conflict, data={}, record_label=str(system), back_url=detail)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("%(system)s was marked reviewed today.") % {"system": system})
    return redirect(detail)


@staff_view(methods=("POST",))
def resource_editor(request, org: str, key: str):
    """Vastuukäyttäjä: choose the editor who answers for the resource, from its page or the list."""
    organization = access_organization(request.user, org, Action.MANAGE_USERS)
    resource = access_resource(request.user, organization, key)
    chosen = request.POST.get("editor", "")
    membership = None
    if chosen:
        membership = next((m for m in editor_loads(organization) if str(m.pk) == chosen), None)
        if membership is None:
            messages.error(request, _("Choose one of the organisation's editors."))
            return redirect(next_url(request, reverse("backoffice:resource_detail", args=[org, key])))
    resource_editor_set(resource=resource, membership=membership, acting_user=request.user)
    who = membership.user.get_full_name() or membership.user.get_username() if membership else _("nobody")
    messages.success(request, _("%(resource)s: responsible editor now %(who)s.") % {"resource": resource, "who": who})
    return redirect(next_url(request, reverse("backoffice:resource_detail", args=[org, key])))
