"""CSV: the catalogue as one CSV file per kind of record, together in a zip with the instructions.

The files open directly in a Finnish Excel: UTF-8 with a byte-order mark, semicolons between
columns, dates as 21.2.2023. A cell that Excel would take for a formula (it begins with =, +,
- or @) is written after an apostrophe, which the reader removes again. `read_csv` takes the
zip, a folder of the files, or any one of the files (the others are read from its folder).
"""

from __future__ import annotations

import csv
import datetime
import io
import zipfile
from collections.abc import Iterable
from pathlib import Path

from varanto.core.text import scrubbed

from ..limits import decode_bom, file_size_check, max_unpacked_bytes, zip_size_check
from ..validation import CatalogError
from .notes import Note
from .tables import RawSheet, Sheet, catalog_from_sheets, catalog_sheets
from .tables.instructions import instruction_rows
from .tables.layout import TABLES

MEDIA_TYPE = "text/csv"
ZIP_MEDIA_TYPE = "application/zip"
README = "LUEMINUT.txt"
DELIMITER = ";"
FORMULA_START = ("=", "+", "-", "@", "'")


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return f"{value.day}.{value.month}.{value.year}"
    text = str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def rows_csv(headings: list[str], rows: Iterable[Iterable]) -> bytes:
    """Any table as a CSV file a Finnish Excel opens, no cell ever taken for a formula."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=DELIMITER, lineterminator="\r\n")
    writer.writerow([_cell(heading) for heading in headings])
    writer.writerows([_cell(v) for v in row] for row in rows)
    return out.getvalue().encode("utf-8-sig")


def sheet_csv(sheet: Sheet) -> bytes:
    return rows_csv(sheet.headings, sheet.rows)


def catalog_csv_table(catalog: dict, file_name: str) -> bytes | None:
    """One kind of record as a CSV file (e.g. "tietovarannot.csv"), or None if the catalogue has no such table."""
    sheet = next((s for s in catalog_sheets(scrubbed(catalog)) if s.table.file_name == file_name), None)
    return sheet_csv(sheet) if sheet else None


def catalog_csv_zip(catalog: dict) -> bytes:
    """Every table of the catalogue as a CSV file, with LUEMINUT.txt, in one zip."""
    sheets = catalog_sheets(catalog)
    readme = "\r\n".join(
        "\t".join(cells) for _, cells in instruction_rows(sheets, fmt="csv", publication=catalog.get("publication"))
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(README, readme.encode("utf-8-sig"))
        for sheet in sheets:
            archive.writestr(sheet.table.file_name, sheet_csv(sheet))
    return out.getvalue()


def _decode(raw: bytes, name: str, notes: list[Note]) -> str:
    try:
        marked = decode_bom(raw)
        return marked[0] if marked else raw.decode("utf-8")
    except UnicodeDecodeError:
        notes.append(Note(f"{name}: not UTF-8; read as Windows-1252 (check ä and ö)"))
        return raw.decode("cp1252", errors="replace")


def _rows(text: str, name: str) -> list[list[str]]:
    first_line = text.split("\n", 1)[0]
    delimiter = max((DELIMITER, ",", "\t"), key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        rows = list(reader)
    except csv.Error as exc:
        # A cell past csv's field limit (128 KiB) is no catalogue's: a broken quote or a crafted file.
        raise CatalogError([f"{name}, line {reader.line_num}: cannot be read as CSV ({exc})"]) from None
    return [[c[1:] if c.startswith("'") else c for c in row] for row in rows]


def _files(path: Path) -> dict[str, bytes]:
    """File name → content of the CSV files at `path` (a zip, a folder, or one file of the folder),
    within the import limits (`limits`)."""
    if path.is_file() and zipfile.is_zipfile(path):
        file_size_check(path)
        with zipfile.ZipFile(path) as archive:
            zip_size_check(path, archive)
            return {Path(n).name: archive.read(n) for n in archive.namelist() if n.lower().endswith(".csv")}
    folder = path if path.is_dir() else path.parent
    files = [p for p in sorted(folder.iterdir()) if p.suffix.lower() == ".csv" and p.is_file()]
    for file in files:
        file_size_check(file)
    total = sum(p.stat().st_size for p in files)
    if total > max_unpacked_bytes():
        raise CatalogError(
            [
                f"{folder}: the CSV files hold {total:,} bytes; an import may read at most {max_unpacked_bytes():,} (IMPORT_MAX_UNPACKED_MB)"
            ]
        )
    return {p.name: p.read_bytes() for p in files}


def read_csv(path: Path) -> tuple[dict, list[Note]]:
    """The canonical catalogue in a set of CSV files laid out as `catalog_csv_zip` writes them."""
    if path.suffix.lower() == ".zip" and not zipfile.is_zipfile(path):
        raise CatalogError([f"{path}: not a zip file that can be read"])
    tables = {t.file_name.casefold(): t for t in TABLES}
    sheets, notes = {}, []
    for name, raw in _files(path).items():
        table = tables.get(name.casefold())
        if table is None:
            notes.append(Note(f"{name} is not one of the catalogue's tables; it was not read"))
            continue
        sheets[table] = RawSheet(name, _rows(_decode(raw, name, notes), name))
    if not sheets:
        expected = ", ".join(t.file_name for t in TABLES)
        raise CatalogError([f"{path}: no catalogue tables found; expected CSV files named {expected}"])
    return catalog_from_sheets(sheets), notes
