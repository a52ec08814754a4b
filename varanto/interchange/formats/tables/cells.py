"""Cell codecs: how one canonical value is written into a spreadsheet cell and read back.

Cells are what a person sees in Excel, so lists are one item per line, choices are Finnish
words, yes/no is "kyllä"/"ei" and dates are dates. Reading is lenient about what a person may
type (codes as well as words, "1.2.2025" as well as "2025-02-01") and strict about what it
cannot understand: a `CellError` says what is wrong, and the reader adds where.

Written cell values are str, int, datetime.date or None; read cells may also be float, bool
or datetime (openpyxl's types). References to other records are resolved later, by the
reader, through `Refs`.
"""

from __future__ import annotations

import datetime
import logging
import re

logger = logging.getLogger(__name__)


class CellError(ValueError):
    """A cell whose content cannot be read; the message says why, the reader says where."""


OMIT = object()  # a blank cell whose value the model provides (e.g. the review cycle)


def cell_text(cell) -> str:
    """The text of a cell as a person typed it; numbers that Excel made of codes become text again."""
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return "kyllä" if cell else "ei"
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, datetime.datetime):
        return cell.date().isoformat() if cell.time() == datetime.time() else cell.isoformat()
    if isinstance(cell, datetime.date):
        return cell.isoformat()
    return str(cell)


def split_lines(cell) -> list[str]:
    return [line.strip() for line in cell_text(cell).splitlines() if line.strip()]


def join_lines(items: list[str]) -> str:
    # A line break inside an item would split it in two on reading: keep each item on one line.
    safe = []
    for item in items:
        if "\n" in item or "\r" in item:
            logger.warning("list item %r holds a line break; written on one line", item[:60])
            item = " ".join(item.split())
        safe.append(item)
    return "\n".join(safe)


class Codec:
    """Text in and out; subclasses override what differs."""

    allowed: tuple[str, ...] = ()  # the words a person may type, for instructions and drop-downs
    reference: str | None = None  # the kind of record referred to, resolved by the reader

    def write(self, value, refs: Refs):
        return value

    def read(self, cell):
        return cell_text(cell)

    def resolve(self, raw, refs: Refs):
        """The value once the other tables are known (references are resolved here)."""
        return raw


class Text(Codec):
    pass


class Lines(Codec):
    """An ordered list of strings, one per line in the cell."""

    def write(self, value, refs):
        return join_lines(value)

    def read(self, cell):
        return split_lines(cell)


class Choice(Codec):
    """A code written as its Finnish word; codes themselves are accepted too.

    A blank cell is "not stated" where the field may be empty (`nullable`), else the model's default.
    """

    def __init__(self, words: dict[str, str], *, nullable: bool = True):
        self.words = words
        self.nullable = nullable
        self.allowed = tuple(words.values())
        self._lookup = {w.casefold(): code for code, w in words.items()} | {c.casefold(): c for c in words}

    def write(self, value, refs):
        return self.words.get(value, value) if value else ""

    def read(self, cell):
        text = cell_text(cell).strip()
        if not text:
            return None if self.nullable else OMIT
        try:
            return self._lookup[text.casefold()]
        except KeyError:
            raise CellError(f"{text!r} is not one of: {', '.join(self.allowed)}") from None


YES_WORDS = {"kyllä", "k", "yes", "y", "true", "tosi", "1", "x", "ja"}
NO_WORDS = {"ei", "e", "no", "n", "false", "epätosi", "0", "nej"}


class Flag(Codec):
    """Yes/no as "kyllä"/"ei"; a blank cell is "not stated" where the model allows it."""

    allowed = ("kyllä", "ei")

    def __init__(self, *, nullable: bool):
        self.nullable = nullable

    def write(self, value, refs):
        return "" if value is None else ("kyllä" if value else "ei")

    def read(self, cell):
        if isinstance(cell, bool):
            return cell
        text = cell_text(cell).strip().casefold()
        if not text:
            return None if self.nullable else False
        if text in YES_WORDS:
            return True
        if text in NO_WORDS:
            return False
        raise CellError(f"{cell_text(cell)!r} is not kyllä or ei")


