"""Ohjaukset: when a query concerns a matter another authority holds, who holds it and how to ask.

The defaults of a Finnish municipality are data (data/referrals.csv, sources in data/README.md);
an organisation's own table (`Referral`, edited in the admin) replaces them once it has any rows
(`varanto referrals` copies the defaults in to start from). A keyword matches a query in any
inflected form: Finnish through the Finnish analyser (a keyword also matches as the head of a
compound, "äitiysneuvola" is a neuvola, never as its modifier: "ympäristöterveydenhuolto" is the
municipality's), Swedish and English through their Snowball stems.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .analysis import AnalysedWord, Analyzer, analyse_text
from .languages import LANGUAGES, phrase_key, stem, stopwords
from .models import EXPANSION_SEPARATOR, Referral

COLUMNS = [
    "matter",
    "authority_fi",
    "authority_sv",
    "authority_en",
    "keywords_fi",
    "keywords_sv",
    "keywords_en",
    "how_to_ask_fi",
    "how_to_ask_sv",
    "how_to_ask_en",
    "url",
]
PAGE_LANGUAGES = ("fi", "sv", "en")
MATCHES_REMEMBERED = 4_096


class ReferralError(ValueError):
    """A referrals file that cannot be read; the message names the file and line."""


@dataclass(frozen=True)
class ReferralRule:
    """One matter another authority holds, in the three languages (the fields of `Referral`)."""

    matter: str
    values: tuple[tuple[str, str], ...]  # (column, value) of the COLUMNS after matter

    def get(self, name: str) -> str:
        return dict(self.values).get(name, "")

    def keywords(self, language: str) -> list[str]:
        return [k.strip() for k in self.get(f"keywords_{language}").split(EXPANSION_SEPARATOR) if k.strip()]

    def in_language(self, language: str) -> dict[str, str]:
        """What a results page or `varanto search --json` shows, in `language` (Finnish where none is given)."""

        def text(name: str) -> str:
            return self.get(f"{name}_{language}") or self.get(f"{name}_fi")

        return {
            "matter": self.matter,
            "authority": text("authority"),
            "how_to_ask": text("how_to_ask"),
            "url": self.get("url"),
        }


def read_referrals(text: str, *, source: str) -> list[ReferralRule]:
    lines = [(n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip() and not line.startswith("#")]
    rows = list(csv.reader(io.StringIO("\n".join(line for _, line in lines))))
    if not rows or [h.strip() for h in rows[0]] != COLUMNS:
        raise ReferralError(f"{source}: the header must be {','.join(COLUMNS)}")
    rules, problems = [], []
    for (number, _), row in zip(lines[1:], rows[1:], strict=False):
        if len(row) != len(COLUMNS):
            problems.append(f"{source}, line {number}: expected {len(COLUMNS)} columns, found {len(row)}")
            continue
        rule = ReferralRule(row[0].strip(), tuple(zip(COLUMNS[1:], (v.strip() for v in row[1:]), strict=True)))
        if not rule.matter or not rule.get("authority_fi") or not rule.keywords("fi"):
            problems.append(f"{source}, line {number}: a referral needs a matter, an authority and Finnish keywords")
        else:
            rules.append(rule)
    if problems:
        raise ReferralError("\n".join(problems))
    return rules


@lru_cache(maxsize=1)
def default_referrals() -> tuple[ReferralRule, ...]:
    path = resources.files("varanto.search").joinpath("data/referrals.csv")
    return tuple(read_referrals(path.read_text(encoding="utf-8"), source="search/data/referrals.csv"))


def referral_rule(referral: Referral) -> ReferralRule:
    return ReferralRule(referral.matter, tuple((name, getattr(referral, name)) for name in COLUMNS[1:]))


@lru_cache(maxsize=MATCHES_REMEMBERED)
def matching_referrals(query: str, rules: tuple[ReferralRule, ...], analyzer: Analyzer) -> tuple[ReferralRule, ...]:
    """The referrals whose keywords (in any of the three languages) the query holds.

    Remembered by query and table: the same few queries come again and again, and matching analyses
    the query and walks every keyword of every rule."""
    words = analyse_text(query, analyzer, keep_stopwords=True)
    if not words:
        return ()
    finnish = [_finnish_forms(w) for w in words]
    foreign = {code: [stem(code, w.surface.lower().rstrip("-")) for w in words] for code in LANGUAGES}
    return tuple(
        rule
        for rule in rules
        if any(_holds_finnish(finnish, keyword, analyzer) for keyword in rule.keywords("fi"))
        or any(_holds(foreign[code], phrase_key(code, k)) for code in LANGUAGES for k in rule.keywords(code))
    )


def _finnish_forms(word: AnalysedWord) -> frozenset[str]:
    """A query word's base forms and the base forms of its compound head."""
    head = word.analysis.parts[-1] if word.analysis.is_compound and not word.analysis.name_pieces else frozenset()
    return word.analysis.lemmas | head


def _holds_finnish(forms: list[frozenset[str]], keyword: str, analyzer: Analyzer) -> bool:
    wanted = _keyword_lemmas(keyword, analyzer)
    return bool(wanted) and any(
        all(lemmas & forms[start + i] for i, lemmas in enumerate(wanted))
        for start in range(len(forms) - len(wanted) + 1)
    )


@lru_cache(maxsize=5_000)
def _keyword_lemmas(keyword: str, analyzer: Analyzer) -> tuple[frozenset[str], ...]:
    return tuple(w.analysis.lemmas for w in analyse_text(keyword, analyzer, keep_stopwords=True))


def _holds(stems: Sequence[str], key: tuple[str, ...]) -> bool:
    """Whether the query's stems hold the keyword's stems in order, function words between them aside."""
    if not key:
        return False
    at = 0
    for query_stem in stems:
        if query_stem == key[at]:
            at += 1
            if at == len(key):
                return True
        elif at and query_stem not in _skippable():
            at = 1 if query_stem == key[0] else 0
    return False


@lru_cache(maxsize=1)
def _skippable() -> frozenset[str]:
    return frozenset().union(*(stopwords(code) for code in LANGUAGES))
