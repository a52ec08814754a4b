"""Comparing two publications (julkaisujen vertailu): which records and fields were added, removed or changed.

Records are matched by their key within each kind (sections, resources, systems, processes,
open data sets and data services); nested objects are compared field by field under dotted
paths ("disclosure.level"), lists as a whole. An empty value ("", None, [] or {}) counts as
absent, so a field that merely appeared empty in a newer format is not reported as a change.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# (kind, where the records sit in the catalogue)
RECORD_KINDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("sections", ("sections",)),
    ("resources", ("resources",)),
    ("systems", ("systems",)),
    ("processes", ("processes",)),
    ("interfaces", ("interfaces",)),
    ("datasets", ("open_data", "datasets")),
    ("services", ("open_data", "services")),
)

ADDED, REMOVED, CHANGED = "added", "removed", "changed"


def _name(record: dict) -> str:
    """A record's name; an interface may have none and goes by its two systems."""
    return record.get("name") or f"{record.get('from', '')} → {record.get('to', '')}"


@dataclass(frozen=True)
class FieldChange:
    """One field's old and new value; `path` is dotted for nested fields ("responsible.title")."""

    path: str
    old: object
    new: object

    @property
    def is_list(self) -> bool:
        return isinstance(self.old, list) or isinstance(self.new, list)

    @property
    def added_items(self) -> list:
        """For list fields: the items only the new value has."""
        old = self.old if isinstance(self.old, list) else []
        return [item for item in (self.new if isinstance(self.new, list) else []) if item not in old]

    @property
    def removed_items(self) -> list:
        """For list fields: the items only the old value had."""
        new = self.new if isinstance(self.new, list) else []
        return [item for item in (self.old if isinstance(self.old, list) else []) if item not in new]


@dataclass(frozen=True)
class RecordChange:
    kind: str
    key: str
    name: str
    status: str  # ADDED, REMOVED or CHANGED
    fields: tuple[FieldChange, ...] = ()


@dataclass
class CatalogDiff:
    organization: list[FieldChange] = field(default_factory=list)
    records: list[RecordChange] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not self.organization and not self.records

    def of_kind(self, kind: str) -> list[RecordChange]:
        return [change for change in self.records if change.kind == kind]

    def count(self, status: str) -> int:
        return sum(1 for change in self.records if change.status == status)

    def summary(self) -> str:
        """A one-line English summary for command output and logs."""
        if self.is_empty:
            return "no changes"
        parts = [f"{self.count(s)} {s}" for s in (ADDED, REMOVED, CHANGED) if self.count(s)]
        if self.organization:
            parts.append(f"{len(self.organization)} organisation field(s) changed")
        return ", ".join(parts)


def _is_empty(value) -> bool:
    return value is None or value == "" or value == [] or value == {}


def _flatten(record: dict, prefix: str = "") -> dict[str, object]:
    flat: dict[str, object] = {}
    for name, value in record.items():
        path = f"{prefix}{name}"
        if isinstance(value, dict):
            flat.update(_flatten(value, f"{path}."))
        elif not _is_empty(value):
            flat[path] = value
    return flat


def fields_diff(old: dict, new: dict, *, ignore: tuple[str, ...] = ()) -> list[FieldChange]:
    """The fields whose values differ between two versions of one record, in the new record's order."""
    before, after = _flatten(old), _flatten(new)
    paths = list(after) + [path for path in before if path not in after]
    return [
        FieldChange(path, before.get(path), after.get(path))
        for path in paths
        if path not in ignore and before.get(path) != after.get(path)
    ]


def _records(catalog: dict, where: tuple[str, ...]) -> list[dict]:
    value: Any = catalog  # nested dicts down `where`, a list of records at the end
    for part in where:
        value = value.get(part) or {}
    return value or []


def catalog_diff(old: dict, new: dict) -> CatalogDiff:
    """What changed from catalogue `old` to catalogue `new` (both canonical dicts)."""
    diff = CatalogDiff(organization=fields_diff(old.get("organization", {}), new.get("organization", {})))
    for kind, where in RECORD_KINDS:
        before = {r["key"]: r for r in _records(old, where)}
        after = {r["key"]: r for r in _records(new, where)}
        for key, record in after.items():
            if key not in before:
                diff.records.append(RecordChange(kind, key, _name(record), ADDED))
                continue
            changes = fields_diff(before[key], record, ignore=("key",))
            if changes:
                diff.records.append(RecordChange(kind, key, _name(record), CHANGED, tuple(changes)))
        for key, record in before.items():
            if key not in after:
                diff.records.append(RecordChange(kind, key, _name(record), REMOVED))
    return diff
