"""Versions: of the code and data that shape pages, for HTTP validators that change on deployment,
and a record's version as a client sends it back."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

# ASCII digits only, and few: str.isdigit() and int() also take "²" or "٣", and int() refuses 5,000 digits.
RECORD_VERSION = re.compile(r"[0-9]{1,18}")


def record_version(text: str) -> int | None:
    """The record version a client sent (a form's hidden field, the digits of an ETag), None if it is none."""
    return int(text) if RECORD_VERSION.fullmatch(text) else None


PAGE_FILES = frozenset({".py", ".html", ".css", ".js", ".svg", ".mo"})


def app_version(app_dir: Path, suffixes=PAGE_FILES) -> tuple[str, float]:
    """A digest and the newest modification time of what shapes an app's pages: templates, static
    files, translations, data and code (tests left out)."""
    digest = hashlib.sha256()
    newest = 0.0
    for path in sorted(app_dir.rglob("*")):
        relative = path.relative_to(app_dir)
        if path.suffix not in suffixes or {"tests", "__pycache__", "var"} & set(relative.parts):
            continue
        digest.update(str(relative).encode())
        digest.update(path.read_bytes())
        newest = max(newest, path.stat().st_mtime)
    return digest.hexdigest()[:12], newest
