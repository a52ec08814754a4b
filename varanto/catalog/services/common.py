"""What every write service shares: version checks, history stamps, validation of list fields."""

from __future__ import annotations

import datetime
import logging
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar, cast

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import get_history_manager_for_model

from varanto.accounts.models import AuditKind
from varanto.accounts.services import audit_record
from varanto.catalog import declarations
from varanto.core.acting import integration_of
from varanto.core.keys import make_key
from varanto.core.text import link_scheme_allowed, without_controls

if TYPE_CHECKING:
    from varanto.catalog.models import ImpactAssessment, Organization
    from varanto.catalog.models.base import OrganizationOwned

logger = logging.getLogger(__name__)

# The records edited with a version check: each has a `version` that rises on every save.
Versioned = TypeVar("Versioned", bound="OrganizationOwned | Organization | ImpactAssessment")
# The records of one organisation, in its ordered list.
Owned = TypeVar("Owned", bound="OrganizationOwned")
Child = TypeVar("Child", bound=models.Model)


class EditConflict(Exception):
    """An edit made against an older version of a record (no lost updates).

    Carries both versions: `expected_version` is the one the editor started from,
    `current_version` the one saved meanwhile (None when the record was deleted meanwhile),
    and `current` the record as it is now (None when deleted).
    """

    def __init__(self, *, current: models.Model | None, expected_version: int, current_version: int | None):
        self.current = current
        self.expected_version = expected_version
        self.current_version = current_version
        super().__init__(
            f"edited from version {expected_version}, but the record is now "
            + (f"at version {current_version}" if current_version is not None else "deleted")
        )


@dataclass
class Stamp:
    """Who made a change (and through which integration token), why, and when: set on every row one
    service call writes, so the history of a record and of its relations (system links, interfaces …)
    share one moment."""

    user: Any
    reason: str
    when: datetime.datetime = field(default_factory=timezone.now)

    def mark(self, *instances: models.Model) -> None:
        # simple-history reads these attributes when it writes the history row; it has no stubs.
        for instance in instances:
            instance._history_user = self.user  # type: ignore[attr-defined]
            instance._change_reason = self.reason[:100]  # type: ignore[attr-defined]
            instance._history_date = self.when  # type: ignore[attr-defined]
            instance._history_integration = integration_of(self.user)  # type: ignore[attr-defined]  # HistoryStamp


def locked(model: type[Versioned], pk: int, expected_version: int | None, *, required: bool = True) -> Versioned:
    """The record, locked for this transaction, or EditConflict if it moved on meanwhile.

    An edit must say which version it started from; only restore, an explicit choice of an
    earlier state, may go without (`required=False`).
    """
    if required and expected_version is None:
        raise ValidationError({"version": _("The version the edit started from is missing; reload the page.")})
    # cast: the django-stubs plugin types the manager of a type variable by its bound.
    current = cast("Versioned | None", model._default_manager.select_for_update().filter(pk=pk).first())
    if current is None:
        raise EditConflict(current=None, expected_version=expected_version or 0, current_version=None)
    if expected_version is not None and current.version != expected_version:
        raise EditConflict(current=current, expected_version=expected_version, current_version=current.version)
    return current


def record_save(record: Versioned, fields: list[str], stamp: Stamp) -> Versioned:
    """Validate and save the named fields, one version up, with who and why in its history."""
    record.version += 1
    record.full_clean()
    stamp.mark(record)
    record.save(update_fields=[*dict.fromkeys(fields), "version"])
    _write_audit(record, stamp, fields=sorted(set(fields) - {"review_status"}))
    return record


def record_create(
    record: Versioned,
    stamp: Stamp,
    *,
    relations: Callable[[], object] | None = None,
) -> Versioned:
    """Validate and insert the record; `relations` (called after the insert) writes its links.

    The creation's history row is written after the relations, so that it holds them too
    (simple-history takes many-to-many snapshots when it writes a row).
    """
    record.full_clean()
    stamp.mark(record)
    if relations is None:
        record.save(force_insert=True)
        _write_audit(record, stamp)
        return record
    record.save_without_historical_record(force_insert=True)  # type: ignore[union-attr]  # added by simple-history
    relations()
    record.save(update_fields=["version"])
    history = get_history_manager_for_model(type(record))
    row = history.filter(id=record.pk).order_by("-history_date", "-history_id").first()
    history.filter(history_id=row.history_id).update(history_type="+")
    _write_audit(record, stamp)
    return record


