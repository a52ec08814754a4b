"""Administrators' pages: staff and their roles, and the audit log."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.views import PasswordChangeView
from django.contrib.messages.views import SuccessMessageMixin
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from varanto.accounts import services as accounts
from varanto.accounts.models import AuditKind, Membership, Role
from varanto.accounts.permissions import Action, access_organization, may_manage_user, require_password_reset
from varanto.accounts.selectors import audit_events, audit_usernames, organization_members, sso_identities
from varanto.api.services import membership_end
from varanto.catalog.services import organization_own_approval_set
from varanto.interchange.formats.csv import MEDIA_TYPE as CSV_MEDIA_TYPE

from ..audit_export import audit_csv
from ..forms.people import AddUserForm, AuditFilterForm, MembershipForm
from ..sso.config import sso_enabled
from ..sso.roles import governed_organizations
from .common import form_errors_from, page, staff_view


@method_decorator(staff_view(methods=("GET", "POST")), name="dispatch")
class PasswordChange(SuccessMessageMixin, PasswordChangeView):
    """Any signed-in user changes their own password (e.g. the one an administrator gave them)."""

    template_name = "backoffice/password.html"
    success_url = reverse_lazy("backoffice:home")
    success_message = gettext_lazy("Your password was changed.")


@staff_view(methods=("GET", "POST"))
def users(request, org: str):
    organization = access_organization(request.user, org, Action.MANAGE_USERS)
    form = AddUserForm(request.POST or None)
    password = None
    if request.method == "POST" and form.is_valid():
        user = form.existing_user()
        try:
            if user is None:
                user, password = accounts.user_create(
                    username=form.cleaned_data["username"],
                    email=form.cleaned_data["email"],
                    first_name=form.cleaned_data["first_name"],
                    last_name=form.cleaned_data["last_name"],
                )
            accounts.membership_set(
                organization=organization, user=user, role=Role(form.cleaned_data["role"]), acting_user=request.user
            )
        except ValidationError as exc:
            form_errors_from(exc, form)
        else:
            messages.success(
                request,
                _("%(user)s now has the role %(role)s.")
                % {"user": user.get_username(), "role": Role(form.cleaned_data["role"]).label},
            )
            if password is None:
                return redirect("backoffice:users", organization.slug)
            form = AddUserForm()
    return page(
        request,
        "backoffice/users.html",
        organization,
        {
            "members": organization_members(organization),
            "form": form,
            "password": password,
        },
        status=400 if form.errors else 200,
    )


@staff_view(methods=("POST",))
def own_approval(request, org: str):
    """The organisation's four-eyes setting: may whoever made a change approve it too?"""
    organization = access_organization(request.user, org, Action.MANAGE_USERS)
    allowed = request.POST.get("own_approval_allowed") == "yes"
    organization_own_approval_set(organization=organization, allowed=allowed, acting_user=request.user)
    messages.success(
        request,
        _("Whoever made a change may now approve it too.")
        if allowed
        else _("A change must now be approved by someone other than whoever made it."),
    )
    return redirect("backoffice:users", organization.slug)


@staff_view(methods=("GET", "POST"))
def membership(request, org: str, pk: int):
    """One member's role, assignments, password reset and removal."""
    organization = access_organization(request.user, org, Action.MANAGE_USERS)
    member = get_object_or_404(Membership.objects.select_related("user"), pk=pk, organization=organization)
    form = MembershipForm(request.POST or None, membership=member)
    password = None
    if request.method == "POST":
        if "remove" in request.POST:
            membership_end(membership=member, acting_user=request.user)
            messages.success(request, _("%(user)s no longer has a role here.") % {"user": member.user.get_username()})
            return redirect("backoffice:users", organization.slug)
        if "reset_password" in request.POST:
            password = accounts.user_password_reset(
                user=require_password_reset(request.user, member.user),
                acting_user=request.user,
                organization=organization,
            )
        elif form.is_valid():
            accounts.membership_set(
                organization=organization,
                user=member.user,
                role=Role(form.cleaned_data["role"]),
                acting_user=request.user,
            )
            accounts.membership_assign(
                membership=member,
                resources=list(form.cleaned_data["resources"]),
                systems=list(form.cleaned_data["systems"]),
                acting_user=request.user,
            )
            messages.success(request, _("Saved."))
            return redirect("backoffice:users", organization.slug)
    return page(
        request,
        "backoffice/membership.html",
        organization,
        {
            "member": member,
            "form": form,
            "password": password,
            "may_reset_password": may_manage_user(request.user, member.user),
            "sso_identities": sso_identities(member.user),
            "sso_governed": sso_enabled() and organization.slug in governed_organizations(),
        },
    )


@staff_view
def audit(request, org: str):
    """The audit log, narrowed by event, user, record and days; `?muoto=csv` downloads what is narrowed to."""
    organization = access_organization(request.user, org, Action.VIEW_AUDIT)
    form = AuditFilterForm(request.GET or None, kinds=AuditKind.choices, usernames=audit_usernames(organization))
    events = audit_events(organization, **form.narrowing())
    if request.GET.get("muoto") == "csv":
        response = HttpResponse(audit_csv(events), content_type=f"{CSV_MEDIA_TYPE}; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{organization.slug}-loki.csv"'
        return response
    narrowed = request.GET.copy()
    narrowed.pop("sivu", None)
    return page(
        request,
        "backoffice/audit.html",
        organization,
        {
            "events": Paginator(events, 50).get_page(request.GET.get("sivu")),
            "form": form,
            "query": narrowed.urlencode(),
        },
    )
