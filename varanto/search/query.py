"""Reading a query: which terms each query word may match, and how much each is worth.

Each meaningful query word becomes one or more slots. The word's own slot holds its base
forms, the shorter compounds inside it, what the thesaurus adds and the words it derives
from; a compound word also gets a slot for each of its parts, so "vesijohtoverkosto" still
finds a resource that speaks of "vesihuolto" and "verkostotiedot". A document earns, in each
slot, the best of the alternatives it holds; rare terms weigh more than common ones.

Parts are matched by their role. A word that is no compound itself may stand anywhere in a
document's compounds; a compound (and a shorter compound inside one) only as a word or inside
a longer compound, since compound parts are single words. A modifier (katu in "katuvalo") tells what the thing is
about and may match the same word anywhere. The head (valo) tells what kind of thing it is:
it matches the word standing alone (a street light is a light) and, weakly, as the head of
another compound (päivähoito for "kotihoito"), but never as another compound's modifier
(valokuvat: a photograph is no light).

Some matches anchor a document to the query: the word's own terms, a modifier, and the head
standing alone when it is informative (held by fewer than half the documents, where BM25's
inverse document frequency turns positive: "kartta" is, "tieto" is not). A document with no
anchoring match is not a result, so a query whose words are found only as parts of other
words ("vanhusten kotihoito" → päivähoito) gives no results rather than noise.
"""

from __future__ import annotations

import math
from collections.abc import Set
from dataclasses import dataclass, field

from .analysis import AnalysedWord, Analyzer, analyse_text
from .analysis.base import bare_term, head_term, in_any_role
from .languages import Translation, Vocabulary, finnish_targets, foreign_terms, is_foreign_stopword
from .thesaurus import Thesaurus

EXACT = 1.0
INNER_COMPOUND = 0.7  # "virhemaksu" inside the query word "pysäköintivirhemaksu"
THESAURUS = 0.8  # "pysäköintivirhemaksu" for the query word "parkkisakko"
PARTS_SHARE = 0.6  # all part slots of a compound together
DERIVED = 0.5  # "ostaa" for the query word "osto"
CORRECTED = 0.7  # a word the resident probably meant
SECOND_STEP = 0.5  # a lay synonym of a compound's head ("salibandyvuoro": vuoro → tilavaraus), two steps away
MAX_WORDS = 12

# Whether a match on a term anchors a document to the query (see the module's description).
NEVER, IF_INFORMATIVE, ALWAYS = 0, 1, 2


@dataclass
class Slot:
    word: int
    alternatives: dict[str, float] = field(default_factory=dict)
    anchors: dict[str, int] = field(default_factory=dict)
    # Alternatives that count only when no document holds any term of the word's own slot.
    fallbacks: set[str] = field(default_factory=set)

    def offer(self, terms, factor: float, anchor: int = ALWAYS, *, fallback: bool = False) -> None:
        for term in terms:
            if factor > self.alternatives.get(term, 0.0):
                self.alternatives[term] = factor
                if fallback:
                    self.fallbacks.add(term)
                else:
                    self.fallbacks.discard(term)
            if anchor > self.anchors.get(term, NEVER):
                self.anchors[term] = anchor


@dataclass
class QueryWord:
    """One word of the query as search understood it."""

    surface: str
    slots: list[Slot]
    known: bool = True  # the analyser recognised the word (so it is no typo)
    corrected: str | None = None  # the spelling search used instead of a word it could not find
    # What a Swedish or English word was taken to mean: (the Finnish word shown, its index terms).
    also: tuple[tuple[str, frozenset[str]], ...] = ()

    @property
    def terms(self) -> set[str]:
        return {term for slot in self.slots for term in slot.alternatives}

    @property
    def words(self) -> set[str]:
        """The words of its terms, whatever their role: what document frequencies are kept for."""
        return {bare_term(term) for term in self.terms}


