"""XLSX: the catalogue as an Excel workbook, instructions on the first sheet, one sheet per kind of record.

Made to be read and edited by a person: bold frozen headings, wrapped multi-line cells,
drop-down lists for choices, dates as dates. `read_xlsx` reads such a workbook back into the
canonical dict (via `tables.catalog_from_sheets`); the blank template is the same workbook
with headings only.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.datavalidation import DataValidation

from varanto.core.text import without_controls

from ..limits import file_size_check, zip_size_check, zip_xml_check
from ..validation import CatalogError
from .notes import Note
from .tables import RawSheet, Sheet, catalog_from_sheets, catalog_sheets
from .tables.instructions import instruction_rows
from .tables.layout import TABLES

MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
INSTRUCTIONS = "Ohjeet"
HEADING_FONT = Font(bold=True)
HEADING_FILL = PatternFill("solid", fgColor="DCE6F1")
TOP = Alignment(vertical="top", wrap_text=True)
MAX_WIDTH = 60
VALIDATED_ROWS = 2000  # drop-down lists cover this many rows of each sheet


def catalog_xlsx(catalog: dict, *, template: bool = False) -> bytes:
    """The workbook of a catalogue (a blank template with `template=True`)."""
    sheets = catalog_sheets(catalog, template=template)
    workbook = Workbook()
    _instructions(workbook.active, sheets, catalog.get("publication"))
    for sheet in sheets:
        _data_sheet(workbook.create_sheet(sheet.table.title), sheet)
    workbook.properties.creator = "Varanto"
    workbook.properties.title = catalog.get("organization", {}).get("name") or "Varanto"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def template_xlsx() -> bytes:
    return catalog_xlsx({}, template=True)


def append_row(ws, values) -> tuple:
    """Append a row; a text stays text (a value beginning with "=" never becomes a formula) and loses
    the characters a workbook cannot hold. Every workbook Varanto writes appends its rows here."""
    ws.append([without_controls(v)[0] if isinstance(v, str) else v for v in values])
    row = ws[ws.max_row]
    for cell in row:
        if isinstance(cell.value, str):
            cell.data_type = "s"
    return row


def _instructions(ws, sheets: list[Sheet], publication: dict | None) -> None:
    ws.title = INSTRUCTIONS
    fonts = {"title": Font(bold=True, size=14), "heading": HEADING_FONT}
    for style, cells in instruction_rows(sheets, fmt="xlsx", publication=publication):
        for cell in append_row(ws, cells):
            # Paragraphs run on over the empty cells beside them; the column table wraps.
            cell.alignment = TOP if style == "column" else Alignment(vertical="top")
            if style in fonts:
                cell.font = fonts[style]
    for column, width in zip("ABC", (34, 90, 40), strict=False):
        ws.column_dimensions[column].width = width


def _data_sheet(ws, sheet: Sheet) -> None:
    for cell in append_row(ws, sheet.headings):
        cell.font = HEADING_FONT
        cell.fill = HEADING_FILL
        cell.alignment = TOP
    for values in sheet.rows:
        for cell in append_row(ws, values):
            if cell.is_date:
                cell.number_format = "d.m.yyyy"
            cell.alignment = TOP
    for index, column in enumerate(sheet.columns, start=1):
        letter = get_column_letter(index)
        lines = [len(column.heading)] + [
            len(line) for values in sheet.rows for line in str(values[index - 1] or "").splitlines()
        ]
        ws.column_dimensions[letter].width = min(max(lines) + 2, MAX_WIDTH)
        if column.codec.allowed and not column.codec.reference:
            choices = DataValidation(type="list", formula1='"' + ",".join(column.codec.allowed) + '"', allow_blank=True)
            choices.error = f"Sallitut arvot: {', '.join(column.codec.allowed)}"
            choices.showErrorMessage = column.codec.__class__.__name__ != "Links"
            ws.add_data_validation(choices)
            choices.add(f"{letter}2:{letter}{VALIDATED_ROWS}")
    ws.freeze_panes = "C2" if len(sheet.columns) > 2 else "A2"
    if sheet.rows:
        ws.auto_filter.ref = f"A1:{get_column_letter(len(sheet.columns))}{len(sheet.rows) + 1}"


def read_xlsx(source: Path | bytes) -> tuple[dict, list[Note]]:
    """The canonical catalogue in a workbook laid out as `catalog_xlsx` writes it."""
    place = source if isinstance(source, Path) else Path("the workbook")
    file_size_check(place, source.stat().st_size if isinstance(source, Path) else len(source))
    data = source.read_bytes() if isinstance(source, Path) else source
    try:
        # A workbook is a zip: what it unpacks to is checked before openpyxl reads any of it.
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            zip_size_check(place, archive)
            zip_xml_check(place, archive, "the workbook")
        workbook = load_workbook(io.BytesIO(data), data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ParseError, ValueError) as exc:
        # openpyxl reads through defusedxml and reports its refusal as a ValueError.
        if isinstance(exc.__context__, DefusedXmlException):
            raise CatalogError([f"{place}: the workbook's XML has a DTD or entities, which are not read"]) from None
        raise CatalogError([f"{place}: not an Excel workbook (.xlsx) that can be read ({exc})"]) from None
    tables = {t.title.casefold(): t for t in TABLES}
    sheets, notes = {}, []
    for ws in workbook.worksheets:
        table = tables.get(ws.title.strip().casefold())
        if table is None:
            if ws.title != INSTRUCTIONS:
                notes.append(Note(f"sheet {ws.title!r} is not one of the catalogue's tables; it was not read"))
            continue
        sheets[table] = RawSheet(f"sheet {ws.title!r}", [list(row) for row in ws.iter_rows(values_only=True)])
    return catalog_from_sheets(sheets), notes
