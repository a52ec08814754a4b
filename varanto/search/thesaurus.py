"""Asiasanasto: the words residents use, mapped to the words catalogues use.

Varanto ships a default thesaurus as data (data/thesaurus.csv); each organisation may add
its own entries (`ThesaurusEntry`, edited in the admin). Both are applied when a query is
read, so a new entry takes effect at once, without rebuilding any index.

The CSV has the columns term, expansions (catalogue words separated by "|") and relation:
"lay" maps a resident's word one way (parkkisakko → pysäköintivirhemaksu), "synonym" makes
all the words find each other. Lines starting with "#" are comments.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .analysis import AnalysedWord, Analyzer, analyse_text, word_terms
from .analysis.base import in_any_role
from .analysis.text import WHOLE
from .models import EXPANSION_SEPARATOR, ThesaurusEntry, ThesaurusRelation

COLUMNS = ["term", "expansions", "relation"]


class ThesaurusError(ValueError):
    """A thesaurus file that cannot be read; the message names the file and line."""


@dataclass(frozen=True)
class ThesaurusRule:
    term: str
    expansions: tuple[str, ...]
    relation: str = ThesaurusRelation.LAY


def read_thesaurus(text: str, *, source: str) -> list[ThesaurusRule]:
    """Rules from thesaurus CSV text; every problem is reported with `source` and its line number."""
    lines = [
        (n, line) for n, line in enumerate(text.splitlines(), start=1) if line.strip() and not line.startswith("#")
    ]
    if not lines:
        return []
    reader = csv.reader(io.StringIO("\n".join(line for _, line in lines)))
    try:
        rows = list(reader)
    except csv.Error as exc:
        number = lines[min(reader.line_num, len(lines)) - 1][0]
        raise ThesaurusError(f"{source}, line {number}: cannot be read as CSV ({exc})") from None
    header = rows[0]
    if [h.strip() for h in header] != COLUMNS:
        raise ThesaurusError(
            f"{source}, line {lines[0][0]}: the header must be {','.join(COLUMNS)}, not {','.join(header)}"
        )
    rules, problems = [], []
    for (number, _), row in zip(lines[1:], rows[1:], strict=False):
        if len(row) != len(COLUMNS):
            problems.append(f"{source}, line {number}: expected {len(COLUMNS)} columns, found {len(row)}")
            continue
        term, expansions, relation = (value.strip() for value in row)
        words = tuple(e.strip() for e in expansions.split(EXPANSION_SEPARATOR) if e.strip())
        if not term or not words:
            problems.append(f"{source}, line {number}: both the term and at least one expansion are needed")
        elif relation not in ThesaurusRelation.values:
            problems.append(
                f"{source}, line {number}: relation {relation!r} is not one of {', '.join(ThesaurusRelation.values)}"
            )
        else:
            rules.append(ThesaurusRule(term, words, relation))
    if problems:
        raise ThesaurusError("\n".join(problems))
    return rules


def write_thesaurus(rules: Iterable[ThesaurusRule]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for rule in rules:
        writer.writerow([rule.term, EXPANSION_SEPARATOR.join(rule.expansions), rule.relation])
    return out.getvalue()


@lru_cache(maxsize=1)
def default_rules() -> tuple[ThesaurusRule, ...]:
    path = resources.files("varanto.search").joinpath("data/thesaurus.csv")
    return tuple(read_thesaurus(path.read_text(encoding="utf-8"), source="search/data/thesaurus.csv"))


def entry_rules(entries: Iterable[ThesaurusEntry]) -> list[ThesaurusRule]:
    return [ThesaurusRule(e.term, tuple(e.expansion_list), e.relation) for e in entries]


class Thesaurus:
    """Looks up what a query word should also find."""

    def __init__(self, rules: Iterable[ThesaurusRule], analyzer: Analyzer):
        self._analyzer = analyzer
        self._single: dict[str, set[str]] = {}
        self._phrases: list[tuple[tuple[frozenset[str], ...], set[str]]] = []
        for rule in rules:
            if rule.relation == ThesaurusRelation.SYNONYM:
                group = (rule.term, *rule.expansions)
                for word in group:
                    self._add(word, [w for w in group if w != word])
            else:
                self._add(rule.term, rule.expansions)

    def _add(self, term: str, expansions: Sequence[str]) -> None:
        # Stop words stay in the key, so that a phrase such as "omat tiedot" never shrinks to "tiedot".
        key = tuple(w.analysis.lemmas for w in analyse_text(term, self._analyzer, keep_stopwords=True))
        targets = {
            term
            for text in expansions
            for word in analyse_text(text, self._analyzer)
            for term, kind in word_terms(word).items()
            if kind == WHOLE
        }
        if not key or not targets:
            return
        if len(key) == 1:
            for lemma in key[0]:
                self._single.setdefault(lemma, set()).update(targets)
        else:
            self._phrases.append((key, targets))

    def in_every_role(self, terms: Iterable[str]) -> set[str]:
        """The terms, and each one that is no compound also as a compound's modifier and head
        (a compound such as "jätehuolto" is never one part of another compound)."""
        terms = set(terms)
        found = set(terms)
        for term in terms:
            if not self._analyzer.analyse(term).is_compound:
                found |= in_any_role([term])
        return found

    @property
    def terms(self) -> frozenset[str]:
        """Every single-word term the thesaurus knows (a typo may be corrected to one)."""
        return frozenset(self._single)

    def expand(self, lemmas: Iterable[str]) -> set[str]:
        found: set[str] = set()
        for lemma in lemmas:
            found |= self._single.get(lemma, set())
        return found

    def expand_phrases(self, words: Sequence[AnalysedWord]) -> dict[int, set[str]]:
        """Expansions of multi-word terms found in `words`, by the position of the phrase's last word."""
        found: dict[int, set[str]] = {}
        for key, targets in self._phrases:
            for start in range(len(words) - len(key) + 1):
                window = words[start : start + len(key)]
                if all(lemmas & w.analysis.lemmas for lemmas, w in zip(key, window, strict=False)):
                    found.setdefault(start + len(key) - 1, set()).update(targets)
        return found

    def combined(self, other: Thesaurus) -> Thesaurus:
        merged = Thesaurus((), self._analyzer)
        for source in (self, other):
            for lemma, targets in source._single.items():
                merged._single.setdefault(lemma, set()).update(targets)
            merged._phrases.extend(source._phrases)
        return merged


@lru_cache(maxsize=4)
def _default_thesaurus(analyzer: Analyzer) -> Thesaurus:
    return Thesaurus(default_rules(), analyzer)


@lru_cache(maxsize=64)
def _with_rules(analyzer: Analyzer, rules: tuple[ThesaurusRule, ...]) -> Thesaurus:
    return _default_thesaurus(analyzer).combined(Thesaurus(rules, analyzer))


def thesaurus_for(analyzer: Analyzer, entries: Iterable[ThesaurusEntry]) -> Thesaurus:
    """The default thesaurus together with organisations' own entries."""
    own = tuple(entry_rules(entries))
    return _with_rules(analyzer, own) if own else _default_thesaurus(analyzer)
