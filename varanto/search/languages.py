"""Swedish and English queries (svenska och engelska hakusanat): Snowball stems, Swedish compounds, the vocabulary.

Most organisations publish in Finnish only, so a Swedish or English query reaches their
resources through the trilingual municipal vocabulary (data/vocabulary.csv): each query word,
and each run of words, is stemmed in Swedish and in English (Snowball) and looked up among the
stemmed Swedish and English terms; a Swedish compound that is no term itself is split into terms
("bygglovsritningar" → bygglov + ritningar). A match adds the concept's Finnish words to the
query. An organisation's own Swedish and English texts are indexed under language-marked stems
("sv:bygglov"), which every query word is looked up as too (`foreign_terms`).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import snowballstemmer

from .analysis import MAX_TERM_LENGTH, AnalysedWord, analyse_text, word_terms
from .analysis.text import WHOLE, WORD
from .vocabulary import Concept, default_concepts

LANGUAGES = {"sv": "swedish", "en": "english"}
# A phrase of the vocabulary is at most this many words (stop words left out).
MAX_PHRASE = 4
# Swedish often joins compound parts with an s: "bygglov|s|ritningar".
LINKING = "s"
MIN_PIECE = 3
# A compound's head alone stands for it only when it is this long ("sommarjobb" → jobb is too short; "barnbibliotek" → bibliotek).
MIN_HEAD_ALONE = 5

_local = threading.local()


@lru_cache(maxsize=100_000)
def stem(language: str, word: str) -> str:
    """Snowball's stem of a lower-case word in Swedish ("sv") or English ("en").

    Cached: the pure-Python stemmers take most of a millisecond a word, and queries, keywords and
    translated texts repeat their words."""
    stemmers = getattr(_local, "stemmers", None)
    if stemmers is None:
        stemmers = _local.stemmers = {code: snowballstemmer.stemmer(name) for code, name in LANGUAGES.items()}
    return stemmers[language].stemWord(word)


@lru_cache(maxsize=4)
def stopwords(language: str) -> frozenset[str]:
    """Function words of a language (data/stopwords_<language>.txt), written and stemmed."""
    text = resources.files("varanto.search").joinpath(f"data/stopwords_{language}.txt").read_text(encoding="utf-8")
    words = {word.lower() for line in text.splitlines() for word in line.split("#", 1)[0].split()}
    return frozenset(words | {stem(language, w) for w in words})


def is_foreign_stopword(surface: str) -> bool:
    lower = surface.lower()
    return any(lower in stopwords(code) for code in LANGUAGES)


def foreign_terms(surface: str) -> set[str]:
    """The language-marked stems a word is indexed under in Swedish and English texts ("sv:bygglov")."""
    lower = surface.lower().strip("-")
    if not lower.isalpha():
        return set()
    return {term for code in LANGUAGES if len(term := f"{code}:{stem(code, lower)}") <= MAX_TERM_LENGTH}


def foreign_text_terms(text: str, language: str) -> set[str]:
    """The language-marked stems of a Swedish or English text (stop words left out)."""
    words = (w.lower() for w in _words(text))
    return {
        f"{language}:{stem(language, w)}"
        for w in words
        if w.isalpha() and len(w) > 1 and w not in stopwords(language) and len(w) < MAX_TERM_LENGTH - 3
    }


def _words(text: str) -> list[str]:
    return [m.group().strip("-") for m in WORD.finditer(text)]


@dataclass(frozen=True)
class Translation:
    """Käännös: query words that a vocabulary concept stands for, and the concept's Finnish words."""

    positions: tuple[int, ...]  # the query words it covers
    concept: Concept
    language: str
    part: int = 0  # which part of a Swedish compound ("bygglovs|ritningar"): each part is a word of its own

    @property
    def shown(self) -> str:
        """The Finnish word search says it also searched for."""
        return self.concept.fi[0]


