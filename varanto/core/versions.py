"""Versions of the code and data that shape pages, for HTTP validators that change on deployment."""

from __future__ import annotations

import hashlib
from pathlib import Path

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
