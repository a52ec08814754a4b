"""From running text to analysed words: tokens, stop words and shortened coordinated compounds."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .base import MAX_TERM_LENGTH, WordAnalysis, stopwords

if TYPE_CHECKING:
    from . import Analyzer

# A word: letters or digits, joined by hyphens, apostrophes, dots or colons inside it
# ("M-Files", "suomi.fi"), optionally ending in a hyphen ("esi-" in "esi- ja perusopetus").
WORD = re.compile(r"[^\W_]+(?:[-'’.:][^\W_]+)*-?")
# Words that may stand between a shortened compound and the one it borrows its end from.
COORDINATORS = frozenset({"ja", "tai", "sekä", "eli", "ynnä", "että", "kuin"})

# Term kinds, strongest first: the whole word, a shorter compound inside it, one compound
# part (as "valo-", a modifier, or "-valo", the head), the word it derives from.
WHOLE, COMPOUND, PART, ROOT = "W", "S", "P", "R"
STRENGTH = {WHOLE: 4, COMPOUND: 3, PART: 2, ROOT: 1}


@dataclass(frozen=True)
class AnalysedWord:
    surface: str
    start: int
    end: int
    analysis: WordAnalysis
    # "esi-" followed by "ja perusopetus" also stands for esiopetus.
    completions: tuple[WordAnalysis, ...] = ()


def analyse_text(text: str, analyzer: Analyzer, *, keep_stopwords: bool = False) -> list[AnalysedWord]:
    """The meaningful words of `text`, analysed, with their positions."""
    tokens = [(m.group(), m.start(), m.end()) for m in WORD.finditer(text)]
    analyses = [analyzer.analyse(surface) for surface, _, _ in tokens]
    words = []
    for i, (surface, start, end) in enumerate(tokens):
        analysis = analyses[i]
        if not keep_stopwords and _is_stopword(surface, analysis):
            continue
        completions: tuple[WordAnalysis, ...] = ()
        if surface.endswith("-"):
            completions = _complete(surface, analysis, tokens[i + 1 : i + 6], analyses[i + 1 : i + 6], analyzer)
        words.append(AnalysedWord(surface, start, end, analysis, completions))
    return words


def word_terms(word: AnalysedWord) -> dict[str, str]:
    """Every term a written word stands for, with its kind (the strongest kind wins)."""
    terms: dict[str, str] = {}
    for analysis in (word.analysis, *word.completions):
        groups = (
            (WHOLE, analysis.lemmas),
            (COMPOUND, analysis.compounds),
            (PART, analysis.part_terms),
            (ROOT, analysis.all_roots),
        )
        for kind, group in groups:
            for term in group:
                if 1 < len(term) <= MAX_TERM_LENGTH and STRENGTH[kind] > STRENGTH.get(terms.get(term, ""), 0):
                    terms[term] = kind
    return terms


def _is_stopword(surface: str, analysis: WordAnalysis) -> bool:
    words = stopwords()
    lower = surface.lower()
    if len(lower) < 2 and not lower.isdigit():
        return True
    return lower in words or any(lemma in words for lemma in analysis.lemmas)


def _complete(surface, analysis, following_tokens, following_analyses, analyzer) -> tuple[WordAnalysis, ...]:
    """What a shortened word stands for, borrowing from the words after it.

    "esi- ja perusopetus" → esiopetus (the end of the next compound); after a genitive,
    "asian- ja päätöksenteon hallinta" → asianhallinta (the word the pair qualifies).
    """
    stem = surface.rstrip("-").lower()
    rest = [(token, a) for (token, _, _), a in zip(following_tokens, following_analyses, strict=False)]
    while rest and (rest[0][0].endswith("-") or rest[0][0].lower() in COORDINATORS):
        rest.pop(0)
    if not rest:
        return ()
    found = []
    partner = rest[0][1]
    if partner.is_compound and partner.head:
        found.append(analyzer.analyse(stem + partner.head))
    if analysis.genitive and partner.genitive and len(rest) > 1 and rest[1][1].known:
        found.extend(analyzer.analyse(stem + lemma) for lemma in sorted(rest[1][1].lemmas))
    return tuple(found)
