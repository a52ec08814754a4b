"""SQLite and PostgreSQL rank alike.

Two checks, both run by `make test` on each database: the ranking SQL returns exactly what a
plain-Python evaluation of the same stored postings gives, and the Imatra rankings of a fixed
query list equal the recorded ones in data/ranking_golden.json, which both databases must
reproduce. After a deliberate change to analysis or weights, rewrite that file with
VARANTO_UPDATE_SEARCH_GOLDEN=1 .venv/bin/pytest varanto/search/tests/test_same_ranking.py
and review the difference.
"""

import json
import os
from collections import defaultdict
from pathlib import Path

import pytest
from django.db.models import Sum

from varanto.catalog.tests.factories import DataResourceFactory, OrganizationFactory
from varanto.publications.services import publication_create
from varanto.search import sql
from varanto.search.analysis import get_analyzer
from varanto.search.models import SearchIndex, SearchPosting, SearchTerm
from varanto.search.query import query_words, weighted_terms, word_frequency
from varanto.search.selectors import search_resources
from varanto.search.services import search_index_ensure_current
from varanto.search.sql import rank_documents
from varanto.search.thesaurus import thesaurus_for

from .test_dev_queries import DEV_QUERIES
from .test_resident_queries import MORE_RESIDENT_QUERIES, NO_ANSWER_QUERIES, RESIDENT_QUERIES

GOLDEN = Path(__file__).parent / "data" / "ranking_golden.json"

pytestmark = pytest.mark.django_db


def all_queries() -> list[str]:
    dev = [item["q"] for item in json.loads(DEV_QUERIES.read_text(encoding="utf-8"))]
    own = [query for query, _expected in RESIDENT_QUERIES + MORE_RESIDENT_QUERIES]
    return dev + own + NO_ANSWER_QUERIES


def reference_ranking(rows, *, index_id=None, frequent=()):
    """The ranking rule of sql.py evaluated in Python over the stored postings: documents holding
    an anchoring term, by the sum of their best weight × factor in each slot times the words matched."""
    by_term = defaultdict(list)
    for row in rows:
        by_term[row.term].append(row)
    postings = SearchPosting.objects.filter(term__in=list(by_term))
    if index_id is not None:
        postings = postings.filter(index_id=index_id)
    per_term = defaultdict(list)
    for posting in postings.values_list("document_id", "index_id", "position", "term", "weight"):
        per_term[posting[3]].append(posting)
    with_plain_terms = {p[0] for term, found in per_term.items() if term not in frequent for p in found}
    for term in frequent:
        strongest = sorted(per_term[term], key=lambda p: (-p[4], p[1], p[2]))[: sql.TERM_POSTINGS_LIMIT]
        per_term[term] = strongest + [p for p in per_term[term] if p[0] in with_plain_terms]
    best, place, anchored = defaultdict(int), {}, set()
    for document_id, index, position, term, weight in (p for found in per_term.values() for p in found):
        place[document_id] = (position, index)
        for row in by_term[term]:
            key = (document_id, row.slot, row.word)
            best[key] = max(best[key], weight * row.factor)
            if row.anchor:
                anchored.add(document_id)
    totals, words = defaultdict(int), defaultdict(set)
    for (document_id, _slot, word), value in best.items():
        if document_id in anchored:
            totals[document_id] += value
            words[document_id].add(word)
    ranked = sorted(totals, key=lambda d: (-totals[d] * len(words[d]), *place[d]))
    return [(d, totals[d], len(words[d])) for d in ranked]


def test_ranking_sql_equals_the_reference_evaluation(imatra_published):
    search_index_ensure_current(organization=imatra_published)
    index = SearchIndex.objects.get()
    analyzer = get_analyzer()
    thesaurus = thesaurus_for(analyzer, [])
    frequencies = dict(SearchTerm.objects.filter(index=index).values_list("term", "document_count"))
    for query in all_queries():
        rows = weighted_terms(query_words(query, analyzer, thesaurus), frequencies, index.document_count)
        in_sql = [(r.document_id, r.total, r.covered) for r in rank_documents(rows, index_id=index.pk)]
        assert in_sql == reference_ranking(rows, index_id=index.pk), query


def test_national_ranking_with_frequent_terms_cut_equals_the_reference(imatra_published, monkeypatch):
    """Over every organisation, a term in very many documents counts by its strongest postings only."""
    second = OrganizationFactory(name="Kuusiniemen kunta")
    DataResourceFactory(organization=second, name="Kirjasto", key_datasets=["Kirjastoaineistot", "Asiakkaat"])
    DataResourceFactory(organization=second, name="Vesihuolto", key_datasets=["Asiakkaat", "Vesimittarit"])
    publication_create(organization=second)
    search_index_ensure_current()
    monkeypatch.setattr(sql, "TERM_POSTINGS_LIMIT", 3)
    analyzer = get_analyzer()
    thesaurus = thesaurus_for(analyzer, [])
    frequencies = dict(SearchTerm.objects.values("term").annotate(n=Sum("document_count")).values_list("term", "n"))
    total = SearchIndex.objects.aggregate(n=Sum("document_count"))["n"]
    mixed = 0
    for query in ["asiakkaat", "kirjaston aineistot", "vesi asiakas", "päätökset ja luvat"]:
        rows = weighted_terms(query_words(query, analyzer, thesaurus), frequencies, total)
        frequent = {row.term for row in rows if word_frequency(row.term, frequencies) > 3}
        assert frequent, query
        mixed += len(frequent) < len({row.term for row in rows})
        in_sql = [(r.document_id, r.total, r.covered) for r in rank_documents(rows, frequent=frequent)]
        assert in_sql == reference_ranking(rows, frequent=frequent), query
        for hit in search_resources(query=query, organization=None, limit=5).hits:
            assert hit.score == round(sum(c.points for c in hit.contributions) * hit.ranked.covered / hit.word_count, 2)
    assert mixed, "no query mixed frequent and ordinary terms"


def test_imatra_rankings_are_the_recorded_ones_on_every_database(imatra_published):
    search_index_ensure_current(organization=imatra_published)
    rankings = {
        query: [
            [hit.document.resource_key, hit.score]
            for hit in search_resources(query=query, organization=imatra_published).hits[:5]
        ]
        for query in all_queries()
    }
    if os.environ.get("VARANTO_UPDATE_SEARCH_GOLDEN") == "1":
        GOLDEN.parent.mkdir(exist_ok=True)
        lines = [
            f"{json.dumps(q, ensure_ascii=False)}: {json.dumps(r, ensure_ascii=False)}" for q, r in rankings.items()
        ]
        GOLDEN.write_text("{\n" + ",\n".join(lines) + "\n}\n", encoding="utf-8")
        pytest.skip(f"rewrote {GOLDEN.name}")
    recorded = json.loads(GOLDEN.read_text(encoding="utf-8"))
    differences = [q for q in rankings if rankings[q] != recorded.get(q)]
    assert not differences, f"rankings differ from {GOLDEN.name} for: {differences}"
