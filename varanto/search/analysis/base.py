"""What an analyser tells about one word, and the pieces both analysers share."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import snowballstemmer

# Longer terms are kept out of the index and out of queries alike (a column limit, not a language one).
MAX_TERM_LENGTH = 100


@dataclass(frozen=True)
class WordAnalysis:
    """Sanan jäsennys: the terms one written word stands for.

    `lemmas` are whole-word base forms ("pysäköintivirhemaksun" → pysäköintivirhemaksu);
    `parts` the compound parts in order, each as a set of possible base forms
    (pysäköinti, virhe, maksu); `compounds` the shorter compounds inside it (virhemaksu).
    `known` says whether the analyser recognised the word, `head` is the base form of the
    last compound part (used to complete "esi- ja perusopetus" to esiopetus); `roots` link
    derived words to the verb they come from, so "tilojen varaaminen" answers "tilavaraus".
    """

    lemmas: frozenset[str]
    parts: tuple[frozenset[str], ...] = ()
    compounds: frozenset[str] = field(default_factory=frozenset)
    known: bool = True
    head: str | None = None
    # Verbs the word is derived from (varaus, varaaminen → varata; osto → ostaa).
    roots: frozenset[str] = field(default_factory=frozenset)
    genitive: bool = False  # "asian" in "asian- ja päätöksenteon hallinta"

    @property
    def part_terms(self) -> frozenset[str]:
        return frozenset().union(*self.parts) if self.parts else frozenset()

    @property
    def is_compound(self) -> bool:
        return len(self.parts) > 1


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """Base forms that carry no meaning for search (ja, olla, mikä …), from data/stopwords.txt."""
    text = resources.files("varanto.search").joinpath("data/stopwords.txt").read_text(encoding="utf-8")
    return frozenset(
        word.strip().lower() for line in text.splitlines() for word in line.split("#", 1)[0].split()
    )


# A Snowball stemmer keeps the word being stemmed in itself, so each thread needs its own.
_local = threading.local()


def finnish_stem(word: str) -> str:
    """Snowball's Finnish stem of a lower-case word."""
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        stemmer = _local.stemmer = snowballstemmer.stemmer("finnish")
    return stemmer.stemWord(word)


def unknown_word(word: str) -> WordAnalysis:
    """A word no dictionary knows (a system name, a typo): itself and its Snowball stem.

    Hyphenated and dotted names ("M-Files", "suomi.fi") also stand for their pieces.
    """
    lower = word.lower().strip("-")
    lemmas = {lower, finnish_stem(lower)} if lower.isalpha() else {lower}
    pieces = _split_name(lower)
    parts = tuple(frozenset({p}) for p in pieces if len(p) > 1) if len(pieces) > 1 else ()
    return WordAnalysis(lemmas=frozenset(t for t in lemmas if t), parts=parts, known=False)


def _split_name(word: str) -> list[str]:
    for separator in "-.:'’":
        word = word.replace(separator, " ")
    return word.split()
