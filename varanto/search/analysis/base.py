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
    (pysäköinti, virhe, maksu): the last is the head (what the thing is), the others its
    modifiers (what it is about); `compounds` the shorter compounds inside it (virhemaksu).
    `known` says whether the analyser recognised the word, `head` is the base form of the
    last compound part (used to complete "esi- ja perusopetus" to esiopetus); `roots` link
    a derived word to the words it comes from, so "tilojen varaaminen" answers "tilavaraus"
    and "vuokra" answers "vuokraus". A compound's roots are those of its parts (`part_roots`):
    "kotihoito" is not derived from hoitaa, its head is.
    """

    lemmas: frozenset[str]
    parts: tuple[frozenset[str], ...] = ()
    compounds: frozenset[str] = field(default_factory=frozenset)
    known: bool = True
    head: str | None = None
    # Words a simple word is derived from (varaus, varaaminen → varata; vuokraus → vuokrata, vuokra).
    roots: frozenset[str] = field(default_factory=frozenset)
    # The roots of each compound part, in the order of `parts` (empty when the analyser gives none).
    part_roots: tuple[frozenset[str], ...] = ()
    genitive: bool = False  # "asian" in "asian- ja päätöksenteon hallinta"
    # The parts are the pieces of a name no dictionary knows ("Heili-kirjastot", "suomi.fi"):
    # words of their own rather than a compound's modifiers and head.
    name_pieces: bool = False

    @property
    def part_terms(self) -> frozenset[str]:
        """The parts as index terms, each marked with its role: "valo-" a modifier, "-valo" the head."""
        if not self.parts:
            return frozenset()
        if self.name_pieces:
            return frozenset().union(*self.parts)
        *modifiers, head = self.parts
        return frozenset([modifier_term(t) for part in modifiers for t in part] + [head_term(t) for t in head])

    @property
    def all_roots(self) -> frozenset[str]:
        return self.roots.union(*self.part_roots)

    @property
    def is_compound(self) -> bool:
        return len(self.parts) > 1


def modifier_term(lemma: str) -> str:
    """The term of a word standing as a modifier in a compound: "valo" in "valokuvat" → "valo-".

    Compound parts are indexed with their role, written the way Finnish writes a part standing
    alone ("valo- ja äänitekniikka", "katu- ja -valot"), so that the head of a query compound can
    be kept from matching a modifier: a street light (katuvalo) is a light, a photograph
    (valokuva) is not.
    """
    return lemma + "-"


def head_term(lemma: str) -> str:
    """The term of a word standing as the head (last part) of a compound: "hoito" in "päivähoito" → "-hoito"."""
    return "-" + lemma


def bare_term(term: str) -> str:
    """The word of a term, whatever its role: "-valo" and "valo-" → "valo"."""
    return term.strip("-")


def in_any_role(terms) -> set[str]:
    """Terms as a word of their own, as a compound's modifier and as its head."""
    return {variant for term in terms for variant in (term, modifier_term(term), head_term(term))}


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """Base forms that carry no meaning for search (ja, olla, mikä …), from data/stopwords.txt."""
    text = resources.files("varanto.search").joinpath("data/stopwords.txt").read_text(encoding="utf-8")
    return frozenset(word.strip().lower() for line in text.splitlines() for word in line.split("#", 1)[0].split())


# A Snowball stemmer keeps the word being stemmed in itself, so each thread needs its own.
_local = threading.local()


def finnish_stem(word: str) -> str:
    """Snowball's Finnish stem of a lower-case word."""
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        stemmer = _local.stemmer = snowballstemmer.stemmer("finnish")
    return stemmer.stemWord(word)


def unknown_word(word: str, lemmas_of=None) -> WordAnalysis:
    """A word no dictionary knows (a system name, a typo): itself and its Snowball stem.

    Hyphenated and dotted names ("M-Files", "suomi.fi") also stand for their pieces, in their
    base forms when `lemmas_of` gives them ("Heili-kirjastot" → heili, kirjasto).
    """
    lower = word.lower().strip("-")
    lemmas = {lower, finnish_stem(lower)} if lower.isalpha() else {lower}
    pieces = [p for p in _split_name(lower) if len(p) > 1] if len(_split_name(lower)) > 1 else []
    parts = tuple(frozenset(lemmas_of(p)) if lemmas_of else frozenset({p}) for p in pieces)
    return WordAnalysis(lemmas=frozenset(t for t in lemmas if t), parts=parts, known=False, name_pieces=bool(parts))


def _split_name(word: str) -> list[str]:
    for separator in "-.:'’":
        word = word.replace(separator, " ")
    return word.split()