FINNISH_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")


class Day(Codec):
    """An ISO date in the catalogue, a date cell in a workbook; "21.2.2023" and "2023-02-21" are read."""

    def write(self, value, refs):
        return datetime.date.fromisoformat(value) if value else None

    def read(self, cell):
        if isinstance(cell, datetime.datetime):
            return cell.date().isoformat()
        if isinstance(cell, datetime.date):
            return cell.isoformat()
        text = cell_text(cell).strip()
        if not text:
            return None
        finnish = FINNISH_DATE.match(text)
        try:
            if finnish:
                day, month, year = map(int, finnish.groups())
                return datetime.date(year, month, day).isoformat()
            return datetime.date.fromisoformat(text).isoformat()
        except ValueError:
            raise CellError(f"{text!r} is not a date; write it as 21.2.2023") from None


class Count(Codec):
    """A whole number; a blank cell is "not stated" where the field may be empty (`nullable`), else
    leaves the model's default."""

    def __init__(self, *, nullable: bool = False):
        self.nullable = nullable

    def write(self, value, refs):
        return "" if value is None else value

    def read(self, cell):
        if isinstance(cell, bool):
            raise CellError("a whole number is required")
        if isinstance(cell, int):
            return cell
        text = cell_text(cell).strip()
        if not text:
            return None if self.nullable else OMIT
        try:
            return int(text.replace("−", "-"))
        except ValueError:
            raise CellError(f"{text!r} is not a whole number") from None


class Reference(Codec):
    """A record of another table, written by name where the name is unambiguous, else by its key."""

    reference: str

    def __init__(self, kind: str, *, many: bool = False, required: bool = False):
        self.reference = kind
        self.many = many
        self.required = required

    def write(self, value, refs):
        if self.many:
            return join_lines([refs.label(self.reference, v) for v in value])
        return refs.label(self.reference, value) if value else ""

    def read(self, cell):
        return split_lines(cell) if self.many else cell_text(cell).strip()

    def resolve(self, raw, refs: Refs):
        if self.many:
            return [refs.resolve(self.reference, text) for text in raw]
        if not raw:
            if self.required:
                raise CellError(f"a {refs.noun(self.reference)} is required")
            return None
        return refs.resolve(self.reference, raw)


class SystemLines(Reference):
    """Systems with a text each, one per line: "KeyPro (verkosto)" for a resource's use of a system,
    "M-Files: arkistointi" for an interface. The system's name is found by the names the
    catalogue has, so a name or a text may hold the separator too."""

    def __init__(self, name_key: str, text_key: str, opening: str, closing: str, example: str):
        super().__init__("systems", many=True)
        self.keys, self.opening, self.closing, self.example = (name_key, text_key), opening, closing, example

    def write(self, value, refs):
        name, text = self.keys
        return join_lines(
            [f"{r[name]}{self.opening}{r[text]}{self.closing}" if r.get(text) else r[name] for r in value]
        )

    def resolve(self, raw, refs):
        return [self._one(line, refs) for line in raw]

    def _one(self, line: str, refs: Refs) -> dict:
        name_key, text_key = self.keys
        name = refs.find("systems", line)
        if name is not None:
            return {name_key: name, text_key: ""}
        if line.endswith(self.closing):
            for match in re.finditer(re.escape(self.opening), line):
                name = refs.find("systems", line[: match.start()])
                if name is not None:
                    text = line[match.end() : len(line) - len(self.closing)]
                    return {name_key: name, text_key: text.strip()}
        raise CellError(f'{line!r}: no system of that name (write a system as "Name" or "{self.example}")')


