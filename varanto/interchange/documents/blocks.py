"""A document read into blocks (lohkot): what every reader returns and the recogniser reads.

A reader keeps a document's structure as far as its format shows it (heading levels, list
items, table rows, page boundaries) and where each block stands in its file, so that whatever
is recognised, and whatever is not, can be shown beside its source.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Kind(StrEnum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    ITEM = "item"  # a list item (bullet, numbered, a definition list's term and description)
    ROW = "row"  # a table row: `cells`, and `header` (the table's header cells) when it has one
    PAGE = "page"  # a page boundary: a PDF page, a file of several, a web page's start; `text` is its title


@dataclass(frozen=True)
class Location:
    """Where a block stands: the file and, as far as the format tells, its line, page, table row or element."""

    file: str
    line: int | None = None
    page: int | None = None
    row: int | None = None
    element: str | None = None  # an HTML element's path, a DOCX paragraph number

    def __str__(self) -> str:
        parts = [self.file] if self.file else []
        if self.page is not None:
            parts.append(f"page {self.page}")
        if self.line is not None:
            parts.append(f"line {self.line}")
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.element:
            parts.append(self.element)
        return ", ".join(parts)

    def as_dict(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if v is not None} | {"text": str(self)}


@dataclass(frozen=True)
class Block:
    kind: Kind
    text: str
    where: Location
    # A heading's level (1 = highest); 0 where the format does not tell (a short line of plain text).
    # A list item's nesting depth (1 = top). Unused for other kinds.
    level: int = 0
    cells: tuple[str, ...] = ()
    header: tuple[str, ...] = ()
    # A list item's marker as written ("•", "-", "1)"), since a numbered chapter differs from a bullet.
    marker: str = ""


@dataclass
class Document:
    """One file (or pasted text) read into blocks. `cut_short` says why it looks truncated, if it does."""

    name: str
    blocks: list[Block] = field(default_factory=list)
    title: str = ""
    cut_short: str = ""
    notes: list[str] = field(default_factory=list)  # what the reader noticed: encodings, dropped page clutter
