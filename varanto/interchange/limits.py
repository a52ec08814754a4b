"""Bounds on what an import reads (tuonnin rajat), so that no file can exhaust the server.

Every reader of an imported file goes through these: the file's size, what a zip (a CSV zip or
an XLSX workbook) unpacks to, how deep its JSON nests, and XML read without entities or DTDs
(`xml_parse`, for every XML input, JHS 191 and ArchiMate imports included). The bounds come from
the settings (IMPORT_MAX_*); each refusal is a CatalogError that names the file and the setting.
"""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring
from django.conf import settings

from .validation import CatalogError

MB = 1_000_000
# Byte-order marks of the encodings a text may come in, longest first (UTF-32's starts like UTF-16's).
BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def _mb(size: float) -> str:
    return f"{size / MB:.1f} MB".replace(".0 MB", " MB")


def max_file_bytes() -> int:
    return int(settings.IMPORT_MAX_FILE_MB * MB)


def max_unpacked_bytes() -> int:
    return int(settings.IMPORT_MAX_UNPACKED_MB * MB)


def file_size_check(path: Path, size: int | None = None) -> None:
    """CatalogError if the file is larger than an import may be (IMPORT_MAX_FILE_MB)."""
    size = path.stat().st_size if size is None else size
    if size > max_file_bytes():
        raise CatalogError(
            [f"{path}: the file is {_mb(size)}; an import may be at most {_mb(max_file_bytes())} (IMPORT_MAX_FILE_MB)"]
        )


def zip_size_check(path: Path, archive: zipfile.ZipFile) -> None:
    """CatalogError if the zip would unpack to more than IMPORT_MAX_UNPACKED_MB, checked before
    anything is unpacked (a zip bomb). zipfile never reads a member past the size it declares."""
    unpacked = sum(member.file_size for member in archive.infolist())
    if unpacked > max_unpacked_bytes():
        raise CatalogError(
            [
                f"{path}: the zip would unpack to {_mb(unpacked)}; an import may unpack to at most "
                f"{_mb(max_unpacked_bytes())} (IMPORT_MAX_UNPACKED_MB)"
            ]
        )


XML_PROLOG_BYTES = 1_000_000  # a prolog (declaration, comments) longer than this is not a real document's
DOCTYPE = re.compile(rb"<!\s*(?:DOCTYPE|ENTITY)", re.I)


def zip_xml_check(path: Path, archive: zipfile.ZipFile, what: str) -> None:
    """CatalogError if an XML part of a zip (a workbook's, a Word document's) declares a DTD or entities.

    Checked before any library parses the parts: openpyxl and python-docx read through lxml, which
    accepts a DTD. A DTD can only stand before the root element, so each part's prolog is read."""
    for member in archive.infolist():
        if not member.filename.lower().endswith((".xml", ".rels", ".vml")):
            continue
        with archive.open(member) as part:
            head = part.read(XML_PROLOG_BYTES)
        if head.startswith((b"\xff\xfe", b"\xfe\xff")):
            head = head.decode("utf-16", errors="replace").encode()
        if DOCTYPE.search(_prolog(head)):
            raise CatalogError([f"{path}: {what}'s XML has a DTD or entities, which are not read"])


def _prolog(head: bytes) -> bytes:
    """What stands before an XML document's root element (its declaration, comments, a DTD)."""
    position = 0
    while True:
        start = head.find(b"<", position)
        if start < 0 or start + 1 >= len(head):
            return head
        if head[start + 1 : start + 4] == b"!--":
            end = head.find(b"-->", start)
            position = len(head) if end < 0 else end + 3
        elif head[start + 1 : start + 2] in (b"?", b"!"):
            if head[start + 1 : start + 2] == b"!":
                return head  # a DOCTYPE (or other declaration) before the root
            end = head.find(b"?>", start)
            position = len(head) if end < 0 else end + 2
        else:
            return head[:start]


def decode_bom(raw: bytes) -> tuple[str, str] | None:
    """(text, encoding) when `raw` starts with a byte-order mark, else None. UnicodeDecodeError if it lies."""
    for bom, encoding in BOMS:
        if raw.startswith(bom):
            return raw.decode(encoding), encoding
    return None


def json_depth(data) -> int:
    """How deeply lists and objects nest in `data` (a scalar: 0), without recursion."""
    deepest, stack = 0, [(data, 1)]
    while stack:
        node, depth = stack.pop()
        children = node.values() if isinstance(node, dict) else node if isinstance(node, list) else None
        if children is None:
            continue
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in children)
    return deepest


def json_parse(text: str, place: str):
    """The JSON value in `text`; CatalogError naming `place` if it is not JSON or nests deeper than
    IMPORT_MAX_JSON_DEPTH (no catalogue needs more than a few levels)."""
    limit = settings.IMPORT_MAX_JSON_DEPTH

    def no_constant(name: str):
        raise CatalogError([f"{place}: {name} is not a JSON value"])

    try:
        data = json.loads(text, parse_constant=no_constant)
    except json.JSONDecodeError as exc:
        raise CatalogError([f"{place}, line {exc.lineno}, column {exc.colno}: not valid JSON ({exc.msg})"]) from None
    except RecursionError:
        data = None
        depth = limit + 1
    else:
        depth = json_depth(data)
    if depth > limit:
        raise CatalogError(
            [f"{place}: the JSON nests deeper than {limit} levels (IMPORT_MAX_JSON_DEPTH); a catalogue needs a few"]
        )
    return data


def xml_parse(data: bytes | str, place: str) -> Element:
    """The root element of an XML document, read without DTDs, entities or external references
    (billion laughs, external entities); CatalogError naming `place` if it is refused or ill-formed."""
    try:
        return fromstring(data, forbid_dtd=True)
    except DefusedXmlException:
        raise CatalogError(
            [f"{place}: XML with a DTD or entities is not read (they can expand without bound)"]
        ) from None
    except ParseError as exc:
        line, column = exc.position
        raise CatalogError([f"{place}, line {line}, column {column + 1}: not well-formed XML"]) from None