class Vocabulary:
    """The trilingual vocabulary, stemmed for looking up Swedish and English query words."""

    def __init__(self, concepts: Sequence[Concept]):
        self.concepts = tuple(concepts)
        # language → stemmed phrase → concepts; and the phrases as written, looked up first, since
        # stems of different words meet ("boka" and "bok" are both "bok" in Swedish).
        self._phrases: dict[str, dict[tuple[str, ...], list[Concept]]] = {code: {} for code in LANGUAGES}
        self._written: dict[str, dict[tuple[str, ...], list[Concept]]] = {code: {} for code in LANGUAGES}
        # Swedish written single words and their stems, for splitting compounds.
        self._swedish_prefixes: dict[str, list[Concept]] = {}
        for concept in self.concepts:
            for code in LANGUAGES:
                for term in (*concept.terms(code), *concept.lay):
                    key = phrase_key(code, term)
                    if key and len(key) <= MAX_PHRASE:
                        self._phrases[code].setdefault(key, []).append(concept)
                        self._written[code].setdefault(written_key(code, term), []).append(concept)
                    if code == "sv" and len(key) == 1:
                        for form in {term.lower(), key[0]}:
                            self._swedish_prefixes.setdefault(form, []).append(concept)

    def translate(self, words: Sequence[AnalysedWord]) -> list[Translation]:
        """The concepts the query's words stand for, longest phrases first, in either language.

        Where Swedish and English both match a word, both count ("museum" is the same word in
        each), unless one of them matched it as part of a longer phrase ("freedom of information
        request" is English, though "information" is Swedish too). A word the Finnish analyser
        knows is matched only as written: stemmed, "kartat" would be Swedish "kartor".
        """
        found: dict[tuple[tuple[int, ...], str], Translation] = {}
        # Function words are skipped: "freedom of information request" is the term "freedom information request".
        content = [i for i, w in enumerate(words) if w.analysis.known or not is_foreign_stopword(w.surface)]
        for code in LANGUAGES:
            written = [words[i].surface.lower().rstrip("-") for i in content]
            # A known Finnish word gets a stem no Swedish or English term has.
            stems = [" " if words[i].analysis.known else stem(code, s) for i, s in zip(content, written, strict=True)]
            at = 0
            while at < len(content):
                matched = self._longest(code, written, stems, at)
                if matched:
                    length, concepts = matched
                    span = tuple(content[at : at + length])
                    for concept in concepts:
                        found.setdefault((span, concept.key), Translation(span, concept, code))
                    at += length
                    continue
                position = content[at]
                if code == "sv" and not words[position].analysis.known:
                    for part, concepts in enumerate(self.split_compound(written[at])):
                        for concept in concepts:
                            translation = Translation((position,), concept, code, part)
                            found.setdefault(((position,), concept.key), translation)
                at += 1
        longest: dict[int, int] = {}
        for translation in found.values():
            for position in translation.positions:
                longest[position] = max(longest.get(position, 0), len(translation.positions))
        kept = [t for t in found.values() if all(len(t.positions) >= longest[p] for p in t.positions)]
        return sorted(kept, key=lambda t: (t.positions, t.concept.key))

    def _longest(self, code: str, written: list[str], stems: list[str], start: int):
        """(number of words, concepts) of the longest phrase starting at `start`, as written or as stems."""
        for length in range(min(MAX_PHRASE, len(stems) - start), 0, -1):
            concepts = self._written[code].get(tuple(written[start : start + length])) or self._phrases[code].get(
                tuple(stems[start : start + length])
            )
            if concepts:
                return length, concepts
        return None

    @lru_cache(maxsize=20_000)  # noqa: B019 - one vocabulary per process, never freed
    def split_compound(self, word: str) -> tuple[tuple[Concept, ...], ...]:
        """The concepts of each part of a Swedish compound: "bygglovsansökningar" → (building permit), (application).

        All parts must be terms; failing that, a long enough head alone ("barnbibliotek" → library).
        """
        if not word.isalpha() or len(word) < 2 * MIN_PIECE:
            return ()
        pieces = self._split(word, depth=3)
        if pieces:
            return tuple(tuple(piece) for piece in pieces)
        for cut in range(MIN_PIECE, len(word) - MIN_HEAD_ALONE + 1):
            head = self._phrases["sv"].get((stem("sv", word[cut:]),))
            if head:
                return (tuple(head),)
        return ()

    def _split(self, word: str, depth: int) -> list[list[Concept]] | None:
        for cut in range(len(word) - MIN_PIECE, MIN_PIECE - 1, -1):
            modifier, rest = word[:cut], word[cut:]
            concepts = self._swedish_prefixes.get(modifier)
            if concepts is None and modifier.endswith(LINKING):
                concepts = self._swedish_prefixes.get(modifier[:-1])
            if not concepts:
                continue
            head = self._phrases["sv"].get((stem("sv", rest),))
            if head:
                return [concepts, head]
            if depth > 2:
                tail = self._split(rest, depth - 1)
                if tail:
                    return [concepts, *tail]
        return None


@lru_cache(maxsize=20_000)
def phrase_key(language: str, term: str) -> tuple[str, ...]:
    """A term as its stemmed words, stop words left out: "freedom of information request" → (freedom, inform, request)."""
    words = [w.lower() for w in _words(term)]
    kept = [w for w in words if w not in stopwords(language)] or words
    return tuple(stem(language, w) for w in kept)


def written_key(language: str, term: str) -> tuple[str, ...]:
    """A term as its written words in lower case, stop words left out."""
    words = [w.lower() for w in _words(term)]
    return tuple(w for w in words if w not in stopwords(language)) or tuple(words)


@lru_cache(maxsize=1)
def default_vocabulary() -> Vocabulary:
    return Vocabulary(default_concepts())


def finnish_targets(concept: Concept, analyzer) -> frozenset[str]:
    """The index terms of a concept's Finnish words (their whole-word base forms)."""
    return _targets(concept.fi, analyzer)


@lru_cache(maxsize=2_000)
def _targets(words: tuple[str, ...], analyzer) -> frozenset[str]:
    return frozenset(
        term
        for text in words
        for word in analyse_text(text, analyzer)
        for term, kind in word_terms(word).items()
        if kind == WHOLE
    )
