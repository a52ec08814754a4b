"""Reading a query: which terms each query word may match, and how much each is worth.

Each meaningful query word becomes one or more slots. The word's own slot holds its base
forms, the shorter compounds inside it and what the thesaurus adds; a compound word also
gets a slot for each of its parts, so "vesijohtoverkosto" still finds a resource that speaks
of "vesihuolto" and "verkostotiedot". A document earns, in each slot, the best of the
alternatives it holds; rare terms weigh more than common ones.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from .analysis import AnalysedWord, Analyzer, analyse_text
from .thesaurus import Thesaurus

EXACT = 1.0
INNER_COMPOUND = 0.7  # "virhemaksu" inside the query word "pysäköintivirhemaksu"
THESAURUS = 0.8  # "pysäköintivirhemaksu" for the query word "parkkisakko"
PARTS_SHARE = 0.6  # all part slots of a compound together
DERIVED = 0.5  # "ostaa" for the query word "osto"
CORRECTED = 0.7  # a word the resident probably meant
MAX_WORDS = 12


@dataclass
class Slot:
    word: int
    alternatives: dict[str, float] = field(default_factory=dict)

    def offer(self, terms, factor: float) -> None:
        for term in terms:
            if factor > self.alternatives.get(term, 0.0):
                self.alternatives[term] = factor


@dataclass
class QueryWord:
    """One word of the query as search understood it."""

    surface: str
    slots: list[Slot]
    known: bool = True  # the analyser recognised the word (so it is no typo)
    corrected: str | None = None  # the spelling search used instead of a word it could not find

    @property
    def terms(self) -> set[str]:
        return {term for slot in self.slots for term in slot.alternatives}


def query_words(
    text: str, analyzer: Analyzer, thesaurus: Thesaurus, *, implied: frozenset[str] = frozenset()
) -> list[QueryWord]:
    """The meaningful words of a query (all words, if every one is a stop word), each with its slots.

    Words whose every base form is `implied` are left out too: within one organisation's
    catalogue, "Imatran kaupungin" in "Imatran kaupungin budjetti" tells nothing.
    """
    words = analyse_text(text, analyzer) or analyse_text(text, analyzer, keep_stopwords=True)
    words = ([w for w in words if not w.analysis.lemmas <= implied] or words)[:MAX_WORDS]
    phrases = thesaurus.expand_phrases(words)
    return [plan_word(word, position, thesaurus, phrases.get(position, set())) for position, word in enumerate(words)]


def plan_word(word: AnalysedWord, position: int, thesaurus: Thesaurus, extra: set[str] = frozenset()) -> QueryWord:
    analysis = word.analysis
    own = Slot(position)
    own.offer(analysis.lemmas, EXACT)
    own.offer(analysis.compounds, INNER_COMPOUND)
    own.offer(thesaurus.expand(analysis.lemmas) | set(extra), THESAURUS)
    own.offer(thesaurus.expand(analysis.compounds), INNER_COMPOUND * THESAURUS)
    for completion in word.completions:
        own.offer(completion.lemmas, EXACT)
    own.offer(analysis.roots, DERIVED)
    slots = [own]
    if analysis.is_compound:
        share = PARTS_SHARE / len(analysis.parts)
        for part in analysis.parts:
            slot = Slot(position)
            slot.offer(part, share)
            # What the word's own slot already matches is not counted again through a part.
            slot.offer(thesaurus.expand(part) - own.alternatives.keys(), share * THESAURUS)
            slots.append(slot)
    return QueryWord(word.surface, slots, known=analysis.known)


def corrected_word(query_word: QueryWord, spelling: str, analyzer: Analyzer, thesaurus: Thesaurus) -> QueryWord:
    """The plan of a word as if the resident had written `spelling`, worth a little less."""
    words = analyse_text(spelling, analyzer, keep_stopwords=True)
    position = query_word.slots[0].word
    slots = []
    for word in words:
        for slot in plan_word(word, position, thesaurus).slots:
            slot.alternatives = {term: factor * CORRECTED for term, factor in slot.alternatives.items()}
            slots.append(slot)
    return QueryWord(query_word.surface, slots, known=query_word.known, corrected=spelling)


def rarity(document_count: int, frequency: int) -> float:
    """How much a rare term weighs more: 1 for a term in every document, more the rarer it is."""
    return 1.0 + 0.5 * math.log(max(document_count, 1) / max(frequency, 1))


@dataclass(frozen=True)
class WeightedTerm:
    term: str
    slot: int
    word: int
    factor: int  # percent: match factor × rarity × 100, an integer so every database sums alike


def weighted_terms(words: list[QueryWord], frequencies: dict[str, int], document_count: int) -> list[WeightedTerm]:
    """The (term, slot, word, factor) rows ranking joins against, leaving out terms no document holds."""
    rows = []
    slot_number = 0
    for query_word in words:
        for slot in query_word.slots:
            for term, factor in sorted(slot.alternatives.items()):
                frequency = frequencies.get(term, 0)
                if frequency:
                    percent = round(100 * factor * rarity(document_count, frequency))
                    rows.append(WeightedTerm(term, slot_number, slot.word, max(percent, 1)))
            slot_number += 1
    return rows

