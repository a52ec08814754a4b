"""Search benchmark: a synthetic national catalogue, its index build time, and query latency.

    .venv/bin/python bench/search.py                          # SQLite, in a temporary file
    .venv/bin/python bench/search.py --database-url postgres://postgres@127.0.0.1:5432/varanto_bench

Generates ORGANIZATIONS × RESOURCES data resources (bench/search_catalogue.py), writes one
publication per organisation straight into the database, builds the search indexes (timed),
then runs QUERIES resident-style queries, half within one organisation (the results page) and
half over every organisation (the root /haku/ page and `varanto search` without --organization),
and as many Swedish and English ones (through the trilingual vocabulary), and prints p50/p95
latency of each against the target: a single query's p95 under 30 ms. Then it times the root /haku/
results page itself (PAGES requests through Django's test client: search, facets, rendering). A PostgreSQL database is created when missing; data of an earlier run
(organisations named bench-…) is replaced, anything else in it is left alone.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.search_catalogue import generate, query_vocabulary  # noqa: E402

SLUG_PREFIX = "bench-"
TARGET_P95_MS = 30.0


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--database-url", help="postgres://… or sqlite:////path/file.sqlite3 (default: SQLite in a temporary directory)"
    )
    parser.add_argument(
        "--queries-only",
        action="store_true",
        help="time queries over the catalogue an earlier run left in the database",
    )
    parser.add_argument("--organizations", type=int, default=1000)
    parser.add_argument("--resources", type=int, default=50, help="data resources per organisation")
    parser.add_argument("--queries", type=int, default=400, help="queries to time, half per scope")
    parser.add_argument("--pages", type=int, default=100, help="/haku/ results pages to time")
    parser.add_argument("--pages-only", action="store_true", help="time only the /haku/ results page")
    parser.add_argument("--seed", type=int, default=1)
    return parser.parse_args()


def prepare_environment(args) -> str:
    os.environ["DJANGO_SETTINGS_MODULE"] = "varanto.settings"
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    var_dir = tempfile.mkdtemp(prefix="varanto-bench-search-")
    os.environ["VARANTO_VAR_DIR"] = var_dir
    if args.database_url:
        os.environ["DATABASE_URL"] = args.database_url
        if args.database_url.startswith("postgres"):
            _create_postgres_database(args.database_url)
        return args.database_url
    os.environ.pop("DATABASE_URL", None)
    return f"sqlite:///{var_dir}/varanto.sqlite3"


def _create_postgres_database(url: str) -> None:
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    with psycopg.connect(
        host=parts.hostname,
        port=parts.port or 5432,
        user=parts.username,
        password=parts.password,
        dbname="postgres",
        autocommit=True,
    ) as connection:
        if not connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            connection.execute(f'CREATE DATABASE "{name}"')


def write_publications(args) -> list:
    from django.db import transaction

    from varanto.catalog.models import Organization
    from varanto.publications.models import Publication

    Organization.objects.filter(slug__startswith=SLUG_PREFIX).delete()
    started = time.perf_counter()
    organizations, publications = [], []
    for synthetic in generate(args.organizations, args.resources, seed=args.seed):
        organizations.append(Organization(name=synthetic.name, slug=synthetic.slug))
        publications.append(synthetic.content)
    with transaction.atomic():
        made = Organization.objects.bulk_create(organizations, batch_size=500)
        rows = Publication.objects.bulk_create(
            [
                Publication(
                    organization=organization,
                    number=1,
                    note="Hakuvertailu",
                    content=content,
                    content_hash=hashlib.sha256(json.dumps(content, sort_keys=True).encode()).hexdigest(),
                )
                for organization, content in zip(made, publications, strict=False)
            ],
            batch_size=200,
        )
    print(
        f"Wrote {len(rows)} publications ({len(rows) * args.resources} data resources) in {time.perf_counter() - started:.1f} s"
    )
    return rows


def build_indexes(publications) -> float:
    from varanto.search.services import search_index_publication

    started = time.perf_counter()
    for done, publication in enumerate(publications, start=1):
        search_index_publication(publication)
        if done % 100 == 0 or done == len(publications):
            elapsed = time.perf_counter() - started
            print(f"  indexed {done}/{len(publications)} publications, {elapsed:.1f} s", flush=True)
    return time.perf_counter() - started


def refresh_statistics(connection) -> None:
    """What autovacuum (PostgreSQL) or a periodic ANALYZE (SQLite) does after a bulk load: without
    table statistics and a visibility map the planners scan whole tables."""
    from varanto.publications.models import Publication
    from varanto.search.models import SearchDocument, SearchIndex, SearchPosting, SearchTerm

    started = time.perf_counter()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            for model in (SearchPosting, SearchTerm, SearchDocument, SearchIndex, Publication):
                cursor.execute(f"VACUUM ANALYZE {connection.ops.quote_name(model._meta.db_table)}")
        else:
            cursor.execute("ANALYZE")
    print(f"Refreshed planner statistics in {time.perf_counter() - started:.1f} s")


def make_queries(count: int, seed: int) -> list[str]:
    """Resident-style queries: catalogue words as written (inflected), lay words, pairs, questions, typos."""
    from varanto.search.thesaurus import default_rules

    rng = random.Random(seed)
    vocabulary = query_vocabulary()
    lay = [rule.term for rule in default_rules()]
    words = [w for phrase in vocabulary["datasets"] + vocabulary["names"] for w in phrase.split() if len(w) > 3]

    def typo(word: str) -> str:
        i = rng.randrange(1, len(word) - 1)
        return word[:i] + word[i + 1 :] if rng.random() < 0.5 else word[:i] + word[i + 1] + word[i] + word[i + 2 :]

    makers = [
        lambda: rng.choice(vocabulary["names"]).lower(),
        lambda: rng.choice(vocabulary["datasets"]),
        lambda: rng.choice(lay),
        lambda: f"{rng.choice(words)} {rng.choice(words)}",
        lambda: f"mistä löydän {rng.choice(words)}",
        lambda: f"sain {rng.choice(lay)}",
        lambda: typo(rng.choice([w for w in words if len(w) > 5])),
    ]
    return [rng.choice(makers)() for _ in range(count)]


def make_foreign_queries(count: int, seed: int) -> list[str]:
    """Swedish and English queries: the vocabulary's terms alone, in pairs, in questions, with referral matters."""
    from varanto.search.referrals import default_referrals
    from varanto.search.vocabulary import default_concepts

    rng = random.Random(seed + 1)
    swedish = [t for c in default_concepts() for t in c.sv]
    english = [t for c in default_concepts() for t in c.en]
    matters = [k for rule in default_referrals() for code in ("sv", "en") for k in rule.keywords(code)]
    makers = [
        lambda: rng.choice(swedish),
        lambda: rng.choice(english),
        lambda: f"{rng.choice(swedish)} {rng.choice(swedish)}",
        lambda: f"where can I find {rng.choice(english)}",
        lambda: f"stadens {rng.choice(swedish)}",
        lambda: rng.choice(matters),
    ]
    return [rng.choice(makers)() for _ in range(count)]


