"""An import's change set (`services.ChangeSet`) as lines of text, grouped by kind of record."""

from __future__ import annotations

import json

from .services import ChangeSet, RecordChange

WIDTH = 70


def _value(value) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    text = text.replace("\n", " ")
    return repr(text) if len(text) <= WIDTH else repr(text[: WIDTH - 1] + "…")


def _grouped(records: list[RecordChange]) -> dict:
    groups: dict = {}
    for record in records:
        groups.setdefault(record.model._meta.verbose_name_plural, []).append(record)
    return groups


def change_set_lines(changes: ChangeSet) -> list[str]:
    """Added, changed (field by field, before → after), removed and kept records."""
    lines: list[str] = []
    for heading, records in (
        ("Added", changes.added),
        ("Changed", changes.changed),
        ("Removed", changes.removed),
        ("Not in the file, kept (--replace removes them)", changes.kept),
    ):
        if not records:
            continue
        lines.append(f"{heading}:")
        for kind, group in _grouped(records).items():
            lines.append(f"  {kind} ({len(group)}):")
            for record in group:
                lines.append(f"    • {record.name} [{record.key}]")
                for change in record.fields:
                    lines.append(f"        {change.path}: {_value(change.old)} → {_value(change.new)}")
    if not lines:
        lines.append("No changes: the catalogue already matches the file.")
    return lines
