"""Sheets of cells back into a canonical catalogue (the reader shared by the CSV and XLSX readers).

Every problem is reported with where it is: sheet (or file), row and column, as a person sees
them in Excel. The reader checks what a spreadsheet can get wrong (headings, cell values,
references, duplicate keys, the model's field rules and the JSON Schema) and collects every
problem before it gives up; `interchange.services.catalog_import` then writes the result in one
transaction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from jsonschema import Draft202012Validator
from openpyxl.utils import get_column_letter

from varanto.core.keys import make_key
from varanto.interchange.canonical import FORMAT, interfaces_lifted
from varanto.interchange.validation import CatalogError, catalog_schema

from .cells import OMIT, CellError, cell_text
from .layout import LANGUAGES, LAYERS, ORGANIZATION, RESOURCES, SECTIONS, SERVICES, SYSTEMS, Column, Table
from .sheets import PARENT, catalog_refs, set_path, translation_column

TRANSLATION_HEADING = re.compile(rf"^(?P<base>.+) \((?P<lang>{'|'.join(LANGUAGES.values())})\)$")
IDENTIFIER = re.compile(r"^[a-z_]+$")  # a model field without a heading of its own, e.g. "title"
LANGUAGE_CODES = {word: code for code, word in LANGUAGES.items()}
REQUIRED_TABLES = (ORGANIZATION, SECTIONS, RESOURCES, SYSTEMS)


@dataclass
class RawSheet:
    """A sheet as read from a file: its name for messages and its rows, headings first."""

    place: str  # "sheet 'Tietovarannot'" or "tietovarannot.csv"
    rows: list[list]


@dataclass
class Reader:
    problems: list[str] = field(default_factory=list)
    # canonical path (tuple) -> where it came from, for messages about the assembled catalogue
    where: dict[tuple, str] = field(default_factory=dict)

    def problem(self, where: str, message: str) -> None:
        self.problems.append(f"{where}: {message}")


@dataclass
class Row:
    number: int
    record: dict
    cells: dict[str, str]  # column path -> "sheet …, row …, column … (heading)"
    raw: dict[str, object]  # column path -> value read but not yet resolved (references)


def _headings(sheet: RawSheet, table: Table, reader: Reader):
    """The columns of the sheet in order (None for a blank column), or None if they cannot be used."""
    headings = [cell_text(h).strip() for h in (sheet.rows[0] if sheet.rows else [])]
    known = {c.heading.casefold(): c for c in (*table.columns, *table.read_only)}
    if table is LAYERS:
        known[PARENT.heading.casefold()] = PARENT
    columns: list[Column | None] = []
    seen: set[str] = set()
    ok = True
    for index, heading in enumerate(headings):
        letter = get_column_letter(index + 1)
        column = known.get(heading.casefold())
        if column is None and (match := TRANSLATION_HEADING.match(heading)):
            base = known.get(match["base"].casefold())
            attr = dict(table.spec).get(base.path, base.path) if base else match["base"]
            if base or IDENTIFIER.match(attr):
                column = translation_column(table, attr, LANGUAGE_CODES[match["lang"]])
        if not heading:
            columns.append(None)
            continue
        if column is None:
            reader.problem(
                f"{sheet.place}, column {letter}",
                f"unknown heading {heading!r}; expected one of: " + ", ".join(c.heading for c in table.columns),
            )
            ok = False
        elif column.path in seen:
            reader.problem(f"{sheet.place}, column {letter}", f"the heading {heading!r} appears twice")
            ok = False
        else:
            seen.add(column.path)
        columns.append(column)
    for path in table.required + (("service",) if table is LAYERS else ()):
        if path not in seen:
            heading = (table.column(path) or PARENT).heading
            reader.problem(sheet.place, f"the column {heading!r} is missing")
            ok = False
    return columns if ok else None


def _read_rows(sheet: RawSheet, table: Table, reader: Reader) -> list[Row]:
    columns = _headings(sheet, table, reader)
    if columns is None:
        return []
    rows = []
    for offset, cells in enumerate(sheet.rows[1:]):
        number = offset + 2
        if not any(cell_text(c).strip() for c in cells):
            continue
        row = Row(number, {}, {}, {})
        # A row may run on past the headings (a CSV line with too many separators).
        for index, column in enumerate(columns + [None] * (len(cells) - len(columns))):
            cell = cells[index] if index < len(cells) else None
            where = f"{sheet.place}, row {number}, column {get_column_letter(index + 1)}"
            if column is None:
                if cell_text(cell).strip():
                    reader.problem(where, "a value in a column without a heading")
                continue
            where += f" ({column.heading})"
            row.cells[column.path] = where
            try:
                value = column.codec.read(cell)
            except CellError as exc:
                reader.problem(where, str(exc))
                continue
            if column.path in table.required and not column.codec.reference and not (value or "").strip():
                reader.problem(where, "a value is required")
            if column.codec.reference:
                row.raw[column.path] = value
            elif column.path.startswith("translations."):
                row.record.setdefault("translations", {})
                if value:
                    set_path(row.record, column.path, value)
            elif value is not OMIT:
                set_path(row.record, column.path, value)
        rows.append(row)
    return rows


def _give_keys(rows: list[Row], table: Table) -> None:
    """A record without a key gets one made from its name, as the importer of published pages does."""
    if table.column("key") is None:
        return
    taken = {r.record["key"] for r in rows if r.record.get("key")}
    for row in rows:
        if not row.record.get("key"):
            # An interface has no name to go by, but its two systems, as written.
            ends = " ".join(str(row.raw.get(p) or "") for p in ("from", "to")).strip()
            row.record["key"] = make_key(row.record.get("name") or ends or table.title, taken)


def _check_unique(rows: list[Row], table: Table, reader: Reader) -> None:
    for path, fold in (("key", str), ("name", str.casefold)):
        if path == "name" and table is not SYSTEMS or table.column(path) is None:
            continue
        first: dict[str, int] = {}
        for row in rows:
            value = row.record.get(path)
            if not isinstance(value, str) or not value:
                continue
            if fold(value) in first:
                where = row.cells.get(path, f"{row.cells.get('name', table.title)}")
                reader.problem(where, f"{value!r} is already used on row {first[fold(value)]}")
            else:
                first[fold(value)] = row.number


def _check_model_rules(rows: list[Row], table: Table, reader: Reader) -> None:
    """The model's own field rules (length, address and e-mail syntax), reported at the cell."""
    attrs = dict(table.spec)
    for row in rows:
        for path, where in row.cells.items():
            attr = attrs.get(path)
            value: Any = row.record
            for part in path.split("."):
                value = value.get(part) if isinstance(value, dict) else None
            if attr is None or not isinstance(value, str) or not value:
                continue
            model_field = table.model._meta.get_field(attr)
            assert isinstance(model_field, models.Field), "table columns are the model's own fields"
            try:
                # A date's or number's cell is its text; a reference is resolved by key later.
                model_field.run_validators(value if model_field.is_relation else model_field.to_python(value))
            except ValidationError as exc:
                reader.problem(where, " ".join(exc.messages))