def time_queries(queries, scopes) -> tuple[list[float], list[float]]:
    """Wall-clock and this process's CPU milliseconds per query, done as the results page and the
    command do it: index check, ranking, facets, snippets of the first page."""
    from varanto.search.selectors import search_referrals, search_resources
    from varanto.search.services import search_index_ensure_current

    wall, cpu = [], []
    for query, organization in zip(queries, scopes, strict=False):
        started, started_cpu = time.perf_counter(), time.process_time()
        search_index_ensure_current(organization=organization)
        search_referrals(query=query, organization=organization)
        results = search_resources(query=query, organization=organization, limit=None if organization else 10)
        for hit in results.hits[:20]:
            _ = hit.snippet  # the page shows a snippet for each result on its first page
        wall.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    return wall, cpu


def time_pages(queries) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU milliseconds of the root /haku/ results page, as a resident's browser asks for it
    (no conditional request), through Django's test client: the whole view, template included."""
    from django.test import Client

    client = Client()
    wall, cpu = [], []
    for query in queries:
        started, started_cpu = time.perf_counter(), time.process_time()
        response = client.get("/haku/", {"q": query})
        wall.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
        assert response.status_code == 200, (query, response.status_code)
    return wall, cpu


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, round(share * len(ordered)) - 1)]