def system_uses() -> SystemLines:
    return SystemLines("name", "usage", " (", ")", "Name (use)")


def system_interfaces() -> SystemLines:
    return SystemLines("system", "description", ": ", "", "Name: description")


class Flows(Codec):
    """Data flows to other data resources, one per line: "Koski: what is passed"."""

    def write(self, value, refs):
        return join_lines(
            [f"{f['target']}: {f['description']}" if f.get("description") else f["target"] for f in value]
        )

    def read(self, cell):
        flows = []
        for line in split_lines(cell):
            target, _, description = line.partition(": ")
            flows.append({"target": target.strip(), "description": description.strip()})
        return flows


PRIVACY_NOTICE = "tietosuojaseloste"
WEB_PAGE = "verkkosivu"
LINK = re.compile(r"^(?:(?P<title>.*?)\s*<(?P<url>[^<>\s]+)>|(?P<bare>\S+))\s*(?:\[(?P<kind>[^\]]*)\])?$")


class Links(Codec):
    """Links, one per line: "Title <https://…>", with " [tietosuojaseloste]" after a privacy notice."""

    allowed = (WEB_PAGE, PRIVACY_NOTICE)

    def write(self, value, refs):
        lines = []
        for link in value:
            text = f"{link['title']} <{link['url']}>" if link.get("title") else link["url"]
            if link.get("kind") == "privacy_notice":
                text += f" [{PRIVACY_NOTICE}]"
            lines.append(text)
        return join_lines(lines)

    def read(self, cell):
        links = []
        for line in split_lines(cell):
            match = LINK.match(line)
            if not match:
                raise CellError(f"{line!r} is not a link; write it as Title <https://…>")
            kind = (match["kind"] or WEB_PAGE).strip().casefold()
            if kind not in (WEB_PAGE, PRIVACY_NOTICE):
                raise CellError(f"[{match['kind']}]: a link is marked [{PRIVACY_NOTICE}] or not at all")
            links.append(
                {
                    "title": (match["title"] or "").strip(),
                    "url": match["url"] or match["bare"],
                    "kind": "privacy_notice" if kind == PRIVACY_NOTICE else "web",
                }
            )
        return links


class Refs:
    """The records of a catalogue that others refer to, by kind, for writing and resolving references.

    Sections, processes, data resources and data services are referred to by key in the
    canonical format; systems by name. A person may write either the key or the name.
    """

    NOUNS = {
        "sections": "section",
        "systems": "system",
        "processes": "process",
        "interfaces": "system interface",
        "resources": "data resource",
        "services": "data service",
        "records_management.task_classes": "task class",
        "records_management.actions": "phase or action",
    }

    def __init__(self, records: dict[str, list[dict]]):
        self._records = records

    def noun(self, kind: str) -> str:
        return self.NOUNS[kind]

    def _canonical(self, kind: str, record: dict) -> str:
        return record["name"] if kind == "systems" else record["key"]

    def find(self, kind: str, text: str) -> str | None:
        """The canonical reference for `text` (a key, or a name unique among the kind), or None."""
        text = text.strip()
        records = self._records.get(kind, [])
        for record in records:
            if record.get("key") == text:
                return self._canonical(kind, record)
        named = [r for r in records if r.get("name", "").casefold() == text.casefold()]
        return self._canonical(kind, named[0]) if len(named) == 1 else None

    def resolve(self, kind: str, text: str) -> str:
        found = self.find(kind, text)
        if found is None:
            raise CellError(f"no {self.noun(kind)} has the name or key {text!r}")
        return found

    def label(self, kind: str, reference: str) -> str:
        """What to write for a reference: the name where it reads back as the same record, else the key."""
        records = self._records.get(kind, [])
        record = next((r for r in records if self._canonical(kind, r) == reference), None)
        if record is None:
            return reference
        name = record.get("name", "")
        return name if name and self.find(kind, name) == reference else record.get("key", reference)