def query_words(
    text: str,
    analyzer: Analyzer,
    thesaurus: Thesaurus,
    *,
    implied: frozenset[str] = frozenset(),
    vocabulary: Vocabulary | None = None,
) -> list[QueryWord]:
    """The meaningful words of a query (all words, if every one is a stop word), each with its slots.

    Words whose every base form is `implied` are left out too: within one organisation's
    catalogue, "Imatran kaupungin" in "Imatran kaupungin budjetti" tells nothing. Swedish and
    English function words no Finnish dictionary knows go the same way. The `vocabulary` adds
    the Finnish words of Swedish and English words and phrases (languages.py).
    """
    words = analyse_text(text, analyzer) or analyse_text(text, analyzer, keep_stopwords=True)
    words = [w for w in words if not w.analysis.lemmas <= implied] or words
    words = ([w for w in words if w.analysis.known or not is_foreign_stopword(w.surface)] or words)[:MAX_WORDS]
    phrases = thesaurus.expand_phrases(words)
    translations = vocabulary.translate(words) if vocabulary else []
    # A phrase ("building permit") is one query word: the one it ends with.
    by_word: dict[int, dict[int, list[Translation]]] = {}
    absorbed: set[int] = set()
    for translation in translations:
        by_word.setdefault(translation.positions[-1], {}).setdefault(translation.part, []).append(translation)
        absorbed.update(translation.positions[:-1])
    planned: list[QueryWord] = []
    for position, word in enumerate(words):
        parts = by_word.get(position, {})
        if position in absorbed and not parts:
            continue
        first, *further = [parts[number] for number in sorted(parts)] or [[]]
        also = _also(first, analyzer, thesaurus)
        extra = phrases.get(position, set()).union(*(targets for _shown, targets in also))
        query_word = plan_word(word, len(planned), thesaurus, extra)
        if first:
            query_word.slots += _finnish_parts(first[0], len(planned), analyzer, thesaurus)
        planned.append(_translated(query_word, also, bool(translations)))
        for part in further:
            part_word = _part_word(word.surface, part, len(planned), analyzer, thesaurus)
            planned.append(_translated(part_word, part_word.also, True))
    return planned


def _also(translations: list[Translation], analyzer: Analyzer, thesaurus: Thesaurus):
    """(Finnish word shown, its terms and their lay synonyms) of each translation of one query word."""
    found = []
    for translation in translations:
        targets = finnish_targets(translation.concept, analyzer)
        found.append((translation.shown, frozenset(targets | thesaurus.expand(targets))))
    return tuple(found)


def _finnish_parts(translation: Translation, position: int, analyzer: Analyzer, thesaurus: Thesaurus) -> list[Slot]:
    """The compound parts of the Finnish word shown, as a Finnish query word's part slots would be,
    counted only where no resource holds the translation itself ("parkeringstillstånd" →
    pysäköintilupa, which a catalogue may have only as pysäköinti- and -lupa)."""
    words = analyse_text(translation.shown, analyzer)
    if len(words) != 1 or not words[0].analysis.is_compound:
        return []
    slots = plan_word(words[0], position, thesaurus).slots[1:]
    for slot in slots:
        slot.fallbacks = set(slot.alternatives)
    return slots


def _part_word(surface: str, part: list[Translation], position: int, analyzer, thesaurus) -> QueryWord:
    """A further part of a Swedish compound as a query word of its own: its concepts' Finnish words."""
    also = _also(part, analyzer, thesaurus)
    slot = Slot(position)
    slot.offer(thesaurus.in_every_role(set().union(*(targets for _shown, targets in also))), THESAURUS)
    return QueryWord(surface, [slot], also=also)


def _translated(word: QueryWord, also, foreign_query: bool) -> QueryWord:
    """The word with what it was taken to mean. In a Swedish or English query no word is
    corrected to a Finnish one ("drawings" is no typo of anything)."""
    word.also = also
    if foreign_query:
        word.known = True
    return word


