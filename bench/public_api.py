"""Public API speed: a page of 50 data resources, for a 31-resource and a 2,000-resource organisation.

Builds a fresh temporary SQLite database in this process: the Imatra demo (31 data resources)
and a made-up organisation of 2,000 data resources (the demo's resources repeated under new
keys), both published. Then GETs /api/v1/organizations/<org>/resources/?page=2&page_size=50
through Django's whole request path (middleware included) and prints p50 and p95 per case, and
the same for answers rendered afresh each time (the kept answers forgotten before each request;
the publication itself stays in memory). Repeats are served from the kept answer until the next
publication. Target: p95 under 10 ms in both cases.

    .venv/bin/python bench/public_api.py [--requests 500]
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TARGET_P95_MS = 10.0
LARGE = 2000


def _large_catalog(demo: dict) -> dict:
    catalog = copy.deepcopy(demo)
    catalog["organization"] = {**catalog["organization"], "name": "Suurkaupunki"}
    originals = demo["resources"]
    catalog["resources"] = []
    for n in range(LARGE):
        record = copy.deepcopy(originals[n % len(originals)])
        record["key"] = f"{record['key']}-{n}"
        record["name"] = f"{record['name']} {n}"
        catalog["resources"].append(record)
    catalog["open_data"] = {"datasets": [], "services": []}
    return catalog


def _timed(client, url: str, query: dict, times: int, before=None) -> tuple[float, float]:
    """p50 and p95 in milliseconds of `times` GETs, each after `before()` (untimed) if given."""
    timings = []
    for _ in range(times):
        if before is not None:
            before()
        started = time.perf_counter()
        client.get(url, query)
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    return statistics.median(timings), timings[int(len(timings) * 0.95) - 1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=500, help="timed requests per case (default 500)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="varanto-bench-api-") as tmp:
        os.environ["VARANTO_VAR_DIR"] = tmp
        os.environ.pop("DATABASE_URL", None)
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "varanto.settings")
        sys.path.insert(0, str(REPO))
        import django

        django.setup()
        from django.core.management import call_command
        from django.test import Client

        from varanto.interchange.services import catalog_import
        from varanto.public import cache as public_cache
        from varanto.publications.services import publication_create

        print("Preparing a fresh database (migrate, the demo, a 2,000-resource organisation) …", flush=True)
        call_command("migrate", "--no-input", verbosity=0)
        call_command("loaddemo", stdout=open(os.devnull, "w"))
        demo = json.loads((REPO / "demo" / "imatra.catalog.json").read_text())
        large = catalog_import(_large_catalog(demo), acting_user=None).organization
        publication_create(organization=large, note="Bench")

        client = Client()
        results = {}
        for name, slug in (("31 resources", "imatran-kaupunki"), (f"{LARGE:,} resources", large.slug)):
            url = f"/api/v1/organizations/{slug}/resources/"
            query = {"page": 1 if name.startswith("31") else 2, "page_size": 50}
            first = client.get(url, query)
            if first.status_code != 200 or len(first.json()["results"]) != min(50, first.json()["count"]):
                raise RuntimeError(f"{url} answered {first.status_code}")
            kept = _timed(client, url, query, args.requests)
            rendered = _timed(client, url, query, args.requests, before=public_cache.answers.clear)
            results[name] = (*kept, *rendered)

    print()
    print(f"{'case':<18} {'p50 ms':>8} {'p95 ms':>8} {'rendered p50/p95':>17}   ({args.requests} requests, page of 50)")
    met = True
    for name, (p50, p95, fresh50, fresh95) in results.items():
        ok = p95 < TARGET_P95_MS
        met &= ok
        print(
            f"{name:<18} {p50:>8.2f} {p95:>8.2f} {fresh50:>8.2f}/{fresh95:<8.2f}   target p95 < {TARGET_P95_MS:.0f} ms – {'met' if ok else 'NOT met'}"
        )
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