def record_update(
    model: type[Versioned],
    record: Versioned,
    expected_version: int | None,
    acting_user,
    write: Callable[[Versioned, Stamp], list[str]],
    fields: dict,
) -> Versioned:
    """The update every service shares: lock and check the version, `write` the changes, save
    the changed fields one version up; nothing at all when nothing changed."""
    current = locked(model, record.pk, expected_version)
    stamp = Stamp(acting_user, "edit")
    changed = write(current, stamp)
    if not changed:
        return current
    return record_save(current, [f for f in changed if f in fields], stamp)


def rows_replace(
    existing: list[Child],
    wanted: list[dict],
    *,
    as_row: Callable[[Child], dict],
    build: Callable[[int, dict], Child],
    stamp: Stamp,
) -> bool:
    """Make a record's child rows (interfaces, contact persons) equal `wanted`, in order.

    Returns False and writes nothing when they already are; otherwise the old rows are
    deleted and the new ones created, each with a history row under `stamp`.
    """
    if [as_row(child) for child in existing] == wanted:
        return False
    for child in existing:
        stamp.mark(child)
        child.delete()
    for position, row in enumerate(wanted):
        child = build(position, row)
        child.full_clean()
        stamp.mark(child)
        child.save()
    return True


# The plain writes the audit log records here, by their stamp's reason; restores, review moves, deletions
# and imports write their own rows (an import one for the whole change set).
WRITE_AUDITS = {"create": AuditKind.RECORD_CREATE, "edit": AuditKind.RECORD_EDIT}


def _write_audit(record: models.Model, stamp: Stamp, **detail) -> None:
    if event := WRITE_AUDITS.get(stamp.reason):
        record_audit(event, record, stamp, **detail)


def record_audit(event: AuditKind, record: models.Model, stamp: Stamp, **detail) -> None:
    """An audit row (lokitapahtuma) for a write to a record: who, which record of which kind, why."""
    kind = declarations.BY_MODEL.get(type(record))
    organization = cast(
        "Organization | None",
        getattr(record, "organization", None) or (record if kind is declarations.ORGANIZATION else None),
    )
    audit_record(
        kind=event,
        user=stamp.user,
        organization=organization,
        record=kind.slug if kind and kind.slug else type(record)._meta.model_name,
        key=getattr(record, "key", ""),
        name=str(record),
        reason=stamp.reason,
        **detail,
    )


def record_delete(record: models.Model, stamp: Stamp, *, referred_by: dict | None = None) -> None:
    """Delete the record, audited; its history keeps the last state, and `referred_by` on the deletion row."""
    model, pk = type(record), record.pk
    stamp.mark(record)
    record_audit(AuditKind.RECORD_DELETE, record, stamp)
    record.delete()
    if referred_by is not None:
        row = (
            get_history_manager_for_model(model)
            .filter(id=pk, history_type="-")
            .order_by("-history_date", "-history_id")
            .first()
        )
        row.related = referred_by
        row.save(update_fields=["related"])


def existing_records(model: type[Child], ids: Iterable[int], what: str, warnings: list[str]) -> dict[int, Child]:
    """The records of `ids` that still exist; a warning for each one gone (restore leaves it out)."""
    ids = list(ids)
    found: dict[int, Child] = model._default_manager.in_bulk(ids)
    for missing in sorted(set(ids) - set(found)):
        warnings.append(
            _("A linked %(what)s (id %(id)s) no longer exists and was left out.") % {"what": what, "id": missing}
        )
    return found


# --- field values ----------------------------------------------------------------------

_collected: ContextVar[list[str] | None] = ContextVar("value_warnings", default=None)


@contextmanager
def value_warnings() -> Iterator[list[str]]:
    """Collect the warnings the writes inside make (characters removed, …)."""
    warnings: list[str] = []
    token = _collected.set(warnings)
    try:
        yield warnings
    finally:
        _collected.reset(token)


def _texts(value, removed: set[str]):
    if isinstance(value, str):
        text, found = without_controls(value)
        removed.update(found)
        return text
    if isinstance(value, dict):
        return {k: _texts(v, removed) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_texts(v, removed) for v in value]
    return value


def texts_cleaned(value: Any, where: Any) -> Any:
    """`value` with control characters taken out of every text in it, and a warning naming `where` if any were."""
    removed: set[str] = set()
    value = _texts(value, removed)
    if removed:
        message = _("%(where)s: removed characters that do not belong in a text (%(characters)s).") % {
            "where": where,
            "characters": ", ".join(sorted(removed)),
        }
        value_warning(message)
    return value


def value_warning(message: str) -> None:
    """Tell whoever collects `value_warnings` (or the log) of something a write changed."""
    collected = _collected.get()
    if collected is None:
        logger.warning("%s", message)
    else:
        collected.append(message)


