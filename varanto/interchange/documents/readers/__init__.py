"""Readers: a file of any supported kind into a `Document` of blocks, bounded by `interchange.limits`."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from pathlib import Path

from ...limits import file_size_check
from ...validation import CatalogError
from ..blocks import Document

Reader = Callable[[str, bytes], Document]


# Each kind's reader, imported when first needed (python-docx and pypdf load only for their files).
READERS = {
    "text": ("text", "read_plain_text"),
    "html": ("html", "read_html"),
    "docx": ("docx", "read_docx"),
    "pdf": ("pdf", "read_pdf"),
    "xlsx": ("tables", "read_xlsx_table"),
    "csv": ("tables", "read_csv_table"),
}


def _reader(kind: str) -> Reader:
    module, function = READERS[kind]
    return getattr(import_module(f"{__package__}.{module}"), function)


SUFFIXES = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".docx": "docx",
    ".pdf": "pdf",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
    ".csv": "csv",
}


def kind_of(name: str, data: bytes) -> str:
    """The kind of document by its name, else by its first bytes."""
    kind = SUFFIXES.get(Path(name).suffix.lower())
    if kind:
        return kind
    head = data[:1024].lstrip().lower()
    if head.startswith(b"%pdf"):
        return "pdf"
    if head.startswith(b"pk\x03\x04"):
        return "docx"
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head:
        return "html"
    return "text"


def read_document(name: str, data: bytes) -> Document:
    """The document in `data` (named `name` in messages). CatalogError if it cannot be read."""
    file_size_check(Path(name), len(data))
    return _reader(kind_of(name, data))(name, data)


def read_path(path: Path) -> list[Document]:
    """The documents in a file, or in every readable file of a folder (one description, page by page)."""
    if not path.exists():
        raise CatalogError([f"{path}: no such file"])
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in SUFFIXES)
        if not files:
            raise CatalogError([f"{path}: the folder has no files to read ({', '.join(sorted(SUFFIXES))})"])
        return [document for file in files for document in read_path(file)]
    file_size_check(path)
    return [read_document(str(path), path.read_bytes())]
