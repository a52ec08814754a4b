"""A table of resources in another layout than Varanto's own (XLSX or CSV) into rows.

One row per resource, the first non-empty row the header ("Tietovaranto", "Käyttötarkoitus",
"Vastuu", "Tietojärjestelmät"); the recogniser maps the headers to fields by the vocabulary. A
workbook's sheets each start with their name as a heading (a section), unless Excel named it
("Taul1", "Sheet1"). The workbook's zip is checked (size, DTDs) before openpyxl reads it.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
import zipfile
from pathlib import Path

from openpyxl import load_workbook

from ...limits import zip_size_check, zip_xml_check
from ...textpage.source import decode_text
from ...validation import CatalogError
from ..blocks import Block, Document, Kind, Location

DEFAULT_SHEET = re.compile(r"^(?:sheet|taul|blad|taulukko)\s*\d*$", re.I)


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime | datetime.date):
        return f"{value.day}.{value.month}.{value.year}"
    return re.sub(r"[ \t]+", " ", str(value)).strip()


def _rows_blocks(rows: list[tuple[str, ...]], name: str, sheet: str | None) -> list[Block]:
    blocks: list[Block] = []
    header: tuple[str, ...] = ()
    for number, cells in enumerate(rows, start=1):
        if not any(cells):
            continue
        where = Location(name, row=number, element=f"sheet {sheet!r}" if sheet else None)
        if not header:
            header = cells
            continue
        blocks.append(Block(Kind.ROW, " | ".join(c for c in cells if c), where, cells=cells, header=header))
    return blocks


def read_xlsx_table(name: str, raw: bytes) -> Document:
    place = Path(name)
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            zip_size_check(place, archive)
            zip_xml_check(place, archive, "the workbook")
        workbook = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except CatalogError:
        raise
    except Exception as exc:  # openpyxl raises what its parts raise
        raise CatalogError([f"{name}: not an Excel workbook (.xlsx) that can be read ({type(exc).__name__})"]) from None
    document = Document(name=name)
    for ws in workbook.worksheets:
        rows = [tuple(_cell(v) for v in row) for row in ws.iter_rows(values_only=True)]
        blocks = _rows_blocks(rows, name, ws.title)
        if blocks and not DEFAULT_SHEET.match(ws.title.strip()):
            document.blocks.append(
                Block(Kind.HEADING, ws.title.strip(), Location(name, element=f"sheet {ws.title!r}"), 1)
            )
        document.blocks += blocks
    workbook.close()
    return document


def read_csv_table(name: str, raw: bytes) -> Document:
    text, notes = decode_text(raw, name)
    first = text.split("\n", 1)[0]
    delimiter = max((";", ",", "\t"), key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        rows = [tuple(_cell(c) for c in row) for row in reader]
    except csv.Error as exc:
        raise CatalogError([f"{name}, line {reader.line_num}: cannot be read as CSV ({exc})"]) from None
    return Document(name=name, blocks=_rows_blocks(rows, name, None), notes=[f"{name}, {n}" for n in notes])
