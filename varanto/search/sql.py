"""The raw SQL of search, in one module and written for SQLite and PostgreSQL alike.

Ranking: a document's score is the sum, over the query's slots, of its best `weight × factor`
in each slot, times the number of query words it matched (so several matched words beat one).
Only documents holding at least one anchoring term (query.py) are results.
Every number is an integer, so both databases compute exactly the same scores, and ties are
broken by the order of resources in the publication, then by index.

A term held by very many documents ("palvelu" in a national catalogue) would make every query
that touches it aggregate tens of thousands of rows while adding little to the order: for such
a term only its TERM_POSTINGS_LIMIT strongest postings take part, and its postings in the
documents that hold one of the query's other terms.

Why posting tables rather than SQLite FTS5 and PostgreSQL's tsvector: the Finnish analysis
(Voikko's base forms, compound parts, derivations, the thesaurus) happens in Python for both, so
all an engine would add is a posting list; and FTS5's bm25() and PostgreSQL's ts_rank tokenise
and rank differently, so the same query would order results differently on the two databases.
A table of (term, document, weight) with an index gives the posting list on both, and one SQL
ranking gives the same order on both (tests/test_same_ranking.py).

Writing: an index has thousands of postings, which plain multi-row INSERTs store several
times faster than model instances would.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import islice

from django.db import connection, models

from varanto.catalog.models import Organization
from varanto.publications.models import Publication

from .models import Referral, SearchDocument, SearchIndex, SearchPosting, SearchTerm, ThesaurusEntry
from .query import WeightedTerm

INSERT_BATCH = 500
DETAIL_BATCH = 100
TERM_POSTINGS_LIMIT = 300


@dataclass
class Ranked:
    document_id: int
    index_id: int
    total: int  # Σ over slots of the best weight × factor
    covered: int  # query words matched
    slots: dict[int, int] = field(default_factory=dict)  # slot → its best weight × factor

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

    Terms in `frequent` count only with their TERM_POSTINGS_LIMIT strongest postings. Each
    result carries what it earned in each slot, for explaining the score.
    """
    if not rows:
        return []
    ranking_sql, params = _ranking(rows, index_id, frequent)
    limit_sql = ""
    if limit is not None:
        limit_sql = "ORDER BY total * covered DESC, position, index_id LIMIT %s"
        params.append(limit)
    sql = f"""
        {ranking_sql},
        h AS (SELECT document_id, index_id, position, total, covered FROM r {limit_sql})
        {RANKED_SLOTS}
    """
    return _read_ranked(sql, params)


# The ranked documents `h` with what each earned in each slot, best first.
RANKED_SLOTS = """
        SELECT h.document_id, h.index_id, h.total, h.covered, s.slot, s.best
        FROM h JOIN s ON s.document_id = h.document_id
        ORDER BY h.total * h.covered DESC, h.position, h.index_id, s.slot
"""


def _ranking(rows: Sequence[WeightedTerm], index_id: int | None, frequent: Iterable[str]) -> tuple[str, list]:
    """Common table expressions ending in `r`: every result (unordered) with its total and words covered,
    and `s`, what each document earned in each slot."""
    values_sql, params = _weighted_terms(rows)
    postings_sql, postings_params = _postings(rows, index_id, frequent)
    sql = f"""
        WITH q (term, slot, word, factor, anchor) AS ({values_sql}),
        {postings_sql},
        s AS (
            SELECT p.document_id, p.index_id, p.position, q.slot, q.word, MAX(p.weight * q.factor) AS best,
                MAX(q.anchor) AS anchored
            FROM p JOIN q ON q.term = p.term
            GROUP BY p.document_id, p.index_id, p.position, q.slot, q.word
        ),
        r AS (
            SELECT document_id, index_id, position, SUM(best) AS total, COUNT(DISTINCT word) AS covered
            FROM s
            GROUP BY document_id, index_id, position
            HAVING MAX(anchored) = 1
        )"""
    return sql, params + postings_params


def _read_ranked(sql: str, params: list) -> list[Ranked]:
    ranked: dict[int, Ranked] = {}
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for document_id, index_id, total, covered, slot, best in cursor.fetchall():
            entry = ranked.setdefault(document_id, Ranked(document_id, index_id, int(total), int(covered)))
            entry.slots[slot] = int(best)
    return list(ranked.values())


