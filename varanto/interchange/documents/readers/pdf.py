"""A PDF's text into blocks with pypdf, page by page, read as plain text lines are.

A PDF shows no structure pypdf can give, so its lines are classified as a text file's are
(short lines as headings, "•" as list items); each block says its page and line. Page numbers
("Sivu 2 / 5") and a header or footer repeated on every page are left out. A PDF without its
end marker (%%EOF) is taken as cut short; one that is encrypted, or that pypdf cannot read, is refused.
"""

from __future__ import annotations

import io
import logging
import re
from collections import Counter

from pypdf import PdfReader
from pypdf.errors import PyPdfError

from ...validation import CatalogError
from ..blocks import Document, Location
from .text import line_blocks, unwrapped

MAX_PAGES = 500
PAGE_NUMBER = re.compile(r"^(?:sivu|sida|page)?\s*\d{1,4}\s*(?:/|\(|of|av|\s)\s*\d{1,4}\)?$|^\d{1,4}$", re.I)


def read_pdf(name: str, raw: bytes) -> Document:
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings on odd files are ours to report
    try:
        reader = PdfReader(io.BytesIO(raw))
        if reader.is_encrypted:
            raise CatalogError([f"{name}: the PDF is encrypted; save it without a password and import it again"])
        if len(reader.pages) > MAX_PAGES:
            raise CatalogError([f"{name}: the PDF has {len(reader.pages)} pages; an import reads at most {MAX_PAGES}"])
        pages = [(page.extract_text() or "").splitlines() for page in reader.pages]
        title = (reader.metadata.title if reader.metadata else "") or ""
    except CatalogError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError, RecursionError) as exc:
        if b"%%EOF" not in raw[-2048:]:
            raise CatalogError([f"{name}: the PDF ends before its end marker (%%EOF): it is cut short"]) from None
        raise CatalogError([f"{name}: not a PDF whose text can be read ({type(exc).__name__})"]) from None
    document = Document(name=name, title=str(title).strip())
    repeated = _repeated(pages)
    lines: list[tuple[Location, str]] = []
    for number, page in enumerate(pages, start=1):
        for line_number, text in enumerate(page, start=1):
            text = text.strip()
            if PAGE_NUMBER.match(text) or text in repeated:
                continue
            lines.append((Location(name, page=number, line=line_number), text))
    if not any(text for _, text in lines):
        raise CatalogError([f"{name}: the PDF has no text to read (a scanned image needs text recognition first)"])
    document.blocks = line_blocks(unwrapped(lines, always=True), document.notes)
    if b"%%EOF" not in raw[-2048:]:
        document.cut_short = "the PDF has no end marker (%%EOF)"
    return document


def _repeated(pages: list[list[str]]) -> set[str]:
    """A header or footer: the first or last line of every page, when there are several pages."""
    if len(pages) < 3:
        return set()
    ends = Counter(line.strip() for page in pages for line in {page[0], page[-1]} if page)
    return {line for line, count in ends.items() if line and count == len(pages)}
