"""The raw SQL of search, in one module and written for SQLite and PostgreSQL alike.

Ranking: a document's score is the sum, over the query's slots, of its best `weight × factor`
in each slot, times the number of query words it matched (so several matched words beat one).
Every number is an integer, so both databases compute exactly the same scores, and ties are
broken by the order of resources in the publication, then by index.

A term held by very many documents ("palvelu" in a national catalogue) would make every query
that touches it aggregate tens of thousands of rows while adding little to the order: for such
a term only its TERM_POSTINGS_LIMIT strongest postings take part.

Writing: an index has thousands of postings, which plain multi-row INSERTs store several
times faster than model instances would.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import islice

from django.db import connection, models

from .models import SearchPosting
from .query import WeightedTerm

INSERT_BATCH = 500
TERM_POSTINGS_LIMIT = 1000


@dataclass(frozen=True)
class Ranked:
    document_id: int
    total: int  # Σ over slots of the best weight × factor
    covered: int  # query words matched

    @property
    def score(self) -> int:
        return self.total * self.covered


def rank_documents(
    rows: Sequence[WeightedTerm],
    *,
    index_id: int | None = None,
    frequent: Iterable[str] = (),
    limit: int | None = None,
) -> list[Ranked]:
    """Documents holding any of the weighted terms, best first, in one index (or in every one).

    Terms in `frequent` count only with their TERM_POSTINGS_LIMIT strongest postings.
    """
    if not rows:
        return []
    values_sql, params = _weighted_terms(rows)
    source_sql, source_params = _postings(rows, index_id, frequent, RANK_COLUMNS)
    params += source_params
    limit_sql = ""
    if limit is not None:
        limit_sql = "LIMIT %s"
        params.append(limit)
    sql = f"""
        WITH q (term, slot, word, factor) AS ({values_sql}),
        p ({RANK_COLUMNS}) AS ({source_sql})
        SELECT s.document_id, SUM(s.best), COUNT(DISTINCT s.word)
        FROM (
            SELECT p.document_id, p.index_id, p.position, q.slot, q.word, MAX(p.weight * q.factor) AS best
            FROM p JOIN q ON q.term = p.term
            GROUP BY p.document_id, p.index_id, p.position, q.slot, q.word
        ) s
        GROUP BY s.document_id, s.index_id, s.position
        ORDER BY SUM(s.best) * COUNT(DISTINCT s.word) DESC, s.position, s.index_id
        {limit_sql}
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [Ranked(document_id, int(total), int(covered)) for document_id, total, covered in cursor.fetchall()]


def ranked_postings(
    rows: Sequence[WeightedTerm], document_ids: Sequence[int], *, index_id: int | None = None, frequent: Iterable[str] = ()
) -> list[tuple[int, str, int, str, str]]:
    """(document_id, term, weight, field, kind) of exactly the postings `rank_documents` counted for the documents."""
    if not rows or not document_ids:
        return []
    columns = "document_id, term, weight, field, kind, index_id, position"
    source_sql, params = _postings(rows, index_id, frequent, columns)
    sql = f"SELECT document_id, term, weight, field, kind FROM ({source_sql}) p WHERE document_id IN ({', '.join(['%s'] * len(document_ids))})"
    with connection.cursor() as cursor:
        cursor.execute(sql, params + list(document_ids))
        return cursor.fetchall()


RANK_COLUMNS = "document_id, index_id, position, term, weight"


def _weighted_terms(rows: Sequence[WeightedTerm]) -> tuple[str, list]:
    row_sql = "(CAST(%s AS VARCHAR(100)), CAST(%s AS INTEGER), CAST(%s AS INTEGER), CAST(%s AS INTEGER))"
    params = [value for row in rows for value in (row.term, row.slot, row.word, row.factor)]
    return "VALUES " + ", ".join([row_sql] * len(rows)), params


def _postings(rows, index_id, frequent, columns: str) -> tuple[str, list]:
    """SQL selecting the postings of the terms: all of them, or the strongest for frequent terms."""
    table = connection.ops.quote_name(SearchPosting._meta.db_table)
    scope, scope_params = ("", []) if index_id is None else ("AND index_id = %s", [index_id])
    terms = {row.term for row in rows}
    frequent = sorted(terms & set(frequent))
    plain = sorted(terms - set(frequent))
    sources, params = [], []
    if plain:
        sources.append(f"SELECT {columns} FROM {table} WHERE term IN ({', '.join(['%s'] * len(plain))}) {scope}")
        params += plain + scope_params
    for term in frequent:
        sources.append(
            f"SELECT * FROM (SELECT {columns} FROM {table} WHERE term = %s {scope} "
            f"ORDER BY weight DESC, index_id, position LIMIT {TERM_POSTINGS_LIMIT}) strongest"
        )
        params += [term, *scope_params]
    return " UNION ALL ".join(sources), params


def insert_rows(model: type[models.Model], fields: Sequence[str], rows: Iterable[tuple]) -> None:
    """INSERT `rows` (values of `fields`, in order) into the model's table, several hundred at a time."""
    quote = connection.ops.quote_name
    columns = ", ".join(quote(model._meta.get_field(name).column) for name in fields)
    placeholders = "(" + ", ".join(["%s"] * len(fields)) + ")"
    table = quote(model._meta.db_table)
    rows = iter(rows)
    with connection.cursor() as cursor:
        while batch := list(islice(rows, INSERT_BATCH)):
            cursor.execute(
                f"INSERT INTO {table} ({columns}) VALUES {', '.join([placeholders] * len(batch))}",
                [value for row in batch for value in row],
            )
