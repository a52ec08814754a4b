"""A catalogue as sheets of cells (the builder shared by the CSV and XLSX writers).

A table is written when the catalogue holds its list (a publication has no internal
columns, so none are written for it); a column when any record holds its field. The reader
relies on the same rule the other way round, so that catalogue → sheets → catalogue gives
back the same dict.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast

from .cells import Reference, Refs, Text
from .layout import LANGUAGES, LAYERS, ORGANIZATION, PARENT_HELP, TABLES, Column, Table

MISSING = object()


def get_path(record: dict, path: str):
    for part in path.split("."):
        if not isinstance(record, dict) or part not in record:
            return MISSING
        record = record[part]
    return record


def set_path(record: dict, path: str, value) -> None:
    *parents, last = path.split(".")
    for part in parents:
        record = record.setdefault(part, {})
    record[last] = value


# cast: LAYERS names its parent column.
PARENT = Column(cast(str, LAYERS.parent), "service", Reference("services", required=True), PARENT_HELP)


def translation_column(table: Table, attr: str, language: str) -> Column:
    return Column(
        table.translation_heading(attr, language),
        f"translations.{language}.{attr}",
        Text(),
        f"Käännös {LANGUAGES[language]}; tyhjä: näytetään suomeksi.",
    )


@dataclass
class Sheet:
    """One table as its columns and rows of cell values."""

    table: Table
    columns: list[Column]
    rows: list[list]

    @property
    def headings(self) -> list[str]:
        return [c.heading for c in self.columns]


def table_records(catalog: dict, table: Table) -> list[dict] | None:
    """The table's records in the catalogue, or None when the catalogue does not hold the list."""
    if table is ORGANIZATION:
        return [catalog["organization"]] if "organization" in catalog else None
    if table is LAYERS:
        services = table_records(catalog, _table_at(("open_data", "services")))
        if not services or not all("layers" in s for s in services):
            return None
        return [{"service": s["key"], **layer} for s in services for layer in s["layers"]]
    node: Any = catalog
    for part in table.location:
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node


def _table_at(location: tuple[str, ...]) -> Table:
    return next(t for t in TABLES if t.location == location)


def catalog_refs(catalog: dict) -> Refs:
    open_data = catalog.get("open_data") or {}
    plan = catalog.get("records_management") or {}
    return Refs(
        {
            "records_management.task_classes": plan.get("task_classes", []),
            "records_management.actions": plan.get("actions", []),
            "sections": catalog.get("sections", []),
            "systems": catalog.get("systems", []),
            "processes": catalog.get("processes", []),
            "interfaces": catalog.get("interfaces", []),
            "resources": catalog.get("resources", []),
            "services": open_data.get("services", []),
        }
    )


def sheet_columns(table: Table, records: list[dict], *, template: bool) -> list[Column]:
    """The columns to write: those the records hold; all of them in the template."""
    if template or not records:
        columns = [c for c in table.columns if template or not c.internal]
        translated = bool(table.translatable)
    else:
        columns = [c for c in table.columns if any(get_path(r, c.path) is not MISSING for r in records)]
        translated = any("translations" in r for r in records)
    if table is LAYERS:
        columns.insert(0, PARENT)
    if translated:
        attrs = list(table.translatable)
        for record in records:
            for texts in (record.get("translations") or {}).values():
                attrs += [a for a in texts if a not in attrs]
        columns += [translation_column(table, a, lang) for a in attrs for lang in LANGUAGES]
    return columns


def catalog_sheets(catalog: dict, *, template: bool = False) -> list[Sheet]:
    """Every table the catalogue holds, in layout order; with `template`, every table, empty."""
    refs = catalog_refs(catalog)
    sheets = []
    for table in TABLES:
        records = [] if template else table_records(catalog, table)
        if records is None:
            continue
        columns = sheet_columns(table, records, template=template)
        rows = [[_cell(record, column, refs) for column in columns] for record in records]
        sheets.append(Sheet(table, columns, rows))
    return sheets


def _cell(record: dict, column: Column, refs: Refs):
    value = get_path(record, column.path)
    if value is MISSING:
        return None
    return column.codec.write(value, refs)