# What each facet of the results page counts, as a column of `f` (section names may differ between
# organisations for one key: the smallest is shown); systems are a JSON list, counted element by element.
FACET_COLUMNS = {
    "section": ("f.section_key", "MIN(f.section_name)"),
    "disclosure": ("f.disclosure_level", "f.disclosure_level"),
    "api": ("f.api_availability", "f.api_availability"),
    "organization": ("f.slug", "MIN(f.organization_name)"),
}


def _results_with_facet_columns(rows, index_id, frequent) -> tuple[str, list]:
    """The ranking's CTEs and `f`: every result with the columns facets count and filters test."""
    ranking_sql, params = _ranking(rows, index_id, frequent)
    quote = connection.ops.quote_name
    documents = quote(SearchDocument._meta.db_table)
    indexes = quote(SearchIndex._meta.db_table)
    organizations = quote(Organization._meta.db_table)
    sql = f"""{ranking_sql},
        f AS (
            SELECT r.document_id, r.index_id, r.position, r.total, r.covered, d.section_key, d.section_name,
                d.systems, d.disclosure_level, d.api_availability, o.slug, o.name AS organization_name
            FROM r JOIN {documents} d ON d.id = r.document_id
            JOIN {indexes} i ON i.id = r.index_id JOIN {organizations} o ON o.id = i.organization_id
        )"""
    return sql, params


def _systems(column: str) -> str:
    """A table of the system names in a JSON list column, as `j(value)`."""
    if connection.vendor == "postgresql":
        return f"jsonb_array_elements_text({column}) AS j(value)"
    return f"json_each({column}) AS j"


def _filter_sql(filters: Mapping[str, str], ignore: str | None = None) -> tuple[str, list[str]]:
    """WHERE conditions on `f` of the chosen facet values (but `ignore`'s), as `matches_filters` tests them."""
    conditions, params = ["1 = 1"], []
    for name, wanted in sorted(filters.items()):
        if name == ignore:
            continue
        if name == "system":
            conditions.append(f"EXISTS (SELECT 1 FROM {_systems('f.systems')} WHERE j.value = %s)")
        else:
            conditions.append(f"{FACET_COLUMNS[name][0]} = %s")
        params.append(wanted)
    return " AND ".join(conditions), params


def ranked_page(
    rows: Sequence[WeightedTerm],
    *,
    index_id: int | None,
    frequent: Iterable[str],
    filters: Mapping[str, str],
    offset: int,
    limit: int,
) -> list[Ranked]:
    """The results from `offset` to `offset + limit` of `rank_documents`' order among those the filters leave."""
    if not rows or limit <= 0:
        return []
    results_sql, params = _results_with_facet_columns(rows, index_id, frequent)
    where, filter_params = _filter_sql(filters)
    sql = f"""{results_sql},
        h AS (
            SELECT document_id, index_id, position, total, covered FROM f WHERE {where}
            ORDER BY total * covered DESC, position, index_id LIMIT %s OFFSET %s
        )
        {RANKED_SLOTS}
    """
    return _read_ranked(sql, [*params, *filter_params, limit, offset])


def facet_groups(
    rows: Sequence[WeightedTerm],
    *,
    index_id: int | None,
    frequent: Iterable[str],
    filters: Mapping[str, str],
    names: Sequence[str],
) -> tuple[int, dict[str, list[tuple[str, str, int]]]]:
    """How many results the filters leave, and each facet's (value, label, count) over the results the
    other facets' filters leave: one query, GROUP BY in the database, whatever the number of results."""
    if not rows:
        return 0, {}
    results_sql, params = _results_with_facet_columns(rows, index_id, frequent)
    where, filter_params = _filter_sql(filters)
    label = "CAST(%s AS VARCHAR(300))"
    parts = [f"SELECT {label}, {label}, {label}, COUNT(*) FROM f WHERE {where}"]
    params += ["", "", "", *filter_params]
    for name in names:
        where, filter_params = _filter_sql(filters, ignore=name)
        if name == "system":
            parts.append(
                f"SELECT {label}, j.value, j.value, COUNT(*) FROM f CROSS JOIN {_systems('f.systems')} "
                f"WHERE {where} GROUP BY j.value"
            )
        else:
            value, value_label = FACET_COLUMNS[name]
            parts.append(
                f"SELECT {label}, {value}, {value_label}, COUNT(*) FROM f WHERE {value} <> '' AND {where} "
                f"GROUP BY {value}"
            )
        params += [name, *filter_params]
    groups: dict[str, list[tuple[str, str, int]]] = {name: [] for name in names}
    total = 0
    with connection.cursor() as cursor:
        cursor.execute(f"{results_sql}\n{' UNION ALL '.join(parts)}", params)
        for name, value, value_label, count in cursor.fetchall():
            if name:
                groups[name].append((value, value_label, int(count)))
            else:
                total = int(count)
    return total, groups


