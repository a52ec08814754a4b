"""An HTML page into blocks with a real parser (lxml): headings, paragraphs, lists, tables,
definition lists and accordions, in document order, each with its source line.

Only the page's content is read: its `<main>` (or `role="main"`, else `<article>`, else `<body>`),
without navigation, headers, footers, forms, scripts and skip links. A page whose HTML is not
closed (`<html>` without `</html>`) is taken as cut short.
"""

from __future__ import annotations

import re

from lxml import etree, html

from ...textpage.source import decode_text
from ...validation import CatalogError
from ..blocks import Block, Document, Kind, Location
from ..recognition.vocabulary import vocabulary
from .text import BULLET

DROPPED = frozenset(
    "script style noscript template nav header footer aside form svg iframe object embed select option "
    "input textarea label canvas audio video map".split()
)
DROPPED_ROLES = frozenset(("navigation", "banner", "contentinfo", "search", "complementary", "dialog", "menu"))
# Cookie banners, breadcrumbs, share buttons and text only for screen readers ("avautuu uuteen ikkunaan")
FURNITURE_CLASS = re.compile(
    r"cookie|consent|breadcrumb|murupolku|share|social|skip-?link|sr-only|visually-hidden|screen-reader|"
    r"element-invisible|print-?button",
    re.I,
)
HEADINGS = {f"h{n}": n for n in range(1, 7)}
BLOCKS = frozenset(
    "p div section article main li ul ol dl dt dd table tr td th thead tbody tfoot caption details "
    "summary blockquote pre figure figcaption address hr br h1 h2 h3 h4 h5 h6".split()
)
SPACE = re.compile(r"\s+")
CHARSET = re.compile(rb"<meta[^>]+charset=[\"']?([\w-]+)", re.I)


def _text(element) -> str:
    parts: list[str] = []

    def collect(node) -> None:
        if not isinstance(node.tag, str) or node.tag in DROPPED:
            return
        if node.tag == "br":
            parts.append("\n")
        if node.text:
            parts.append(node.text)
        for child in node:
            collect(child)
            if child.tail:
                parts.append(child.tail)

    collect(element)
    return "\n".join(SPACE.sub(" ", line).strip() for line in "".join(parts).split("\n")).strip()


class _Walker:
    def __init__(self, name: str, notes: list[str]):
        self.name = name
        self.notes = notes
        self.blocks: list[Block] = []
        self.words = vocabulary()

    def at(self, element) -> Location:
        return Location(self.name, line=element.sourceline, element=element.tag)

    def emit(self, kind: Kind, text: str, element, **extra) -> None:
        where = self.at(element)
        for line in text.split("\n") if kind == Kind.PARAGRAPH else [text.replace("\n", " ")]:
            line = line.strip()
            if not line:
                continue
            if self.words.is_skip_link(line) or self.words.is_clutter(line):
                self.notes.append(f"{where}: page furniture {line!r} left out")
                continue
            bullet = BULLET.match(line) if kind == Kind.PARAGRAPH else None
            if bullet:
                self.blocks.append(Block(Kind.ITEM, bullet["text"], where, level=1, marker=bullet["marker"]))
            elif kind == Kind.PARAGRAPH and self.words.heading_field(line):
                # "<p><strong>Käyttötarkoitus</strong><br>…": a label on its own line heads what follows
                self.blocks.append(Block(Kind.HEADING, line, where))
            else:
                self.blocks.append(Block(kind, line, where, **extra))

    def dropped(self, element) -> bool:
        if element.tag in DROPPED or (element.get("role") or "") in DROPPED_ROLES:
            return True
        if FURNITURE_CLASS.search(f"{element.get('class') or ''} {element.get('id') or ''}"):
            return True
        if element.get("hidden") is not None or element.get("aria-hidden") == "true":
            return True
        href = element.get("href") or ""
        return element.tag == "a" and href.startswith("#") and self.words.is_skip_link(_text(element))

    def walk(self, element, depth: int = 0) -> None:
        """Emit the blocks of `element`'s children; inline runs between block elements are paragraphs."""
        run: list[str] = [element.text or ""]

        def flush() -> None:
            text = "".join(run)
            run.clear()
            if text.strip():
                self.emit(Kind.PARAGRAPH, text, element)

        for child in element:
            if not isinstance(child.tag, str):
                run.append(child.tail or "")
                continue
            if self.dropped(child):
                if child.tag not in DROPPED:
                    self.notes.append(f"{self.at(child)}: {child.tag} {_text(child)[:40]!r} left out (navigation)")
                run.append(child.tail or "")
                continue
            if child.tag in BLOCKS:
                flush()
                self.block(child, depth)
                run.append(child.tail or "")
            else:
                run.append(_text(child) + ("\n" if child.tag == "br" else ""))
                run.append(child.tail or "")
        flush()

    def block(self, element, depth: int) -> None:
        tag = element.tag
        if tag == "p" and _emphasised(element):
            self.emit(Kind.HEADING, _text(element), element, level=0)  # "<p><strong>Name</strong></p>"
        elif tag in HEADINGS:
            self.emit(Kind.HEADING, _text(element), element, level=HEADINGS[tag])
        elif tag in ("summary", "dt", "caption"):
            self.emit(Kind.HEADING, _text(element), element, level=0)
        elif tag in ("ul", "ol"):
            for number, item in enumerate((c for c in element if c.tag == "li"), start=1):
                self.item(item, depth + 1, f"{number}." if tag == "ol" else "•")
        elif tag == "li":
            self.item(element, depth + 1, "•")
        elif tag == "table":
            self.table(element)
        elif tag in ("br", "hr"):
            return
        else:
            self.walk(element, depth)

    def item(self, element, depth: int, marker: str) -> None:
        nested = [c for c in element if isinstance(c.tag, str) and c.tag in ("ul", "ol", "table", "p", "div")]
        if not nested:
            self.emit(Kind.ITEM, _bold_start(element) or _text(element), element, level=depth, marker=marker)
            return
        own = [element.text or ""]
        for child in element:
            if child in nested:
                break
            own += [_text(child) if isinstance(child.tag, str) and not self.dropped(child) else "", child.tail or ""]
        self.emit(Kind.ITEM, "".join(own), element, level=depth, marker=marker)
        for child in nested:
            if child.tag in ("ul", "ol"):
                self.block(child, depth)
            else:
                self.block(child, depth)

    def table(self, element) -> None:
        rows = [r for r in element.iter("tr")]
        header: tuple[str, ...] = ()
        for index, row in enumerate(rows):
            cells = tuple(_text(c).replace("\n", " ") for c in row if c.tag in ("td", "th"))
            if not any(cells):
                continue
            if not header and (
                all(c.tag == "th" for c in row if c.tag in ("td", "th"))
                or row.getparent().tag == "thead"
                or (index == 0 and self.words.is_header(cells))
            ):
                header = cells
                continue
            where = Location(self.name, line=row.sourceline, row=index + 1, element="tr")
            if not header and len(cells) == 2:
                self.blocks.append(Block(Kind.PARAGRAPH, f"{cells[0].rstrip(':')}: {cells[1]}", where))
            else:
                self.blocks.append(Block(Kind.ROW, " | ".join(cells), where, cells=cells, header=header))


