"""Plain text (and the text of a PDF page) into blocks, guessing what the layout shows.

Plain text shows no heading levels: a short line that does not end a sentence is taken as a
heading of unknown level (0), one in capitals as level 1. A bullet ("•", "-", "–", "*") or a
number ("1)", "2.") starts a list item; a numbered short line before other text is a chapter
heading. Web-page furniture ("Tekstikoko", "Sivukartta") is dropped with a note; a skip link
("Siirry sisältöön") marks where a web page begins.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ...textpage.source import clean, decode_text, split_lines
from ..blocks import Block, Document, Kind, Location
from ..recognition.vocabulary import vocabulary

BULLET = re.compile(r"^\s*(?P<marker>[•\-–—*·▪◦‣●○■□➢►]|\d{1,2}[.)](?!\d)|[a-zåäö]\))\s*(?P<text>\S.*)$")
SENTENCE_END = re.compile(r"[.,;!]\s*$|[.!]\W*$")
LABEL_VALUE = re.compile(r"^[^:]{1,80}:\s*\S")


def _is_heading(text: str) -> bool:
    return (
        len(text) <= 120
        and vocabulary().dash_label(text) is None
        and not SENTENCE_END.search(text)
        and not LABEL_VALUE.match(text)
        and (text[:1].isupper() or text[:1].isdigit())
    )


def _numbered_neighbour(lines: list[tuple[Location, str]], index: int) -> bool:
    """Whether the line before or after is numbered too (a numbered list, not a chapter heading)."""
    for other in (index - 1, index + 1):
        if 0 <= other < len(lines):
            bullet = BULLET.match(lines[other][1])
            if bullet and bullet["marker"][0].isdigit():
                return True
    return False


def _starts_with_label(text: str) -> bool:
    head, colon, _ = text.partition(":")
    return bool(colon) and vocabulary().label_field(head) is not None


def unwrapped(lines: list[tuple[Location, str]], *, always: bool = False) -> list[tuple[Location, str]]:
    """Lines joined where a paragraph was wrapped to a width (a PDF's lines, a text file saved
    wrapped): a line goes on when the next begins in lower case, or when it fills the width and
    ends no sentence. `always` says the lines are wrapped (a PDF); else they count as wrapped when
    many are of nearly the same, modest width."""
    widths = [len(t.strip()) for _, t in lines if t.strip()]
    if not widths:
        return lines
    width = max(widths)
    full = sum(1 for w in widths if w >= 0.85 * width)
    if not always and not (width <= 100 and full >= max(3, len(widths) // 3)):
        return lines
    out: list[tuple[Location, str]] = []
    for at, written in lines:
        text = written.strip()
        if out and text and out[-1][1].strip():
            before = out[-1][1]
            goes_on = (
                len(before.strip()) >= width // 2
                and not SENTENCE_END.search(before)
                and not before.endswith((":", "?"))
                and not BULLET.match(text)
                and not _starts_with_label(text)
            )
            if goes_on and (text[:1].islower() or len(before.strip()) >= 0.85 * width):
                if before.endswith("-") and not re.match(r"(ja|tai|sekä|och|eller)\b", text):
                    out[-1] = (out[-1][0], before + text)
                else:
                    out[-1] = (out[-1][0], f"{before} {text}")
                continue
        out.append((at, written))  # as written: its indentation tells a sub-item from an item
    return out


def line_blocks(lines: Iterable[tuple[Location, str]], notes: list[str]) -> list[Block]:
    """Blocks of lines of text, each with where it stands."""
    words = vocabulary()
    kept = [(at, clean(t), len(t) - len(t.lstrip())) for at, t in lines]
    kept = [line for line in kept if line[1]]
    candidates = [(at, t) for at, t, _ in kept]
    blocks: list[Block] = []
    for index, (at, text) in enumerate(candidates):
        if words.is_skip_link(text):
            blocks.append(Block(Kind.PAGE, "", at))
            continue
        if words.is_clutter(text):
            notes.append(f"{at}: page furniture {text!r} left out")
            continue
        bullet = BULLET.match(text)
        if bullet:
            marker, body = bullet["marker"], bullet["text"].strip()
            after_label = index > 0 and words.heading_field(candidates[index - 1][1]) is not None
            if (
                marker[0].isdigit()
                and _is_heading(body)
                and not after_label
                and not _numbered_neighbour(candidates, index)
            ):
                blocks.append(Block(Kind.HEADING, body, at, level=0, marker=marker))
            else:
                depth = 1 + kept[index][2] // 2  # "  - Käyttötarkoitus: …" under "- Kaavoitus"
                blocks.append(Block(Kind.ITEM, body, at, level=depth, marker=marker))
        elif _is_heading(text):
            letters = [ch for ch in text if ch.isalpha()]
            capitals = len(letters) >= 4 and all(ch.isupper() for ch in letters)
            blocks.append(Block(Kind.HEADING, text, at, level=1 if capitals else 0))
        else:
            blocks.append(Block(Kind.PARAGRAPH, text, at))
    return blocks


def read_plain_text(name: str, raw: bytes) -> Document:
    text, notes = decode_text(raw, name)
    document = Document(name=name, notes=[f"{name}, {n}" for n in notes])
    lines = split_lines(text)  # a heading glued to a bold one ("PALVELUT**Talous, …**") becomes two
    raws = re.split(r"\r\n|\r|\n", text)
    indents = [len(raw.expandtabs(4)) - len(raw.expandtabs(4).lstrip()) for raw in raws]
    # split_lines cleans each line; its indentation is kept, since it tells a sub-item from an item
    numbered = [(Location(name, line=line.number), " " * indents[line.number - 1] + line.text) for line in lines]
    document.blocks = line_blocks(unwrapped(numbered), document.notes)
    return document
