"""Reading a published page's text: decoding, and lines cleaned of the CMS's markup."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..limits import decode_bom, file_size_check
from ..validation import CatalogError

MARKDOWN_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]*)\)")
AUTOLINK = re.compile(r"<(https?://[^>\s]+)>")
BOLD = "**"


@dataclass(frozen=True)
class Line:
    number: int
    text: str


def read_text(path: Path) -> tuple[str, list[str]]:
    """The file's text and any notes about its encoding; CatalogError if it is not text at all."""
    file_size_check(path)
    return decode_text(path.read_bytes(), str(path))


def decode_text(raw: bytes, place: str) -> tuple[str, list[str]]:
    """The text in `raw` and any notes about its encoding; CatalogError naming `place` if it is not text.

    UTF-8, or any encoding its byte-order mark names (UTF-16 as Notepad saves it); else Windows-1252."""
    if not raw.strip():
        raise CatalogError([f"{place}: the file is empty"])
    try:
        marked = decode_bom(raw)
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise CatalogError([f"{place}, line {line}: not {exc.encoding} as its byte-order mark says"]) from None
    if marked:
        return marked[0], []
    if b"\x00" in raw[:8192]:
        raise CatalogError([f"{place}: this is a binary file, not the text of a published page"])
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        text = raw.decode("cp1252", errors="replace")
        line = raw[: exc.start].count(b"\n") + 1
        return text, [f"line {line}: the file is not UTF-8; read as Windows-1252 (check ä and ö)"]


def clean(text: str) -> str:
    """Plain text of one line: links reduced to their text and address, bold markers dropped."""

    def link(match: re.Match) -> str:
        label, href = match.groups()
        # "#" is a placeholder the CMS left behind; a real address is kept after the text.
        return label if href in ("", "#") else f"{label} ({href})"

    text = MARKDOWN_LINK.sub(link, text)
    text = AUTOLINK.sub(r"\1", text)
    return text.replace(BOLD, "").strip()


def split_lines(text: str) -> list[Line]:
    """Numbered, cleaned lines. A section heading glued to a bold resource heading
    ("PALVELUT**Rakennusvalvonta, Vastuu: …**") becomes two lines with the same number."""
    lines = []
    # Only a real line break ends a line: str.splitlines would also split at Word's manual line
    # break (\x0b) and other separators, cutting an item in two (the value rules remove them).
    raws = re.split(r"\r\n|\r|\n", text)
    if raws and raws[-1] == "":
        raws.pop()  # as splitlines: a final line break ends the last line, it does not begin another
    for number, raw in enumerate(raws, start=1):
        if BOLD in raw:
            before, _, rest = raw.partition(BOLD)
            if before.strip() and rest.strip():
                lines.append(Line(number, clean(before)))
                lines.append(Line(number, clean(rest)))
                continue
        lines.append(Line(number, clean(raw)))
    return lines