def posting_details(documents: Iterable[tuple[int, int]], terms: Iterable[str]) -> list[tuple[int, str, int, str, str]]:
    """(document_id, term, weight, field, kind) of the terms' postings in the given (index_id, document_id)s."""
    documents, terms = list(documents), sorted(set(terms))
    if not documents or not terms:
        return []
    table = connection.ops.quote_name(SearchPosting._meta.db_table)
    # One branch per document, so each is a seek in the (index, term, document) index.
    part = (
        f"SELECT document_id, term, weight, field, kind FROM {table} "
        f"WHERE index_id = %s AND document_id = %s AND term IN ({', '.join(['%s'] * len(terms))})"
    )
    found = []
    with connection.cursor() as cursor:
        # SQLite allows 500 branches in one compound SELECT.
        for start in range(0, len(documents), DETAIL_BATCH):
            batch = documents[start : start + DETAIL_BATCH]
            params: list[int | str] = []
            for index_id, document_id in batch:
                params += [index_id, document_id, *terms]
            cursor.execute(" UNION ALL ".join([part] * len(batch)), params)
            found += cursor.fetchall()
    return found


def existing_terms(candidates: Iterable[str], *, index_id: int | None = None) -> set[str]:
    """The candidates that are terms of the index (or of any index): one index probe each.

    Written as EXISTS over a VALUES list because PostgreSQL plans a long IN list (the
    hundreds of one-edit spellings of a typo) as a scan of the whole table.
    """
    candidates = sorted(set(candidates))
    if not candidates:
        return set()
    table = connection.ops.quote_name(SearchTerm._meta.db_table)
    params: list[int]
    scope, params = ("", []) if index_id is None else ("AND t.index_id = %s", [index_id])
    sql = f"""
        WITH c (term) AS (VALUES {", ".join(["(CAST(%s AS VARCHAR(100)))"] * len(candidates))})
        SELECT c.term FROM c WHERE EXISTS (SELECT 1 FROM {table} t WHERE t.term = c.term {scope})
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, [*candidates, *params])
        return {row[0] for row in cursor.fetchall()}


def stale_publication_ids(analyzer: str, organization_id: int | None = None) -> list[int]:
    """Ids of organisations' latest publications that have no search index made by `analyzer`."""
    publications = connection.ops.quote_name(Publication._meta.db_table)
    indexes = connection.ops.quote_name(SearchIndex._meta.db_table)
    # A withdrawn publication is never indexed: the latest one served is.
    scope = "WHERE withdrawn_at IS NULL" + ("" if organization_id is None else " AND organization_id = %s")
    params: list[int | str] = [analyzer] if organization_id is None else [organization_id, analyzer]
    sql = f"""
        SELECT p.id
        FROM {publications} p
        JOIN (SELECT organization_id, MAX(number) AS number FROM {publications} {scope} GROUP BY organization_id) latest
            ON latest.organization_id = p.organization_id AND latest.number = p.number
        LEFT JOIN {indexes} i ON i.publication_id = p.id AND i.analyzer = %s
        WHERE i.id IS NULL
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]


RANK_COLUMNS = "document_id, index_id, position, term, weight"


def _weighted_terms(rows: Sequence[WeightedTerm]) -> tuple[str, list]:
    row_sql = (
        "(CAST(%s AS VARCHAR(100)), CAST(%s AS INTEGER), CAST(%s AS INTEGER), CAST(%s AS INTEGER), CAST(%s AS INTEGER))"
    )
    params = [value for row in rows for value in (row.term, row.slot, row.word, row.factor, row.anchor)]
    return "VALUES " + ", ".join([row_sql] * len(rows)), params


def _postings(rows, index_id, frequent) -> tuple[str, list]:
    """Common table expressions ending in `p`: the postings ranking counts.

    Every posting of an ordinary term; of a frequent term, its strongest postings and its
    postings in documents that hold an ordinary term too, so that a resource matching a rare
    word of the query ("Koskiniemen päiväkoti") still gets full credit for the common one.
    """
    table = connection.ops.quote_name(SearchPosting._meta.db_table)
    scope, scope_params = ("", []) if index_id is None else ("AND index_id = %s", [index_id])
    terms = {row.term for row in rows}
    frequent = sorted(terms & set(frequent))
    plain = sorted(terms - set(frequent))
    ctes, sources, params = [], [], []
    if plain:
        ctes.append(
            f"pl ({RANK_COLUMNS}) AS "
            f"(SELECT {RANK_COLUMNS} FROM {table} WHERE term IN ({', '.join(['%s'] * len(plain))}) {scope})"
        )
        sources.append(f"SELECT {RANK_COLUMNS} FROM pl")
        params += plain + scope_params
    for term in frequent:
        sources.append(
            f"SELECT * FROM (SELECT {RANK_COLUMNS} FROM {table} WHERE term = %s {scope} "
            f"ORDER BY weight DESC, index_id, position LIMIT {TERM_POSTINGS_LIMIT}) strongest"
        )
        params += [term, *scope_params]
    if plain and frequent:
        columns = ", ".join(f"f.{name.strip()}" for name in RANK_COLUMNS.split(","))
        sources.append(
            f"SELECT {columns} FROM {table} f "
            f"JOIN (SELECT DISTINCT index_id, document_id FROM pl) c ON f.index_id = c.index_id AND f.document_id = c.document_id "
            f"WHERE f.term IN ({', '.join(['%s'] * len(frequent))})"
        )
        params += frequent
    ctes.append(f"p ({RANK_COLUMNS}) AS ({' UNION ALL '.join(sources)})")
    return ",\n".join(ctes), params


def _column(model: type[models.Model], name: str) -> str:
    model_field = model._meta.get_field(name)
    assert isinstance(model_field, models.Field) and model_field.column, "rows are inserted field by concrete field"
    return model_field.column


def insert_rows(model: type[models.Model], fields: Sequence[str], rows: Iterable[tuple]) -> None:
    """INSERT `rows` (values of `fields`, in order) into the model's table, several hundred at a time."""
    quote = connection.ops.quote_name
    columns = ", ".join(quote(_column(model, name)) for name in fields)
    placeholders = "(" + ", ".join(["%s"] * len(fields)) + ")"
    table = quote(model._meta.db_table)
    rows = iter(rows)
    with connection.cursor() as cursor:
        while batch := list(islice(rows, INSERT_BATCH)):
            cursor.execute(
                f"INSERT INTO {table} ({columns}) VALUES {', '.join([placeholders] * len(batch))}",
                [value for row in batch for value in row],
            )


