"""The records management plan at scale: 600 task classes, 3,000 phases and actions and 10,000 document
types in one organisation. Prints the back office's list pages' p50 and p95 per page (first, middle
and last pages, and one class's page) and the time of a JHS 191 export (the catalogue read, the XML
written and checked against the standard schema). Targets: p95 under 200 ms a page, export under 10 s.
A reference line times a near-empty page of the same back office, so that a loaded machine shows as such.

Runs on a fresh temporary SQLite database (or DATABASE_URL's, which it must be free to fill):

    .venv/bin/python bench/tos_scale.py [--classes 600] [--actions 3000] [--documents 10000] [--rounds 20]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def build(classes: int, actions: int, documents: int):
    """The organisation with its plan, written in bulk (the services' rules hold: every class is complete)."""
    from varanto.catalog.models import DocumentType, Organization, ProcessAction, TaskClass

    organization = Organization.objects.create(name="Suurkaupunki", slug="suurkaupunki")
    common = {"publicity_class": "1", "personal_data": "2", "retention_period": 10, "retention_reason": "Laki"}
    TaskClass.objects.bulk_create(
        TaskClass(
            organization=organization, key=f"l-{n}", code=f"{n // 100:02} {n % 100:02}", name=f"Tehtävä {n}", **common
        )
        for n in range(classes)
    )
    class_ids = list(TaskClass.objects.filter(organization=organization).values_list("pk", flat=True))
    phases = actions // 2
    ProcessAction.objects.bulk_create(
        ProcessAction(
            organization=organization, key=f"v-{n}", task_class_id=class_ids[n % classes], name="Valmistelu", position=n
        )
        for n in range(phases)
    )
    phase_rows = list(ProcessAction.objects.filter(organization=organization).values_list("pk", "task_class_id"))
    ProcessAction.objects.bulk_create(
        ProcessAction(
            organization=organization,
            key=f"t-{n}",
            task_class_id=phase_rows[n % phases][1],
            parent_id=phase_rows[n % phases][0],
            name=f"Käsittely {n}",
            position=phases + n,
        )
        for n in range(actions - phases)
    )
    holders = list(
        ProcessAction.objects.filter(organization=organization, parent__isnull=False).values_list("pk", flat=True)
    )
    DocumentType.objects.bulk_create(
        DocumentType(
            organization=organization,
            key=f"a-{n}",
            action_id=holders[n % len(holders)],
            document_class="Päätös",
            name=f"Päätös {n}",
            position=n,
            **common,
        )
        for n in range(documents)
    )
    return organization


def timed(call, rounds: int) -> list[float]:
    """Milliseconds of each of `rounds` calls, after one untimed call (templates compiled, caches warm)."""
    call()
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        call()
        times.append((time.perf_counter() - start) * 1000)
    return times


def p95(times: list[float]) -> float:
    return statistics.quantiles(times, n=20)[-1] if len(times) > 1 else times[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--classes", type=int, default=600)
    parser.add_argument("--actions", type=int, default=3000)
    parser.add_argument("--documents", type=int, default=10000)
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as var_dir:
        os.environ.setdefault("DATABASE_URL", f"sqlite:///{var_dir}/bench.sqlite3")
        os.environ.update(DJANGO_SETTINGS_MODULE="varanto.settings", VARANTO_VAR_DIR=var_dir, LOG_LEVEL="WARNING")
        sys.path.insert(0, str(REPO))
        import django

        django.setup()
        from django.contrib.auth import get_user_model
        from django.core.management import call_command
        from django.test import Client

        from varanto.interchange.canonical import catalog_export
        from varanto.interchange.formats.jhs191 import plan_xml

        call_command("migrate", verbosity=0)
        start = time.perf_counter()
        organization = build(args.classes, args.actions, args.documents)
        print(
            f"Built {args.classes} task classes, {args.actions} phases and actions, {args.documents} document types "
            f"in {time.perf_counter() - start:.1f} s."
        )
        client = Client()
        client.force_login(get_user_model().objects.create_superuser("bench", password=None))
        slug = organization.slug
        pages = {
            "task classes": (f"/hallinta/{slug}/tehtavaluokat/", args.classes),
            "phases and actions": (f"/hallinta/{slug}/toimenpiteet/", args.actions),
            "document types": (f"/hallinta/{slug}/asiakirjatyypit/", args.documents),
        }
        worst = 0.0
        print(f"{'list page':42} {'p50 ms':>8} {'p95 ms':>8}")
        for label, (url, rows) in pages.items():
            last = max(1, -(-rows // 50))
            for which, query in (("first", ""), ("middle", f"?sivu={last // 2 or 1}"), ("last", f"?sivu={last}")):
                times = timed(lambda address=url + query: client.get(address), args.rounds)
                worst = max(worst, p95(times))
                print(f"{label + ', ' + which + ' page':42} {statistics.median(times):8.1f} {p95(times):8.1f}")
            if label != "task classes":
                times = timed(lambda address=url + "?luokka=l-7": client.get(address), args.rounds)
                worst = max(worst, p95(times))
                print(f"{label + ', one class':42} {statistics.median(times):8.1f} {p95(times):8.1f}")
        # A page of the same back office with almost nothing on it: what the machine gives any page now.
        times = timed(lambda: client.get(f"/hallinta/{slug}/toimialat/"), args.rounds)
        print(f"{'(reference: the empty sections list)':42} {statistics.median(times):8.1f} {p95(times):8.1f}")
        start = time.perf_counter()
        export = plan_xml(catalog_export(organization))
        seconds = time.perf_counter() - start
        print(
            f"JHS 191 export: {seconds:.2f} s for {export.written} classes, {len(export.xml) / 1e6:.1f} MB "
            "(validated against Skeema_TOS_kooste.xsd)."
        )
        print(f"Worst list p95 {worst:.1f} ms (target < 200 ms); export {seconds:.2f} s (target < 10 s).")


if __name__ == "__main__":
    main()