def string_list(value, name: str) -> list[str]:
    """An ordered list of short texts (key data sets, recipients …); blanks dropped."""
    if value is None:
        return []
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
        raise ValidationError({name: _("Give a list of texts.")})
    return [v.strip() for v in value if v.strip()]


def _record_list(value, name: str, keys: tuple[str, ...], required: str) -> list[dict]:
    if value is None:
        return []
    if not isinstance(value, (list, tuple)):
        raise ValidationError({name: _("Give a list of rows.")})
    rows = []
    for i, item in enumerate(value, start=1):
        if not isinstance(item, dict) or not all(isinstance(item.get(k, ""), str) for k in keys):
            raise ValidationError({name: _("Row %(row)s is not valid.") % {"row": i}})
        row = {k: texts_cleaned(item.get(k, ""), f"{name}[{i}].{k}").strip() for k in keys}
        if not any(row.values()):
            continue
        if not row[required]:
            raise ValidationError({name: _("Row %(row)s: %(field)s is missing.") % {"row": i, "field": required}})
        rows.append(row)
    return rows


LINK_KINDS = ("web", "privacy_notice")


def link_list(value, name: str = "links") -> list[dict]:
    """[{title, url, kind}] where kind is "web" or "privacy_notice" (tietosuojaseloste); url http(s) or mailto."""
    rows = _record_list(value, name, ("title", "url", "kind"), "url")
    validate_url = URLValidator(schemes=["http", "https"])
    for i, row in enumerate(rows, start=1):
        url = row["url"]
        if not link_scheme_allowed(url):
            message = _("Row %(row)s: %(url)s is not allowed: a link must begin with http://, https:// or mailto:.")
            raise ValidationError({name: message % {"row": i, "url": url[:200]}})
        try:
            if url.lower().startswith("mailto:"):
                validate_email(url[len("mailto:") :].split("?", 1)[0])
            else:
                validate_url(url)
        except ValidationError:
            message = _("Row %(row)s: %(url)s is not a web address.") % {"row": i, "url": url[:200]}
            raise ValidationError({name: message}) from None
        row["kind"] = row["kind"] or "web"
        if row["kind"] not in LINK_KINDS:
            raise ValidationError({name: _("Row %(row)s: unknown kind of link.") % {"row": i}})
        row["title"] = row["title"] or url
    return rows


def flow_list(value, name: str = "data_flows") -> list[dict]:
    """[{target, description}]: data transferred to another resource (e.g. Koski, Varda)."""
    return _record_list(value, name, ("target", "description"), "target")


def contact_list(value, name: str = "contacts") -> list[dict]:
    return _record_list(value, name, ("name", "title", "phone", "email"), "name")


TRANSLATION_LANGUAGES = ("sv", "en")


def assign(
    record: models.Model,
    data: dict,
    cleaners: Mapping[str, Callable | None],
    *,
    relations: tuple[str, ...] = (),
) -> list[str]:
    """Set the allowed fields present in `data`; returns the names of those that changed.

    `cleaners` lists the fields a caller may change, each with its normaliser (None: the
    model's own validation in full_clean is enough); `relations` are keys the caller writes
    itself. Any other key is refused, so a form or an API cannot write review or bookkeeping
    fields by accident.
    """
    unknown = set(data) - set(cleaners) - set(relations)
    if unknown:
        raise ValidationError({name: _("This field cannot be changed here.") for name in sorted(unknown)})
    changed = []
    for name, clean in cleaners.items():
        if name not in data:
            continue
        value = clean(data[name], name) if clean else data[name]
        if isinstance(value, str):
            value = value.strip()
        model_field = record._meta.get_field(name)
        if model_field.is_relation:
            assert isinstance(model_field, models.Field), "only a record's own fields are assigned"
            # Compare ids: an unsaved record has no related object to read yet.
            if getattr(record, model_field.attname) != getattr(value, "pk", value):
                setattr(record, name, value)
                changed.append(name)
        elif getattr(record, name) != value:
            setattr(record, name, value)
            changed.append(name)
    return changed


def new_record(model: type[Owned], organization, data: dict, **fields) -> Owned:
    """An unsaved record of the organisation, last in its list, keyed by its name (unique there)."""
    siblings = model._default_manager.filter(organization=organization)
    return model(
        organization=organization,
        key=make_key(data.get("name") or "", set(siblings.values_list("key", flat=True))),
        position=siblings.count(),
        **fields,
    )


def same_organization(organization_id: int, records, name: str) -> None:
    for record in records:
        if record.organization_id != organization_id:
            raise ValidationError({name: _("%(record)s belongs to another organisation.") % {"record": record}})
