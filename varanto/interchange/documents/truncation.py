"""The cut-short check (katkenneen tiedoston tunnistus): does a document end the way truncation looks?

A description need not state a date, so a missing date proves nothing. A file cut short ends
in the middle of something: a word (its last word is only the start of a word the document
uses elsewhere), a bracket left open, a sentence broken off after a comma or "ja", a list
whose items end in commas stopping at one with a comma, or a label with nothing after it.
Readers add what their format shows (HTML not closed, a PDF without its end marker).
"""

from __future__ import annotations

import re

from .blocks import Block, Kind

WORD = re.compile(r"[^\W\d_][\w-]*", re.UNICODE)
OPEN_ENDINGS = re.compile(r"(?:,|\bja|\bsekä|\boch|\btai|\beller|\bsekä|-)\s*$", re.I)
SENTENCE_END = re.compile(r"[.!?)\]\"”»:;]\s*$")


def cut_short(blocks: list[Block]) -> str:
    """Why the document looks cut short, or "" when its end looks whole."""
    texts = [b for b in blocks if b.kind != Kind.PAGE and (b.text or b.cells)]
    if not texts:
        return ""
    last = texts[-1]
    text = " | ".join(last.cells) if last.kind == Kind.ROW else last.text
    where = f"it ends at {last.where}: {text[-60:]!r}"
    if text.count("(") > text.count(")") or text.count("[") > text.count("]"):
        return f"a bracket is left open ({where})"
    if OPEN_ENDINGS.search(text) and last.kind != Kind.ROW:
        if last.kind == Kind.ITEM and _comma_list(texts):
            return f"a list whose items end in commas stops at one with a comma ({where})"
        if last.kind != Kind.ITEM:
            return f"a sentence breaks off ({where})"
    if last.kind in (Kind.PARAGRAPH, Kind.ITEM) and text.rstrip().endswith(":"):
        return f"a label or list has nothing after it ({where})"
    if not SENTENCE_END.search(text) and _word_cut(text, blocks):
        return f"the last word is cut ({where})"
    return ""


def _comma_list(texts: list[Block]) -> bool:
    items = []
    for block in reversed(texts):
        if block.kind != Kind.ITEM:
            break
        items.append(block.text)
    return len(items) >= 2 and all(t.rstrip().endswith(",") for t in items[1:])


def _word_cut(text: str, blocks: list[Block]) -> bool:
    words = WORD.findall(text)
    if not words:
        return False
    if not words[-1][:1].islower():
        return False  # a product or a place ("Wilma") may be a word's start and still whole
    last = words[-1].casefold()
    known: set[str] = set()
    for block in blocks:
        for word in WORD.findall(block.text):
            known.add(word.casefold())
    # The last word occurs only here; a longer word elsewhere starts with it.
    others = sum(1 for b in blocks for w in WORD.findall(b.text) if w.casefold() == last)
    return others <= 1 and any(w != last and w.startswith(last) for w in known)
