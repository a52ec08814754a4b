"""Creating, editing, deleting, history and restore: written once for every kind of record (`kinds.KINDS`)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from simple_history.utils import get_history_manager_for_model

from varanto.accounts.permissions import AccessDenied, Action, access_organization, can, require
from varanto.catalog.models import InformationSystem
from varanto.catalog.services import EditConflict, deleted_records, record_restore, record_states, state_at, state_of
from varanto.catalog.services.common import value_warnings

from ..forms.common import EditPage
from ..selectors.attention import attention_list
from ..selectors.completeness import filling_fields
from ..selectors.display import Names, differences, reason_text
from .common import conflict_page, form_errors_from, next_url, page, posted_version, staff_view
from .kinds import KINDS, Kind


def record_url(kind: Kind, organization, record) -> str:
    if kind.name == "organization":
        return reverse("backoffice:organization_edit", args=[organization.slug])
    if kind.has_detail_page:
        return reverse(f"backoffice:{kind.name}_detail", args=[organization.slug, record.key])
    if kind.has_list_page:
        return reverse(f"backoffice:{kind.name}_list", args=[organization.slug])
    return reverse(f"backoffice:{kind.name}_history", args=[organization.slug, record.key])


def _edit_page(kind: Kind, organization, record, data=None) -> EditPage:
    systems = InformationSystem.objects.filter(organization=organization).in_bulk() if kind.rows else {}
    return EditPage.build(
        kind.form,
        kind.rows,
        data=data,
        initial_rows=kind.initial_rows(record) if record is not None else {},
        form_kwargs={"organization": organization, "instance": record},
        row_kwargs={"systems": dict(sorted(systems.items(), key=lambda item: item[1].name.casefold()))},
    )


def _record(request, kind: Kind, organization, key, action):
    if kind.name == "organization":
        return require(request.user, action, organization)
    return kind.access(request.user, organization, key, action)


def _edit(request, kind: Kind, organization, record):
    """The edit page of a new (record None) or existing record, and its save."""
    status = 200
    if request.method == "POST":
        adding_row = "add_row" in request.POST
        data = EditPage.with_added_row(request.POST) if adding_row else request.POST
        edit = _edit_page(kind, organization, record, data)
        if adding_row:
            edit.silence_errors()
        elif edit.is_valid():
            try:
                with value_warnings() as warnings:
                    if record is None:
                        assert kind.create is not None  # only the organisation has none, and it is never new here
                        saved = kind.create(organization, edit.data(), request.user)
                    else:
                        saved = kind.update(record, edit.data(), posted_version(request), request.user)
            except EditConflict as conflict:
                return conflict_page(
                    request,
                    organization,
                    conflict,
                    data=edit.data(),
                    record_label=str(record),
                    back_url=request.path,
                )
            except ValidationError as exc:
                form_errors_from(exc, edit.form)
                status = 400
            else:
                # A resource's change goes to review as it is saved: say so, in the words of its state.
                messages.success(request, _("Saved and sent for review.") if kind.declaration.reviewed else _("Saved."))
                for warning in warnings:
                    messages.warning(request, warning)
                return redirect(record_url(kind, organization, saved))
        else:
            status = 400
    else:
        edit = _edit_page(kind, organization, record)
    cancel_url = (
        record_url(kind, organization, record)
        if record is not None and kind.name != "organization"
        else reverse("backoffice:my_resources", args=[organization.slug])
    )
    layout = _layout(edit)
    return page(
        request,
        "backoffice/record_form.html",
        organization,
        {
            "edit": edit,
            "layout": layout,
            "missing": _missing(kind, organization, record, layout),
            "record": record,
            "kind": kind,
            "cancel_url": cancel_url,
        },
        status=status,
    )


def _layout(edit: EditPage) -> list[dict]:
    return [
        {**group, "formset": edit.formsets.get(group["formset"]), "anchor": f"osa-{number}"}
        for number, group in enumerate(edit.form.layout(), start=1)
    ]


# Completeness items filled by a list or relation rather than a field of their own.
ITEM_FIELDS = {"systems": ("systems",), "processes": ("processes",), "privacy_notice": ("links",)}


def _missing(kind: Kind, organization, record, layout: list[dict]) -> list[dict]:
    """What §5 and §28 still ask of a data resource, each linked to the part of the form that gives it."""
    if kind.name != "resource" or record is None:
        return []
    anchors: dict[str, str] = {}
    for group in layout:
        for name in [field.name for field in group["fields"]] + [group["formset"].prefix if group["formset"] else ""]:
            anchors.setdefault(name, group["anchor"])
    items = []
    for requirement in attention_list(organization, [record])[0].completeness.missing:
        names = filling_fields(kind.declaration, requirement.code) or ITEM_FIELDS.get(requirement.code, ())
        anchor = next((anchors[name] for name in names if name in anchors), "")
        items.append({"label": requirement.label, "law": requirement.law, "anchor": anchor})
    return items


@staff_view(methods=("GET", "POST"))
def record_create(request, org: str, kind: str):
    organization = access_organization(request.user, org, Action.CREATE)
    return _edit(request, KINDS[kind], organization, None)


@staff_view(methods=("GET", "POST"))
def record_edit(request, org: str, kind: str, key: str | None = None):
    organization = access_organization(request.user, org)
    record = _record(request, KINDS[kind], organization, key, Action.EDIT)
    return _edit(request, KINDS[kind], organization, record)


@staff_view(methods=("GET", "POST"))
def record_delete(request, org: str, kind: str, key: str):
    """Asks first, showing what refers to the record; deleting keeps it restorable from history."""
    organization = access_organization(request.user, org)
    spec = KINDS[kind]
    # The URLs have delete pages only for the kinds that can be deleted.
    assert spec.deletable
    record = spec.access(request.user, organization, key, Action.DELETE)
    if request.method == "POST":
        try:
            spec.delete(record, posted_version(request), request.user)
        except EditConflict as conflict:
            return conflict_page(
                request,
                organization,
                conflict,
                data={},
                record_label=str(record),
                back_url=record_url(spec, organization, record),
            )
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
            return redirect(request.path)
        messages.success(
            request, _("%(record)s was deleted. It can be restored from the deleted records.") % {"record": record}
        )
        return redirect("backoffice:deleted", organization.slug)
    return page(
        request,
        "backoffice/record_delete.html",
        organization,
        {
            "record": record,
            "kind": spec,
            "references": (references := spec.references(record)),
            "reference_lists": _reference_lists(references),
            "cancel_url": record_url(spec, organization, record),
        },
    )


def _history_target(request, kind: Kind, organization, key):
    """(record id, the live record or None when deleted) for a history page."""
    if kind.name == "organization":
        return organization.pk, require(request.user, Action.VIEW, organization)
    try:
        record = kind.access(request.user, organization, key, Action.VIEW)
        return record.pk, record
    except AccessDenied:
        history = get_history_manager_for_model(kind.model)
        row = history.filter(organization_id=organization.pk, key=key).order_by("-history_date").first()
        if row is None or kind.model._default_manager.filter(pk=row.id).exists():
            raise
        return row.id, None


@staff_view
def record_history(request, org: str, kind: str, key: str | None = None):
    """Every version of the record: who, when, why, and each changed field before and after."""
    organization = access_organization(request.user, org)
    spec = KINDS[kind]
    pk, record = _history_target(request, spec, organization, key)
    states = record_states(spec.model, pk)
    names = Names(organization.pk)
    may_restore = can(request.user, Action.RESTORE, record if record is not None else organization)
    entries = []
    for i, state in enumerate(states):
        previous = states[i - 1].values if i else None
        entries.append(
            {
                "state": state,
                "reason": reason_text(state.row.history_change_reason, state.row.history_type),
                "changes": differences(spec.model, previous, state.values, names) if previous is not None else [],
                # A live record's latest state is what it is now; a deleted one can come back from any state.
                "restorable": may_restore and not state.deleted and (record is None or i < len(states) - 1),
            }
        )
    name = states[-1].values.get("name", "") if states else ""
    return page(
        request,
        "backoffice/record_history.html",
        organization,
        {
            "kind": spec,
            "record": record,
            "name": name,
            "entries": list(reversed(entries)),
            "key": key,
            "restore_url_name": f"backoffice:{spec.name}_restore",
        },
    )


def _restore_confirm(request, spec: Kind, organization, pk: int, record, history_id: int, key: str | None):
    """The version to restore against the record as it is now, field by field, and the button that restores it."""
    try:
        version = state_at(spec.model, pk, history_id)
    except LookupError:
        raise AccessDenied(_("No such version.")) from None
    # A deleted record is compared as it was deleted (its relations gone).
    now = state_of(record) if record is not None else record_states(spec.model, pk)[-1].values
    history_url = (
        reverse("backoffice:organization_history", args=[organization.slug])
        if spec.name == "organization"
        else reverse(f"backoffice:{spec.name}_history", args=[organization.slug, key])
    )
    context = {
        "kind": spec,
        "record": record,
        "version": version,
        "name": version.values.get("name", "") or str(record or ""),
        "changes": differences(spec.model, now, version.values, Names(organization.pk)),
        "history_url": history_url,
    }
    return page(request, "backoffice/record_restore.html", organization, context)


@staff_view(methods=("GET", "POST"))
def record_restore_view(request, org: str, kind: str, history_id: int, key: str | None = None):
    """Restoring an earlier version: first what would change and a confirmation (GET), then the restore (POST)."""
    organization = access_organization(request.user, org)
    spec = KINDS[kind]
    pk, record = _history_target(request, spec, organization, key)
    require(request.user, Action.RESTORE, record if record is not None else organization)
    if request.method == "GET":
        return _restore_confirm(request, spec, organization, pk, record, history_id, key)
    try:
        result = record_restore(
            model=spec.model,
            pk=pk,
            history_id=history_id,
            acting_user=request.user,
            expected_version=posted_version(request) if record is not None else None,
        )
    except LookupError:
        raise AccessDenied(_("No such version.")) from None
    except EditConflict as conflict:
        return conflict_page(
            request,
            organization,
            conflict,
            data={},
            record_label=str(record),
            back_url=reverse(f"backoffice:{spec.name}_history", args=[org, key]),
        )
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
        return redirect(next_url(request, reverse("backoffice:deleted", args=[org])))
    messages.success(request, _("The earlier version was restored as a new version."))
    for warning in result.warnings:
        messages.warning(request, warning)
    return redirect(record_url(spec, organization, result.record))


REFERENCE_LABELS = {
    "systems": _lazy("systems"),
    "resources": _lazy("data resources"),
    "processes": _lazy("processes"),
    "open_datasets": _lazy("open data sets"),
    "data_flows_from": _lazy("data flows from"),
    "interfaces": _lazy("system interfaces"),
    "outputs": _lazy("processes taking its output"),
    "subprocesses": _lazy("sub-processes"),
    "editors": _lazy("editors"),
}


def _reference_lists(references: dict) -> list[tuple]:
    """(label, names) for each kind of reference that has any: what referred to a record."""
    return [
        (REFERENCE_LABELS.get(name, name), [ref.get("name") or ref.get("username") for ref in refs])
        for name, refs in references.items()
        if refs
    ]


@staff_view
def deleted(request, org: str):
    """Deleted records of every kind, with what referred to them, ready to be restored."""
    organization = access_organization(request.user, org)
    groups = []
    for kind in (k for k in KINDS.values() if k.owned):
        rows = []
        for row in deleted_records(kind.model, organization):
            before = (
                get_history_manager_for_model(kind.model)
                .filter(id=row.id, history_date__lt=row.history_date)
                .exclude(history_type="-")
                .order_by("-history_date")
                .first()
            )
            rows.append(
                {
                    "row": row,
                    "references": _reference_lists(getattr(row, "related", None) or {}),
                    "history_url": reverse(f"backoffice:{kind.name}_history", args=[org, row.key]),
                    "restore_url": before
                    and reverse(f"backoffice:{kind.name}_restore", args=[org, row.key, before.history_id]),
                }
            )
        groups.append({"kind": kind, "rows": rows})
    return page(
        request,
        "backoffice/deleted.html",
        organization,
        {
            "groups": groups,
            "may_restore": can(request.user, Action.RESTORE, organization),
        },
    )
