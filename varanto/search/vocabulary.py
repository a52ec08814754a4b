"""The trilingual municipal vocabulary (kuntasanasto) as data: data/vocabulary.csv, sources in data/README.md.

Columns: concept (an id), fi, sv, en (terms separated by "|"), lay (everyday words residents
use, in Swedish or English) and source. Lines starting with "#" are comments.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

COLUMNS = ["concept", "fi", "sv", "en", "lay", "source"]
SEPARATOR = "|"


class VocabularyError(ValueError):
    """A vocabulary file that cannot be read; the message names the file and line."""


@dataclass(frozen=True)
class Concept:
    """Käsite: one matter, named in Finnish, Swedish and English."""

    key: str
    fi: tuple[str, ...]
    sv: tuple[str, ...]
    en: tuple[str, ...]
    lay: tuple[str, ...] = ()
    source: str = ""

    def terms(self, language: str) -> tuple[str, ...]:
        return {"fi": self.fi, "sv": self.sv, "en": self.en}[language]


def read_vocabulary(text: str, *, source: str) -> list[Concept]:
    """Concepts from vocabulary CSV text; every problem is reported with `source` and its line number."""
    lines = [(n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip() and not line.startswith("#")]
    if not lines:
        return []
    rows = list(csv.reader(io.StringIO("\n".join(line for _, line in lines))))
    if [h.strip() for h in rows[0]] != COLUMNS:
        raise VocabularyError(f"{source}, line {lines[0][0]}: the header must be {','.join(COLUMNS)}")
    concepts, problems, seen = [], [], set()
    for (number, _), row in zip(lines[1:], rows[1:], strict=False):
        if len(row) != len(COLUMNS):
            problems.append(f"{source}, line {number}: expected {len(COLUMNS)} columns, found {len(row)}")
            continue
        key, *terms, lay, origin = (value.strip() for value in row)
        fi, sv, en = (_terms(value) for value in terms)
        if not key or not fi or not (sv or en):
            problems.append(
                f"{source}, line {number}: a concept needs an id, Finnish words and Swedish or English ones"
            )
        elif key in seen:
            problems.append(f"{source}, line {number}: concept {key!r} is already defined")
        else:
            seen.add(key)
            concepts.append(Concept(key, fi, sv, en, _terms(lay), origin))
    if problems:
        raise VocabularyError("\n".join(problems))
    return concepts


def _terms(value: str) -> tuple[str, ...]:
    return tuple(t.strip() for t in value.split(SEPARATOR) if t.strip())


@lru_cache(maxsize=1)
def default_concepts() -> tuple[Concept, ...]:
    path = resources.files("varanto.search").joinpath("data/vocabulary.csv")
    return tuple(read_vocabulary(path.read_text(encoding="utf-8"), source="search/data/vocabulary.csv"))