def plan_word(word: AnalysedWord, position: int, thesaurus: Thesaurus, extra: Set[str] = frozenset()) -> QueryWord:
    analysis = word.analysis
    roles = thesaurus.in_every_role
    own = Slot(position)
    own.offer(analysis.lemmas if analysis.is_compound else in_any_role(analysis.lemmas), EXACT)
    own.offer(analysis.compounds, INNER_COMPOUND)
    own.offer(roles(thesaurus.expand(analysis.lemmas) | set(extra)), THESAURUS)
    own.offer(roles(thesaurus.expand(analysis.compounds)), INNER_COMPOUND * THESAURUS)
    for completion in word.completions:
        own.offer(completion.lemmas, EXACT)
    own.offer(analysis.roots, DERIVED)
    # The organisation's own Swedish and English texts are indexed under stems of their language.
    own.offer(foreign_terms(word.surface), EXACT)
    slots = [own]
    if analysis.is_compound:
        share = PARTS_SHARE / len(analysis.parts)
        last = len(analysis.parts) - 1
        for number, part in enumerate(analysis.parts):
            roots = analysis.part_roots[number] if number < len(analysis.part_roots) else frozenset()
            slot = Slot(position)
            if analysis.name_pieces:
                slot.offer(roles(part), share)
            elif number < last:
                # What the word's own slot already matches is not counted again through a part.
                synonyms = thesaurus.expand(part) - own.alternatives.keys()
                slot.offer(in_any_role(part), share)
                slot.offer(roots, share * DERIVED)
                slot.offer(roles(synonyms), share * THESAURUS)
            else:
                slot.offer(part, share, IF_INFORMATIVE)
                slot.offer({head_term(t) for t in part}, share, NEVER)
                slot.offer(roots, share * DERIVED, NEVER)
                # The head's lay synonyms stand in for a word the catalogue does not have
                # ("salibandyvuoro": vuoro → tilavaraus); where it has the word, they would only
                # add another sense of the head (kirja in "pöytäkirja" is no book).
                synonyms = thesaurus.expand(part) - own.alternatives.keys()
                slot.offer(synonyms, share * THESAURUS * SECOND_STEP, IF_INFORMATIVE, fallback=True)
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
    anchor: int = 1  # 1 when a document holding the term is a result on its strength


def word_frequency(term: str, frequencies: dict[str, int]) -> int:
    """How many documents hold the word of `term` in any role (as a word, a modifier or a head).

    Rarity is a property of the word: "tieto" is common whether it stands alone or ends
    "paikkatieto". `frequencies` are by word (SearchTerm); zero means no document holds it.
    """
    return frequencies.get(bare_term(term), 0)


def informative(document_count: int, frequency: int) -> bool:
    """Whether a term tells documents apart: held by fewer than half of them (BM25's IDF is positive)."""
    return 2 * frequency < document_count


def weighted_terms(words: list[QueryWord], frequencies: dict[str, int], document_count: int) -> list[WeightedTerm]:
    """The (term, slot, word, factor, anchor) rows ranking joins against, leaving out words no document holds.

    A role-marked term whose word is held only in another role ("-valo" where only "valo-" is)
    still gets a row; it simply meets no posting.
    """
    rows = []
    slot_number = 0
    for query_word in words:
        found_itself = any(word_frequency(term, frequencies) for term in query_word.slots[0].alternatives)
        for slot in query_word.slots:
            for term, factor in sorted(slot.alternatives.items()):
                frequency = word_frequency(term, frequencies)
                if frequency and not (found_itself and term in slot.fallbacks):
                    percent = round(100 * factor * rarity(document_count, frequency))
                    level = slot.anchors.get(term, NEVER)
                    anchor = level == ALWAYS or (level == IF_INFORMATIVE and informative(document_count, frequency))
                    rows.append(WeightedTerm(term, slot_number, slot.word, max(percent, 1), int(anchor)))
            slot_number += 1
    return rows
