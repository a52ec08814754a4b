"""Stable, readable keys (slugs) for records: "Asian- ja päätöksenteon hallinta" → "asian-ja-paatoksenteon-hallinta"."""

import unicodedata

from django.utils.text import slugify


def make_key(name: str, taken: set[str] | None = None, *, max_length: int = 100) -> str:
    """An ASCII slug of `name`, unique against `taken` (which it updates)."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    # The canonical format's keys are lowercase words joined by single hyphens: no underscores.
    words = slugify(ascii_name).replace("_", "-").split("-")
    base = "-".join(word for word in words if word)[:max_length].strip("-") or "item"
    key, n = base, 2
    taken = taken if taken is not None else set()
    while key in taken:
        key = f"{base}-{n}"
        n += 1
    taken.add(key)
    return key
