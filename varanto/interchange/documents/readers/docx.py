"""A Word document (DOCX) into blocks with python-docx: heading styles give heading levels,
numbering and list styles give list items, tables give rows, in the document's order.

A DOCX file is a zip of XML: what it unpacks to, and that no part declares a DTD or entities,
is checked before python-docx reads it. Paragraphs in no heading or list style are read as
plain text lines are (a bold-free short line may still be a heading, a typed "•" a list item).
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import docx
from docx.table import Table
from docx.text.paragraph import Paragraph

from ...limits import zip_size_check, zip_xml_check
from ...validation import CatalogError
from ..blocks import Block, Document, Kind, Location
from ..recognition.vocabulary import vocabulary
from .text import line_blocks

HEADING_STYLE = re.compile(r"^(?:heading|otsikko|rubrik|överskrift)\s*(\d)$", re.I)
TITLE_STYLE = re.compile(r"^(?:title|otsikko|rubrik|titel)$", re.I)
LIST_STYLE = re.compile(r"list|luettelo|lista", re.I)
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def read_docx(name: str, raw: bytes) -> Document:
    place = Path(name)
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            zip_size_check(place, archive)
            zip_xml_check(place, archive, "the document")
        word = docx.Document(io.BytesIO(raw))
    except CatalogError:
        raise
    except Exception as exc:  # python-docx raises what its parts raise: KeyError, ValueError, lxml's errors
        raise CatalogError([f"{name}: not a Word document (.docx) that can be read ({type(exc).__name__})"]) from None
    document = Document(name=name, title=(word.core_properties.title or "").strip())
    plain: list[tuple[Location, str]] = []

    def flush() -> None:
        document.blocks.extend(line_blocks(plain, document.notes))
        plain.clear()

    number = 0
    for child in word.element.body.iterchildren():
        if child.tag == f"{W}p":
            number += 1
            paragraph = Paragraph(child, word)
            text = paragraph.text.strip()
            if not text:
                continue
            where = Location(name, element=f"paragraph {number}")
            style = paragraph.style.name if paragraph.style is not None else ""
            heading = HEADING_STYLE.match(style or "")
            numbered = child.find(f"{W}pPr/{W}numPr")
            if heading or TITLE_STYLE.match(style or ""):
                flush()
                level = int(heading.group(1)) if heading else 1
                document.blocks.append(Block(Kind.HEADING, text, where, level=level))
            elif numbered is not None or LIST_STYLE.search(style or ""):
                flush()
                depth = numbered.find(f"{W}ilvl") if numbered is not None else None
                level = int(depth.get(f"{W}val", "0")) + 1 if depth is not None else 1
                document.blocks.append(Block(Kind.ITEM, text, where, level=level, marker="•"))
            else:
                plain.append((where, text))
        elif child.tag == f"{W}tbl":
            flush()
            number += 1
            _table(Table(child, word), name, number, document)
    flush()
    return document


def _table(table, name: str, number: int, document: Document) -> None:
    rows = [tuple(cell.text.strip().replace("\n", " ") for cell in row.cells) for row in table.rows]
    rows = [r for r in rows if any(r)]
    if not rows:
        return
    if all(len(r) == 2 for r in rows) and len(rows) > 1 and not _header_like(rows[0]):
        for index, (label, value) in enumerate(rows, start=1):
            where = Location(name, row=index, element=f"table {number}")
            document.blocks.append(Block(Kind.PARAGRAPH, f"{label.rstrip(':')}: {value}", where))
        return
    header = rows[0]
    for index, cells in enumerate(rows[1:], start=2):
        where = Location(name, row=index, element=f"table {number}")
        document.blocks.append(Block(Kind.ROW, " | ".join(cells), where, cells=cells, header=header))


def _header_like(row: tuple[str, ...]) -> bool:
    return vocabulary().is_header(row)