def _resolve(rows: list[Row], refs, reader: Reader, table: Table) -> None:
    columns = {c.path: c for c in (*table.columns, *table.read_only)} | {PARENT.path: PARENT}
    for row in rows:
        for path, raw in row.raw.items():
            try:
                set_path(row.record, path, columns[path].codec.resolve(raw, refs))
            except CellError as exc:
                reader.problem(row.cells[path], str(exc))


def catalog_from_sheets(sheets: dict[Table, RawSheet]) -> dict:
    """The canonical catalogue in the sheets; CatalogError listing every problem with its cell."""
    reader = Reader()
    for table in REQUIRED_TABLES:
        if table not in sheets:
            reader.problem(table.title, f"the table is missing ({table.file_name} or the sheet {table.title!r})")
    if reader.problems:
        raise CatalogError(reader.problems)

    rows = {table: _read_rows(sheet, table, reader) for table, sheet in sheets.items()}
    for table, table_rows in rows.items():
        _give_keys(table_rows, table)
        _check_unique(table_rows, table, reader)
        _check_model_rules(table_rows, table, reader)
    catalog = _assemble(rows, reader)
    refs = catalog_refs(catalog)
    for table, table_rows in rows.items():
        _resolve(table_rows, refs, reader, table)
    _attach_layers(catalog, rows, reader)
    interfaces_lifted(catalog)  # an older file's interface column becomes records of the Liittymät table
    if not reader.problems:
        _check_schema(catalog, reader)
    if reader.problems:
        raise CatalogError(reader.problems)
    return catalog


def _assemble(rows: dict[Table, list[Row]], reader: Reader) -> dict:
    organization_rows = rows[ORGANIZATION]
    if len(organization_rows) != 1:
        reader.problem(ORGANIZATION.title, f"exactly one row is needed, found {len(organization_rows)}")
    organization = organization_rows[0].record if organization_rows else {"name": ""}
    catalog: dict = {"format": FORMAT, "organization": organization}
    for table, table_rows in rows.items():
        if table in (ORGANIZATION, LAYERS):
            continue
        *parents, last = table.location
        node = catalog
        for part in parents:
            node = node.setdefault(part, {})
        node[last] = [row.record for row in table_rows]
        base = tuple(table.location)
        for index, row in enumerate(table_rows):
            _remember(reader, base + (index,), row)
    if organization_rows:
        _remember(reader, ("organization",), organization_rows[0])
    return catalog


def _remember(reader: Reader, base: tuple, row: Row) -> None:
    reader.where[base] = row.cells.get("name", next(iter(row.cells.values()), "")).rsplit(", column", 1)[0]
    for path, where in row.cells.items():
        reader.where[base + tuple(path.split("."))] = where


def _attach_layers(catalog: dict, rows: dict[Table, list[Row]], reader: Reader) -> None:
    if LAYERS not in rows:
        return
    services = catalog.setdefault("open_data", {}).setdefault("services", [])
    by_key = {s["key"]: s for s in services}
    for service in services:
        service["layers"] = []
    for row in rows[LAYERS]:
        service = by_key.get(row.record.pop("service", None))
        if service is None:
            continue  # an unresolved reference, already reported
        position = (*SERVICES.location, services.index(service), "layers", len(service["layers"]))
        _remember(reader, position, row)
        service["layers"].append(row.record)


def _check_schema(catalog: dict, reader: Reader) -> None:
    validator = Draft202012Validator(catalog_schema(), format_checker=Draft202012Validator.FORMAT_CHECKER)
    for error in sorted(validator.iter_errors(catalog), key=lambda e: list(map(str, e.absolute_path))):
        path = tuple(error.absolute_path)
        while path and path not in reader.where:
            path = path[:-1]
        reader.problem(reader.where.get(path, "(catalogue)"), error.message)