def report(name: str, timings: tuple[list[float], list[float]]) -> None:
    wall, cpu = timings
    p95 = percentile(wall, 0.95)
    verdict = "within" if p95 < TARGET_P95_MS else "OVER"
    print(
        f"  {name:<34} n={len(wall):<4} p50 {statistics.median(wall):6.1f} ms   p95 {p95:6.1f} ms ({verdict} "
        f"{TARGET_P95_MS:.0f})   max {max(wall):6.1f} ms   "
        f"(CPU of this process: p50 {statistics.median(cpu):5.1f}, p95 {percentile(cpu, 0.95):5.1f} ms)"
    )


def database_size(connection) -> str:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT pg_size_pretty(pg_database_size(current_database()))")
            return cursor.fetchone()[0]
    path = Path(connection.settings_dict["NAME"])
    return f"{path.stat().st_size / 2**20:.0f} MB"


def time_all_queries(args, queries, organizations, rng) -> None:
    half = len(queries) // 2
    scoped = [rng.choice(organizations) for _ in range(half)]
    time_queries(queries[:20], [rng.choice(organizations) for _ in range(10)] + [None] * 10)  # warm caches
    organization_timings = time_queries(queries[:half], scoped)
    national_timings = time_queries(queries[half:], [None] * (len(queries) - half))
    foreign = make_foreign_queries(args.queries, args.seed)
    foreign_scoped = time_queries(foreign[:half], [rng.choice(organizations) for _ in range(half)])
    foreign_national = time_queries(foreign[half:], [None] * (len(foreign) - half))
    print("Query latency (index check + referrals + ranking + facets + snippets of the first page):")
    report("one organisation (the page)", organization_timings)
    report("all organisations (/haku/, CLI)", national_timings)
    report("Swedish/English, one organisation", foreign_scoped)
    report("Swedish/English, all organisations", foreign_national)
    everything = [organization_timings, national_timings, foreign_scoped, foreign_national]
    report("all queries", ([w for t in everything for w in t[0]], [c for t in everything for c in t[1]]))


def report_pages(queries) -> None:
    from django.test.utils import setup_test_environment

    setup_test_environment()  # the test client's host, "testserver", allowed
    time_pages(queries[:10])  # warm caches
    wall, cpu = time_pages(queries)
    print(
        f"The /haku/ results page (every organisation, Django test client), n={len(wall)}: "
        f"wall p50 {statistics.median(wall):.1f} ms, p95 {percentile(wall, 0.95):.1f} ms; "
        f"CPU p50 {statistics.median(cpu):.1f} ms, p95 {percentile(cpu, 0.95):.1f} ms"
    )


def main() -> None:
    args = parse_args()
    url = prepare_environment(args)
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from varanto.catalog.models import Organization
    from varanto.search.analysis import get_analyzer
    from varanto.search.models import SearchPosting, SearchTerm

    print(
        f"Search benchmark on {connection.vendor} ({url.split('@')[-1]}), analyser {get_analyzer().name}; "
        f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
    )
    call_command("migrate", verbosity=0)
    if not args.queries_only:
        publications = write_publications(args)
        build_seconds = build_indexes(publications)
        print(
            f"Index build: {build_seconds:.1f} s for {len(publications)} publications "
            f"({1000 * build_seconds / len(publications):.0f} ms each); {SearchPosting.objects.count()} postings, "
            f"{SearchTerm.objects.values('term').distinct().count()} distinct terms; database {database_size(connection)}"
        )
        refresh_statistics(connection)
    organizations = list(Organization.objects.filter(slug__startswith=SLUG_PREFIX))
    if not organizations:
        sys.exit("No benchmark catalogue in this database: run without --queries-only first.")
    rng = random.Random(args.seed)
    queries = make_queries(args.queries, args.seed)
    if not args.pages_only:
        time_all_queries(args, queries, organizations, rng)
    report_pages(make_queries(args.pages, args.seed + 2))
    print(f"Load average at the end: {os.getloadavg()[0]:.1f} (other work on the machine slows every figure)")


if __name__ == "__main__":
    main()
