"""Restore: bring a record back to an earlier state, or back from deletion, as a recorded change."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Max
from django.utils.translation import gettext as _
from simple_history.utils import get_history_manager_for_model

from varanto.accounts.models import AuditKind
from varanto.catalog import declarations
from varanto.catalog.models import ReviewStatus

from .common import Stamp, existing_records, locked, record_audit, record_create, record_save
from .history import RecordState, state_at
from .registry import services_for
from .specs import SPECS


@dataclass
class RestoreResult:
    record: models.Model
    changed: list[str]
    warnings: list[str] = field(default_factory=list)  # what could not be brought back, and why


def _reference(model_field: models.ForeignKey, pk: int | None, warnings: list[str]):
    """The record a foreign key of the state names, if it still exists.

    A required one that is gone stops the restore; an optional one is left empty, with a warning.
    """
    if pk is None:
        return None
    related: type[models.Model] = model_field.related_model  # type: ignore[assignment]  # a concrete model, not "self"
    found = related._default_manager.filter(pk=pk).first()
    if found is None:
        what = str(related._meta.verbose_name)
        if not model_field.null:
            raise ValidationError(
                {
                    model_field.name: _("The %(what)s of that version no longer exists; restore it first.")
                    % {"what": what}
                }
            )
        warnings.append(
            _("A linked %(what)s (id %(id)s) no longer exists and was left out.") % {"what": what, "id": pk}
        )
    return found


def _data_from_state(model, state: RecordState, warnings: list[str]) -> dict:
    """The write-service input that recreates `state` with the records that still exist."""
    spec = SPECS[model]
    values = state.values
    data = {}
    for name in spec.fields:
        model_field = model._meta.get_field(name)
        if isinstance(model_field, models.ForeignKey):
            data[name] = _reference(model_field, values[name], warnings)
        else:
            data[name] = values[name]
    for relation in declarations.kind_of(model).relations:
        if relation.accessor is None:
            continue
        stored = values[relation.name]
        if relation.many_to_many(model):
            linked = existing_records(relation.linked_model(model), stored, str(relation.noun), warnings)
            data[relation.name] = list(linked.values())
        elif relation.link is not None:
            key, text = relation.link[0], relation.text
            linked = existing_records(
                relation.linked_model(model), [r[key] for r in stored], str(relation.noun), warnings
            )
            data[relation.name] = [{key: linked[r[key]], text: r[text]} for r in stored if r[key] in linked]
        else:
            data[relation.name] = stored
    return data


def _references_checked(record: models.Model, warnings: list[str]) -> None:
    """Clear or refuse the foreign keys of a recreated record whose records are gone (an open data set's resource)."""
    for model_field in record._meta.concrete_fields:
        if isinstance(model_field, models.ForeignKey) and model_field.name != "organization":
            pk = getattr(record, model_field.attname)
            if pk is not None and _reference(model_field, pk, warnings) is None:
                setattr(record, model_field.attname, None)


@transaction.atomic
def record_restore(
    *,
    model: type[models.Model],
    pk: int,
    history_id: int,
    acting_user,
    expected_version: int | None = None,
) -> RestoreResult:
    """Make the record as it was in history row `history_id`; a deleted record is recreated.

    The restore is itself a new version recorded with who did it ("restore:<version>"), and
    audited. A restored record of a reviewed kind (a data resource) is ready for review. Links to
    records that no longer exist are left out and listed in the result's warnings. Raises
    LookupError for an unknown history row, EditConflict if a live record moved on from
    `expected_version`.
    """
    kind, services = declarations.kind_of(model), services_for(model)
    state = state_at(model, pk, history_id)
    if state.deleted:
        raise ValidationError(_("Choose a version before the deletion."))
    warnings: list[str] = []
    stamp = Stamp(acting_user, f"restore:{state.row.version}")
    data = _data_from_state(model, state, warnings)
    history = get_history_manager_for_model(model)
    if model._default_manager.filter(pk=pk).exists():
        current: Any = locked(model, pk, expected_version, required=False)  # type: ignore[type-var]  # every restorable kind is versioned
        changed = services.write(current, data, stamp)
        if not changed:
            return RestoreResult(current, [], warnings)
        fields = [f for f in changed if f in SPECS[model].fields]
        if kind.reviewed:
            current.review_status = ReviewStatus.READY_FOR_REVIEW
            fields.append("review_status")
        record_save(current, fields, stamp)
        record_audit(AuditKind.RECORD_RESTORE, current, stamp, version=state.row.version)
        return RestoreResult(current, changed, warnings)

    record: Any = state.row.instance
    record.version = (history.filter(id=pk).aggregate(v=Max("version"))["v"] or 0) + 1
    if kind.reviewed:
        record.review_status = ReviewStatus.READY_FOR_REVIEW
    _references_checked(record, warnings)
    relations = {k: data[k] for k in SPECS[model].relations if k in data}
    deletion = history.filter(id=pk, history_type="-").order_by("-history_date", "-history_id").first()
    referred_by = getattr(deletion, "related", None) or {}
    try:
        record.validate_constraints()
    except ValidationError as clash:
        raise ValidationError(_("Another record now has this record's name or key; rename it first.")) from clash
    record_create(record, stamp, relations=lambda: services.write(record, relations, stamp))
    if services.relink is not None:
        services.relink(record, referred_by, stamp, warnings)
    record_audit(AuditKind.RECORD_RESTORE, record, stamp, version=state.row.version)
    return RestoreResult(record, ["restored"], warnings)