def _bold_start(element) -> str:
    """ "<li><strong>Lastensuojelu</strong> asiakastiedot</li>" as "Lastensuojelu: asiakastiedot": the
    bold start names the item; "" when the item does not start in bold."""
    children = [c for c in element if isinstance(c.tag, str)]
    if not children or children[0].tag not in ("strong", "b") or (element.text or "").strip():
        return ""
    name = _text(children[0]).strip().rstrip(":")
    rest = _text(element)[len(_text(children[0])) :].strip().lstrip(":–-").strip()
    return f"{name}: {rest}" if name and rest and ":" not in name else ""


def _emphasised(element) -> bool:
    """A paragraph that is one short bold run, as CMS editors write headings."""
    children = [c for c in element if isinstance(c.tag, str)]
    text = _text(element)
    return (
        len(children) == 1
        and children[0].tag in ("strong", "b")
        and not (element.text or "").strip()
        and not (children[0].tail or "").strip()
        and 0 < len(text) <= 120
        and not text.endswith(".")
    )


def _content(root):
    for path in ("//main", "//*[@role='main']", "//article", "//body"):
        found = root.xpath(path)
        if found:
            return found[0]
    return root


def _decoded(name: str, raw: bytes) -> str:
    """The page's text: by its byte-order mark, else the charset its <meta> names, else UTF-8."""
    declared = CHARSET.search(raw[:4096])
    if declared and not raw.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode(declared.group(1).decode("ascii"), errors="replace")
        except LookupError:
            pass
    return decode_text(raw, name)[0]


def read_html(name: str, raw: bytes) -> Document:
    parser = html.HTMLParser(remove_comments=True, no_network=True)
    try:
        root = html.document_fromstring(_decoded(name, raw), parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise CatalogError([f"{name}: not an HTML page that can be read ({exc})"]) from None
    if any("Excessive depth" in error.message for error in parser.error_log):
        # libxml2 stops at 256 levels; what is deeper is lost, so the page is not read at all
        raise CatalogError([f"{name}: the page's elements nest deeper than 256 levels; no description needs that"])
    document = Document(name=name)
    title = root.findtext(".//title") or ""
    document.title = SPACE.sub(" ", title).strip()
    walker = _Walker(name, document.notes)
    walker.walk(_content(root))
    document.blocks = walker.blocks
    lower = raw[-4096:].lower()
    if b"<html" in raw[:4096].lower() and b"</html>" not in lower:
        document.cut_short = "the page's HTML is not closed (no </html> at its end)"
    elif b"<body" in raw[:8192].lower() and b"</body>" not in lower and b"</html>" not in lower:
        document.cut_short = "the page's HTML is not closed (no </body> at its end)"
    return document