def site_search_signature() -> tuple:
    """What the search of every organisation reads, summarised in one query: the publications served,
    the indexes (a replaced index is a new row, a removed one lowers the count) and the thesaurus
    entries (an edited one has a later `changed_at`). Any publication, withdrawal, index or entry
    change anywhere changes it."""
    quote = connection.ops.quote_name
    publications = quote(Publication._meta.db_table)
    indexes = quote(SearchIndex._meta.db_table)
    entries = quote(ThesaurusEntry._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT (SELECT COUNT(*) FROM {publications} WHERE withdrawn_at IS NULL), "
            f"(SELECT MAX(id) FROM {publications} WHERE withdrawn_at IS NULL), "
            f"(SELECT COUNT(*) FROM {indexes}), (SELECT MAX(id) FROM {indexes}), "
            f"(SELECT SUM(publication_id) FROM {indexes}), "
            f"(SELECT COUNT(*) FROM {entries}), (SELECT MAX(id) FROM {entries}), "
            f"(SELECT MAX(changed_at) FROM {entries})"
        )
        return tuple(cursor.fetchone())


def search_signature(org_slug: str) -> tuple | None:
    """What one organisation's search reads beside its publication, summarised in one query: its index (a new
    one is a new row) and its thesaurus entries and referrals (count, newest id, latest change). None for
    an unknown organisation."""
    quote = connection.ops.quote_name
    organizations = quote(Organization._meta.db_table)
    indexes = quote(SearchIndex._meta.db_table)
    own = [
        f"(SELECT {aggregate} FROM {quote(model._meta.db_table)} x WHERE x.organization_id = o.id)"
        for model in (ThesaurusEntry, Referral)
        for aggregate in ("COUNT(*)", "MAX(x.id)", "MAX(x.changed_at)")
    ]
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT i.id, i.publication_id, i.analyzer, {', '.join(own)} FROM {organizations} o "
            f"LEFT JOIN {indexes} i ON i.organization_id = o.id WHERE o.slug = %s",
            [org_slug],
        )
        row = cursor.fetchone()
    return tuple(row) if row else None
