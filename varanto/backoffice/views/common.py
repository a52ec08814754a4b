"""What every back-office view shares: sign-in, the one access error page, the page frame."""

from __future__ import annotations

import functools

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.urls import reverse, reverse_lazy
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods
from simple_history.utils import get_history_manager_for_model

from varanto.accounts.permissions import AccessDenied, Action, can, role_of
from varanto.catalog.models import Organization
from varanto.catalog.services import SPECS, EditConflict, state_at, state_of, state_of_data
from varanto.core.versions import record_version

from ..selectors.display import Names, differences

LOGIN_URL = reverse_lazy("backoffice:login")

# (URL name, label, the action its page needs on the organisation, or None for everyone): a role is
# shown only what it can open (tests/test_navigation.py opens every link as every role).
NAVIGATION = [
    ("my_resources", _("My resources"), None),
    ("resource_list", _("Data resources"), None),
    ("system_list", _("Systems"), None),
    ("section_list", _("Sections"), None),
    ("process_list", _("Processes"), None),
    ("interface_list", _("Interfaces"), None),
    ("task_class_list", _("Records management plan"), None),
    ("organization_edit", _("Information requests"), Action.EDIT),
    ("review", _("Review and publish"), None),
    ("completeness", _("Completeness"), None),
    ("impact", _("Impact assessment"), None),
    ("graph", _("Relationships"), None),
    ("bulk_edit", _("Bulk edit"), Action.APPROVE),
    ("users", _("Users"), Action.MANAGE_USERS),
    ("integrations", _("Integrations"), Action.MANAGE_INTEGRATIONS),
    ("import_start", _("Import a description"), Action.IMPORT),
    ("audit", _("Audit log"), Action.VIEW_AUDIT),
]


def chosen_language(view):
    """Speak the language the user chose with the switcher (its cookie).

    The public site's URL patterns put Finnish at unprefixed paths, so Django's LocaleMiddleware
    gives every unprefixed path, /hallinta/ included, Finnish; the back office honours the
    user's explicit choice instead.
    """

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        if language in dict(settings.LANGUAGES):
            translation.activate(language)
            request.LANGUAGE_CODE = language
        return view(request, *args, **kwargs)

    return wrapped


def staff_view(view=None, *, methods: tuple[str, ...] = ("GET",)):
    """Signed-in staff only, answering only `methods` (HEAD with GET, 405 to any other); an access
    error becomes the back office's own 403 page.

    The methods are declared, not merely handled, so that the role matrix can demand a case for
    each route and method (tests/test_role_matrix.py walks the URLs and reads `http_methods`).
    """
    if view is None:
        return functools.partial(staff_view, methods=methods)

    @functools.wraps(view)
    def checked(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except AccessDenied as denied:
            return render(
                request, "backoffice/denied.html", {"message": denied.args[0] if denied.args else ""}, status=403
            )

    answered = [*methods, "HEAD"] if "GET" in methods else list(methods)
    wrapped = chosen_language(login_required(require_http_methods(answered)(checked), login_url=LOGIN_URL))
    wrapped.http_methods = frozenset(methods)
    return wrapped


def navigation(request, organization: Organization) -> list[dict]:
    current = request.resolver_match.url_name if request.resolver_match else ""
    return [
        {"url": reverse(f"backoffice:{name}", args=[organization.slug]), "label": label, "current": name == current}
        for name, label, action in NAVIGATION
        if action is None or can(request.user, action, organization)
    ]


def page(request, template: str, organization: Organization, context: dict | None = None, *, status: int = 200):
    """Render a page of the organisation's back office with its navigation and the user's role."""
    context = dict(context or {})
    context.update(
        organization=organization,
        role=role_of(request.user, organization),
        navigation=navigation(request, organization),
        may={action.value: can(request.user, action, organization) for action in Action},
    )
    return render(request, template, context, status=status)


def next_url(request, default: str) -> str:
    """Where to go after a POST: the form's "next" if it stays on this site, else `default`."""
    wanted = request.POST.get("next", "")
    if wanted and url_has_allowed_host_and_scheme(wanted, {request.get_host()}, require_https=request.is_secure()):
        return wanted
    return default


def posted_version(request) -> int | None:
    return record_version(request.POST.get("version", ""))


def form_errors_from(exc: ValidationError, form) -> None:
    """Show a service's validation error on the form, under the field it names where it can."""
    if hasattr(exc, "error_dict"):
        for name, errors in exc.message_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


def conflict_page(request, organization, conflict: EditConflict, *, data: dict, back_url: str, record_label: str):
    """The second save of two concurrent edits: both versions side by side, nothing overwritten."""
    current = conflict.current
    context = {"conflict": conflict, "back_url": back_url, "record_label": record_label}
    if current is not None:
        spec = SPECS[type(current)]
        saved = state_of(current)
        mine = state_of_data(spec, data, saved)
        names = Names(organization.pk)
        latest = (
            get_history_manager_for_model(type(current))
            .filter(id=current.pk)
            .order_by("-history_date")
            .select_related("history_user")
            .first()
        )
        started = (
            get_history_manager_for_model(type(current))
            .filter(id=current.pk, version=conflict.expected_version)
            .order_by("history_date")
            .last()
        )
        theirs_changed = set()
        if started is not None:
            before = state_at(type(current), current.pk, started.history_id).values
            theirs_changed = {c.field for c in differences(type(current), before, saved, names)}
        rows = differences(type(current), saved, mine, names)
        context.update(
            rows=rows,
            theirs_changed=theirs_changed,
            latest=latest,
            repost=[
                (k, v)
                for k, values in request.POST.lists()
                for v in values
                if k not in ("csrfmiddlewaretoken", "version", "add_row")
            ],
        )
    return page(request, "backoffice/conflict.html", organization, context, status=409)
