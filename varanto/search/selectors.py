"""Searching the indexed publications (haku): reads only, over indexes made by the services.

`search_resources(query=…, organization=…)` is what the results page, the command line and an
API call, over the index the publishing service (or `varanto search_index`) built; never building one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from django.db.models import Sum

from varanto.catalog.models import Organization
from varanto.core.versions import app_version
from varanto.publications.models import Publication

from . import sql
from .analysis import Analyzer, analyse_text, get_analyzer
from .facets import FACET_NAMES, ORGANIZATION_FACETS, Facet, facet_counts, facets_of, matches_filters
from .languages import default_vocabulary
from .models import Referral, SearchDocument, SearchIndex, SearchTerm, ThesaurusEntry
from .query import QueryWord, WeightedTerm, corrected_word, query_words, weighted_terms, word_frequency
from .referrals import ReferralRule, default_referrals, matching_referrals, referral_rule
from .snippets import Segment, Snippet, best_snippet, highlight
from .spelling import MAX_SUGGESTIONS, one_edit_away, worth_correcting
from .sql import Ranked, rank_documents
from .thesaurus import Thesaurus, thesaurus_for

MAX_QUERY_LENGTH = 200
# What results and facets read of every matching document: not its texts, which only the snippets of the
# page shown need (`_Texts`), nor its organisation's other columns (JSON decoded for every row). Searching
# every organisation matches thousands of documents.
HIT_FIELDS = (
    *(f.name for f in SearchDocument._meta.concrete_fields if f.name not in ("index", "texts")),
    "index__organization__slug",
    "index__organization__name",
)
TEXTS_BATCH = 20  # a results page


def publications_to_index(*, organization: Organization | None = None, analyzer: Analyzer | None = None):
    """Latest publications (of one organisation or of all) without a search index made by `analyzer`."""
    analyzer = analyzer or get_analyzer()
    ids = sql.stale_publication_ids(analyzer.name, organization.pk if organization else None)
    if not ids:
        return Publication.objects.none()
    return Publication.objects.filter(pk__in=ids).select_related("organization").order_by("organization__name")


def has_publications(*, organization: Organization | None = None) -> bool:
    publications = Publication.objects.served()
    return (publications if organization is None else publications.filter(organization=organization)).exists()


@dataclass(frozen=True)
class Contribution:
    """One part of a score: a query word matched a term in a field of the resource."""

    word: str
    term: str
    field: str
    kind: str  # W whole word, S compound inside a word, P compound part, R a word it derives from
    points: float


class _Texts:
    """The texts of the documents found, read when a hit's snippet first needs them: for that hit and the
    TEXTS_BATCH - 1 after it in one query (the rest of its page)."""

    def __init__(self, documents: list[SearchDocument]):
        self.documents = documents
        self.position = {document.pk: n for n, document in enumerate(documents)}

    def of(self, document: SearchDocument) -> list:
        if "texts" in document.get_deferred_fields():
            start = self.position[document.pk]
            batch = [d for d in self.documents[start : start + TEXTS_BATCH] if "texts" in d.get_deferred_fields()]
            found = dict(SearchDocument.objects.filter(pk__in=[d.pk for d in batch]).values_list("pk", "texts"))
            for each in batch:
                each.texts = found[each.pk]
        return document.texts


@dataclass
class SearchHit:
    document: SearchDocument
    ranked: Ranked
    word_count: int
    contributions: list[Contribution]
    analyzer: Analyzer
    texts: _Texts

    @property
    def score(self) -> float:
        """Points of the matches, scaled by the share of query words matched."""
        return round(self.ranked.total * self.ranked.covered / self.word_count / 100, 2)

    @property
    def organization(self):
        return self.document.index.organization

    @cached_property
    def matched_terms(self) -> set[str]:
        return {c.term for c in self.contributions}

    @cached_property
    def name_segments(self) -> list[Segment]:
        return highlight(self.document.name, self.analyzer, self.matched_terms)

    @cached_property
    def snippet(self) -> Snippet | None:
        fields = {c.field for c in self.contributions}
        return best_snippet(self.texts.of(self.document), self.analyzer, self.matched_terms, fields)


@dataclass
class SearchResults:
    query: str
    words: list[QueryWord]
    hits: Sequence[SearchHit] = field(default_factory=list)
    facets: list[Facet] = field(default_factory=list)
    # Finnish words a Swedish or English query was also searched for ("haettu myös: rakennuslupa").
    searched_also: list[str] = field(default_factory=list)

    @property
    def corrections(self) -> list[QueryWord]:
        return [w for w in self.words if w.corrected]


def search_resources(
    *,
    query: str,
    organization: Organization | None,
    filters: Mapping[str, str] | None = None,
    limit: int | None = None,
) -> SearchResults:
    """Data resources matching `query` in the organisation's index (None: every organisation's), best first.

    `filters` narrows by facet (section, system, disclosure, api; organization when every
    organisation is searched, with the same ranking as one's own search). Without `limit` every
    match is returned and facets count them all; with it, the best `limit` only. Build missing
    indexes first with `services.search_index_ensure_current`.
    """
    query, facet_names, filters = _asked(query, organization, filters)
    plan = _Plan.of(query, organization)
    if plan is None:
        return SearchResults(query, [])
    ranked = rank_documents(plan.rows, index_id=plan.scope.index_id, frequent=plan.frequent, limit=limit)
    documents = _hit_documents(ranked)
    ordered = [(r, documents[r.document_id]) for r in ranked]
    kept = [(r, d) for r, d in ordered if matches_filters(d, filters)]
    return SearchResults(
        query,
        plan.words,
        hits=plan.hits(kept),
        facets=facet_counts([d for _, d in ordered], filters, facet_names),
        searched_also=_searched_also(plan.words, plan.frequencies),
    )


def search_page(
    *, query: str, organization: Organization | None, filters: Mapping[str, str] | None = None
) -> SearchResults:
    """`search_resources` for the results page: the same results in the same order, but read a page at a
    time (`hits` is a sequence whose slices query the database) and the facets counted by the database,
    so that a page's work does not grow with the number of matches."""
    query, facet_names, filters = _asked(query, organization, filters)
    plan = _Plan.of(query, organization)
    if plan is None:
        return SearchResults(query, [])
    total, groups = sql.facet_groups(
        plan.rows, index_id=plan.scope.index_id, frequent=plan.frequent, filters=filters, names=facet_names
    )
    return SearchResults(
        query,
        plan.words,
        hits=_PagedHits(plan, filters, total),
        facets=facets_of(groups, filters, facet_names),
        searched_also=_searched_also(plan.words, plan.frequencies),
    )


def _asked(
    query: str, organization: Organization | None, filters: Mapping[str, str] | None
) -> tuple[str, tuple[str, ...], dict[str, str]]:
    """The query as searched (spaces folded, at most MAX_QUERY_LENGTH), the facets of the scope, and the
    chosen values of those facets."""
    facet_names = FACET_NAMES if organization is None else ORGANIZATION_FACETS
    return (
        " ".join(query.split())[:MAX_QUERY_LENGTH],
        facet_names,
        {k: v for k, v in (filters or {}).items() if k in facet_names and v},
    )


def _hit_documents(ranked: list[Ranked]) -> dict[int, SearchDocument]:
    return (
        SearchDocument.objects.select_related("index__organization")
        .only(*HIT_FIELDS)
        .in_bulk([r.document_id for r in ranked])
    )


@dataclass
class _Plan:
    """A query as ranking reads it: its words, their weighted terms, and the scope searched."""

    scope: _Scope
    analyzer: Analyzer
    words: list[QueryWord]
    frequencies: dict[str, int]
    rows: list[WeightedTerm]
    frequent: set[str]

    @classmethod
    def of(cls, query: str, organization: Organization | None) -> _Plan | None:
        scope = _Scope(organization)
        if not scope.document_count or not query:
            return None
        analyzer = get_analyzer()
        thesaurus = thesaurus_for(analyzer, scope.thesaurus_entries())
        words = query_words(
            query, analyzer, thesaurus, implied=scope.implied_lemmas(analyzer), vocabulary=default_vocabulary()
        )
        frequencies = scope.frequencies({t for w in words for t in w.words})
        words = [_corrected(w, frequencies, scope, analyzer, thesaurus) for w in words]
        rows = weighted_terms(words, frequencies, scope.document_count)
        return cls(scope, analyzer, words, frequencies, rows, scope.frequent(rows, frequencies))

    def hits(self, kept: list[tuple[Ranked, SearchDocument]]) -> list[SearchHit]:
        found_words = len({row.word for row in self.rows})
        contributions = _contributions([r for r, _ in kept], self.rows, self.words)
        texts = _Texts([d for _, d in kept])
        return [SearchHit(d, r, found_words, contributions.get(d.pk, []), self.analyzer, texts) for r, d in kept]


class _PagedHits(Sequence[SearchHit]):
    """The hits of a search, `total` of them, each slice read from the database when asked for (what
    Django's Paginator takes: a length and slices)."""

    def __init__(self, plan: _Plan, filters: Mapping[str, str], total: int):
        self.plan, self.filters, self.total = plan, filters, total

    def __len__(self) -> int:
        return self.total

    def __getitem__(self, item):
        if not isinstance(item, slice):
            return self[item : item + 1][0] if item >= 0 else self[self.total + item]
        start, stop, step = item.indices(self.total)
        if step != 1:
            raise ValueError("hits are read in pages")
        ranked = sql.ranked_page(
            self.plan.rows,
            index_id=self.plan.scope.index_id,
            frequent=self.plan.frequent,
            filters=self.filters,
            offset=start,
            limit=stop - start,
        )
        documents = _hit_documents(ranked)
        return self.plan.hits([(r, documents[r.document_id]) for r in ranked])


def _searched_also(words: list[QueryWord], frequencies: dict[str, int]) -> list[str]:
    """The Finnish words of the query's Swedish and English words that some resource holds."""
    shown = [
        word
        for query_word in words
        for word, targets in query_word.also
        if any(word_frequency(term, frequencies) for term in targets)
    ]
    return list(dict.fromkeys(shown))


def search_referrals(*, query: str, organization: Organization | None) -> tuple[ReferralRule, ...]:
    """Ohjaukset: the matters of the query another authority holds, from the organisation's table
    (the defaults while it has none, and across every organisation)."""
    query = " ".join(query.split())[:MAX_QUERY_LENGTH]
    return matching_referrals(query, referral_rules(organization=organization), get_analyzer()) if query else ()


def referral_rules(*, organization: Organization | None) -> tuple[ReferralRule, ...]:
    own = Referral.objects.filter(organization=organization).order_by("matter") if organization else []
    return tuple(referral_rule(r) for r in own) or default_referrals()


def thesaurus_entries(*, organization: Organization):
    return ThesaurusEntry.objects.filter(organization=organization).order_by("term")


SEARCH_VERSION = app_version(Path(__file__).resolve().parent, suffixes={".py", ".csv", ".html", ".mo"})[0]


def search_state(org_slug: str) -> str:
    """What search results depend on beside the publication: this search engine and its data, the
    Finnish analyser in use, the index searched (built after the publication commits) and the
    organisation's own thesaurus entries and referrals (which change unpublished). One query."""
    return repr([SEARCH_VERSION, get_analyzer().name, sql.search_signature(org_slug)])


def site_search_state() -> str:
    """What the search of every organisation depends on beside the query: this search engine and its data,
    the analyser, and every organisation's publications, index and thesaurus entries (its referrals are
    the defaults, part of the engine's data). One query, whatever the number of organisations."""
    return repr([SEARCH_VERSION, get_analyzer().name, *sql.site_search_signature()])


class _Scope:
    """What is searched: one organisation's index, or every organisation's."""

    def __init__(self, organization: Organization | None):
        self.organization = organization
        if organization is None:
            self.index_id = None
            self.document_count = SearchIndex.objects.aggregate(n=Sum("document_count"))["n"] or 0
        else:
            index = SearchIndex.objects.filter(organization=organization).only("pk", "document_count").first()
            self.index_id = index.pk if index else None
            self.document_count = index.document_count if index else 0

    def implied_lemmas(self, analyzer: Analyzer) -> frozenset[str]:
        """Base forms of the organisation's own name, when one organisation is searched."""
        if self.organization is None:
            return frozenset()
        words = analyse_text(self.organization.name, analyzer, keep_stopwords=True)
        return frozenset(lemma for w in words for lemma in w.analysis.lemmas)

    def thesaurus_entries(self):
        entries = ThesaurusEntry.objects.all()
        return entries if self.organization is None else entries.filter(organization=self.organization)

    def frequencies(self, terms) -> dict[str, int]:
        """How many documents of the scope hold each term (absent terms left out)."""
        terms = list(terms)
        if not terms:
            return {}
        found = SearchTerm.objects.filter(term__in=terms)
        if self.index_id is not None:
            return dict(found.filter(index_id=self.index_id).values_list("term", "document_count"))
        return dict(found.values("term").annotate(n=Sum("document_count")).values_list("term", "n"))

    def frequent(self, rows: list[WeightedTerm], frequencies: dict[str, int]) -> set[str]:
        """Terms counted by their strongest postings only: nationally, those whose word is in very many documents."""
        if self.index_id is not None:
            return set()
        return {row.term for row in rows if word_frequency(row.term, frequencies) > sql.TERM_POSTINGS_LIMIT}


def _corrected(
    word: QueryWord, frequencies: dict[str, int], scope: _Scope, analyzer: Analyzer, thesaurus: Thesaurus
) -> QueryWord:
    """The word, or what the resident probably meant when no document holds any of its terms."""
    if any(word_frequency(t, frequencies) for t in word.terms) or not worth_correcting(word.surface, word.known):
        return word
    candidates = [
        corrected_word(word, s, analyzer, thesaurus) for s in analyzer.suggest(word.surface)[:MAX_SUGGESTIONS]
    ]
    near = one_edit_away(word.surface.lower())
    # The index counts a word also where it is only a compound part ("effica" in "Effica-potilastiedot").
    in_use = scope.frequencies(sql.existing_terms(near, index_id=scope.index_id))
    near_terms = sorted(set(in_use) | (near & thesaurus.terms), key=lambda t: (-in_use.get(t, 0), t))
    candidates += [corrected_word(word, t, analyzer, thesaurus) for t in near_terms[:MAX_SUGGESTIONS]]
    if not candidates:
        return word
    frequencies.update(scope.frequencies({t for c in candidates for t in c.words} - set(frequencies)))
    return next((c for c in candidates if any(word_frequency(t, frequencies) for t in c.terms)), word)


def _contributions(
    ranked: list[Ranked], rows: list[WeightedTerm], words: list[QueryWord]
) -> dict[int, list[Contribution]]:
    """Why each document scored: in each slot, the match that earned what ranking counted."""
    if not ranked:
        return {}
    by_slot: dict[int, list[WeightedTerm]] = {}
    for row in rows:
        by_slot.setdefault(row.slot, []).append(row)
    postings = sql.posting_details([(r.index_id, r.document_id) for r in ranked], {row.term for row in rows})
    held: dict[tuple[int, str], tuple[int, str, str]] = {
        (document_id, term): (weight, field_name, kind) for document_id, term, weight, field_name, kind in postings
    }
    found: dict[int, list[Contribution]] = {}
    for entry in ranked:
        for slot, best in sorted(entry.slots.items()):
            row = min(
                (r for r in by_slot[slot] if held.get((entry.document_id, r.term), (0,))[0] * r.factor == best),
                key=lambda r: r.term,
            )
            _weight, field_name, kind = held[(entry.document_id, row.term)]
            found.setdefault(entry.document_id, []).append(
                Contribution(words[row.word].surface, row.term, field_name, kind, best / 100)
            )
    return found
