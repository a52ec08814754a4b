"""Search time with a huge field: the demo catalogue with one purpose of --megabytes MB, searched.

    .venv/bin/python bench/search_big_field.py [--megabytes 2.4] [--queries 20]

Loads the Imatra demo into a temporary SQLite database, gives the library's purpose a text of
that size, publishes and indexes it, then times searches whose results include that resource
(the whole results list with snippets, as the results page makes it) and a search that does not
match it, and prints the median time of each and the characters the snippets analysed.
Before snippets were bounded a 2.4 MB purpose made each matching search take 4.5 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

SENTENCE = "Kirjaston lainaajat, aineistot ja varaukset tallennetaan lainausjärjestelmään. "


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--megabytes", type=float, default=2.4)
    parser.add_argument("--queries", type=int, default=20)
    args = parser.parse_args()
    var_dir = tempfile.mkdtemp(prefix="varanto-bench-bigfield-")
    os.environ.update(DJANGO_SETTINGS_MODULE="varanto.settings", VARANTO_VAR_DIR=var_dir, LOG_LEVEL="WARNING")
    os.environ.pop("DATABASE_URL", None)
    import django

    django.setup()
    from django.core.management import call_command

    from varanto.publications.services import publication_create
    from varanto.search.analysis import get_analyzer
    from varanto.search.selectors import search_resources
    from varanto.search.services import search_index_ensure_current

    call_command("migrate", verbosity=0)
    call_command("loaddemo", verbosity=0)
    from varanto.catalog.models import Organization

    organization = Organization.objects.get()
    resource = organization.resources.get(name="Kirjasto")
    resource.purpose = SENTENCE * int(args.megabytes * 1_000_000 / len(SENTENCE))
    resource.save()
    started = time.perf_counter()
    publication_create(organization=organization)
    search_index_ensure_current(organization=organization)
    print(
        f"Purpose of {len(resource.purpose):,} characters; published and indexed in {time.perf_counter() - started:.1f} s"
    )

    analyzer = get_analyzer()
    counted = {"characters": 0}
    analyse = analyzer.analyse

    def counting(word):
        counted["characters"] += len(word)
        return analyse(word)

    for label, query in (("matches the big field", "lainausjärjestelmä"), ("does not match it", "rakennuslupa")):
        times = []
        for _ in range(args.queries):
            counted["characters"] = 0
            began = time.perf_counter()
            results = search_resources(query=query, organization=organization)
            object.__setattr__(analyzer, "analyse", counting)
            try:
                for hit in results.hits:
                    hit.name_segments, hit.snippet  # noqa: B018  (made as the results page makes them)
            finally:
                object.__delattr__(analyzer, "analyse")
            times.append(time.perf_counter() - began)
        print(
            f"{query!r} ({label}): {len(results.hits)} results, median {statistics.median(times) * 1000:.0f} ms, "
            f"snippets analysed {counted['characters']:,} characters"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
