"""The records of an import, one by one: created, or updated in place by key, with what changed (see
`services.catalog_import`)."""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import models

from varanto.catalog import declarations
from varanto.catalog.models import DataResource, Organization, ReviewStatus
from varanto.catalog.services.common import Stamp, record_create, record_save
from varanto.catalog.services.values import cleaner_of
from varanto.publications.diff import FieldChange

from .canonical import Spec, _load
from .dumping import _model_field, _to_json
from .validation import CatalogError


@dataclass
class RecordChange:
    model: type[models.Model]
    key: str
    name: str
    fields: list[FieldChange] = field(default_factory=list)


@dataclass
class ChangeSet:
    """What an import does (muutokset): records added, changed field by field, removed, or kept
    because the file leaves them out and `replace` was not asked."""

    added: list[RecordChange] = field(default_factory=list)
    changed: list[RecordChange] = field(default_factory=list)
    removed: list[RecordChange] = field(default_factory=list)
    kept: list[RecordChange] = field(default_factory=list)


def _what(model: type[models.Model], label: str) -> str:
    return f"{model._meta.verbose_name} {label!r}"


@contextmanager
def _named(model: type[models.Model], label: str):
    """A validation failure names the record and the field (by its canonical path), so the file can be fixed."""
    try:
        yield
    except ValidationError as exc:
        what = _what(model, label)
        if hasattr(exc, "error_dict"):
            paths = {d.attr: d.path for d in declarations.kind_of(model).fields}
            raise CatalogError(
                [f"{what}: {paths.get(f, f)}: {' '.join(m)}" for f, m in exc.message_dict.items()]
            ) from exc
        raise CatalogError([f"{what}: {' '.join(exc.messages)}"]) from exc


def _loaded(item: dict, spec: Spec, model: type[models.Model], label: str) -> dict:
    """`_load`, every value cleaned by the rule each write path applies (`catalog.services.values`)."""
    loaded = _load(item, spec, model)
    paths = {attr: path for path, attr in spec}
    for attr, value in loaded.items():
        loaded[attr] = cleaner_of(model, attr)(value, attr, where=f"{_what(model, label)}: {paths[attr]}")
    return loaded


def _changes(
    record: models.Model, spec: Spec, item: dict, label: str, loaded: dict | None = None
) -> list[tuple[str, FieldChange]]:
    """Set the spec's fields present in `item` (`loaded`: as `_loaded` gives them) on the record; returns
    (attribute, change) for each that differs."""
    model = type(record)
    if loaded is None:
        loaded = _loaded(item, spec, model, label)
    out = []
    for path, attr in spec:
        if attr == "key" or attr not in loaded or getattr(record, attr) == loaded[attr]:
            continue
        model_field = _model_field(model, attr)
        out.append(
            (attr, FieldChange(path, _to_json(model_field, getattr(record, attr)), _to_json(model_field, loaded[attr])))
        )
        setattr(record, attr, loaded[attr])
    return out


class _Import:
    def __init__(
        self, organization: Organization, stamp: Stamp, changes: ChangeSet, *, new_organization: bool, starter: bool
    ):
        self.organization = organization
        self.stamp = stamp
        self.changes = changes
        self.new_organization = new_organization
        self.starter = starter

    def existing(self, model) -> dict[str, models.Model]:
        return {r.key: r for r in model.objects.select_for_update().filter(organization=self.organization)}

    def upsert(
        self,
        model,
        spec: Spec,
        existing: dict,
        item: dict,
        position: int,
        *,
        relations=None,
        refs=None,
        new=None,
        loaded: dict | None = None,
    ):
        """Create or update one record. `refs` are its foreign keys ({name: record or None}, shown by
        key); `new` extra fields of a new record only; `relations(record)` writes its links and
        returns [(model field or None, FieldChange)] for those that changed; `loaded` the item's
        fields, when its caller has them already (`_loaded`)."""
        refs = refs or {}
        record = existing.get(item["key"])
        label = item.get("name") or item["key"]
        with _named(model, label):
            if record is None:
                record = model(
                    organization=self.organization,
                    position=position,
                    **refs,
                    **(new or {}),
                    **(_loaded(item, spec, model, label) if loaded is None else loaded),
                )
                record_create(record, self.stamp, relations=relations and (lambda: relations(record)))
                self.changes.added.append(RecordChange(model, record.key, str(record)))
                return record
            fields = _changes(record, spec, item, label, loaded)
            for name, value in refs.items():
                before = getattr(record, name)
                if getattr(before, "pk", None) != getattr(value, "pk", None):
                    fields.append((name, FieldChange(name, getattr(before, "key", None), getattr(value, "key", None))))
                    setattr(record, name, value)
            linked = relations(record) if relations else []
            if not fields and not linked:
                if record.position != position:  # the order of a list is not a record's content
                    model.objects.filter(pk=record.pk).update(position=position)
                return record
            record.position = position
            saved = [attr for attr, _ in fields] + [name for name, _ in linked if name] + ["position"]
            if model is DataResource:
                # As a back-office edit: a changed resource awaits review again.
                record.review_status = ReviewStatus.READY_FOR_REVIEW
                saved.append("review_status")
            record_save(record, saved, self.stamp)
            self.changes.changed.append(
                RecordChange(model, record.key, str(record), [c for _, c in fields] + [c for _, c in linked])
            )
            return record

    def remove(self, records, replace: bool, delete) -> None:
        for record in records:
            change = RecordChange(type(record), record.key, str(record))
            if not replace:
                self.changes.kept.append(change)
                continue
            with _named(type(record), str(record)):
                delete(record)
            self.changes.removed.append(change)


def _relation(name: str | None, path: str, before, after) -> list:
    return [] if before == after else [(name, FieldChange(path, before, after))]
