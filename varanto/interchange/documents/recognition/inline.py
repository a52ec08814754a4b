"""Labels written inline in a paragraph or list item, with the name that may stand before them.

"Tietovarannon käyttötarkoitus: …"                        one field
"Hallintoasioiden tietovaranto. Käyttötarkoitus: … Vastuu: …"   a resource's name, then fields
"Talous, Vastuu: konsernitalouspäällikkö"                 a name and its responsible
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .vocabulary import Vocabulary

COLON = re.compile(r":(?!//)")
NAME_END = re.compile(r"(?:\.\s+|,\s+|;\s+|\s+[–-]\s+)")
# A further label inside the value starts a sentence or follows a semicolon or dash.
NEXT_LABEL = re.compile(r"(?:(?<=[.;])\s+|\s+[–-]\s+)(?P<label>[^\s.:;][^.:;]{0,59}?):(?!//)\s*")


@dataclass(frozen=True)
class Labelled:
    name: str  # what stands before the first label ("" when the text starts with it)
    fields: tuple[tuple[str, str, str], ...]  # (field, label as written, value)


def _first_label(text: str, words: Vocabulary) -> tuple[str, str, int] | None:
    """(name, label, end of the colon) of the text's first label, or None."""
    colon = COLON.search(text)
    dashed = words.dash_label(text)
    if dashed and (not colon or colon.start() > dashed[1]):
        return "", dashed[0], dashed[1]
    if not colon:
        return None
    head = text[: colon.start()]
    if "(" in head and ")" not in head:
        return None
    ends = list(NAME_END.finditer(head))
    if ends:
        # "Name. Käyttötarkoitus:": a name before the label, unless what stands before is a label
        # itself ("Hakutekijät, joilla tietoja voidaan hakea järjestelmästä:").
        cut = ends[-1]
        name, label = head[: cut.start()].strip(), head[cut.end() :].strip()
        if name and words.label_field(label) and not words.heading_field(name.split(". ")[-1]):
            return name, label, colon.end()
    if words.label_field(head):
        return "", head.strip(), colon.end()
    # "Imatran kaupungin ostolaskut: Vastuu: konsernitalouspäällikkö"
    rest = text[colon.end() :]
    second = COLON.search(rest)
    if second and head.strip() and len(head.split()) <= 12 and words.label_field(rest[: second.start()]):
        return head.strip(), rest[: second.start()].strip(), colon.end() + second.end()
    return None


def labelled(text: str, words: Vocabulary) -> Labelled | None:
    """The labels in `text` and their values, or None when it starts with no known label."""
    first = _first_label(text, words)
    if first is None:
        return None
    name, label, start = first
    fields: list[tuple[str, str, str]] = []
    current = (words.label_field(label) or "", label)
    position = start
    while True:
        following = None
        for match in NEXT_LABEL.finditer(text, position):
            if words.label_field(match["label"]) and len(match["label"].split()) <= 6:
                following = match
                break
        end = following.start() if following else len(text)
        fields.append((current[0], current[1], text[position:end].strip()))
        if following is None:
            break
        current = (words.label_field(following["label"]) or "", following["label"])
        position = following.end()
    return Labelled(name=name, fields=tuple(fields))
