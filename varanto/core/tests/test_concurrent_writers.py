"""Concurrent writers and publishers wait their turn: on the SQLite file `make run` uses none of them fails
with "database is locked" (the audit saw 1 of 134 requests fail with 12 writers and 3 publishers), and
PostgreSQL is held to the same."""

import json
import os
import subprocess
import sys
import time
from urllib.parse import quote

import pytest

from varanto.conftest import DEMO_CATALOG, REPO

WRITERS = 12
PUBLISHERS = 3
ROUNDS = 6

# One worker process: edits its own data resource (a writer) or publishes (a publisher) ROUNDS times,
# all of them starting at the same moment; prints what succeeded and every error.
WORKER = """
import json, sys, time
import django
django.setup()
from django.db import connection
from varanto.catalog.models import DataResource, Organization
from varanto.publications.services import PublishingRefused, publication_publish

role, number, start, rounds = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
organization = Organization.objects.get()
keys = sorted(DataResource.objects.filter(organization=organization).values_list("key", flat=True))
done, errors, slowest = 0, [], 0.0
time.sleep(max(0.0, start - time.time()))
for n in range(rounds):
    began = time.monotonic()
    try:
        if role == "writer":
            from varanto.catalog.services.resources import data_resource_update
            resource = DataResource.objects.get(organization=organization, key=keys[number])
            data = {"purpose": f"Kirjoittaja {number}, kierros {n}."}
            data_resource_update(resource=resource, data=data, expected_version=resource.version, acting_user=None)
        else:
            try:
                publication_publish(organization=organization, note=f"{number}/{n}", include_unapproved=True)
            except PublishingRefused:
                pass  # another publisher published the same changes: a refusal, not a failure
        done += 1
    except Exception as exc:
        errors.append(f"{role} {number} round {n}: {exc!r}")
    slowest = max(slowest, time.monotonic() - began)
    connection.close()  # each round a new connection, as each request has
print(json.dumps({"done": done, "errors": errors, "slowest": slowest}))
"""


@pytest.mark.django_db(transaction=True)
def test_concurrent_writers_and_publishers_are_never_refused(tmp_path, settings):
    """On SQLite in a file of its own, as `make run` has it; on PostgreSQL in the test database."""
    env = {key: value for key, value in os.environ.items() if key not in ("DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")}
    env.update(VARANTO_VAR_DIR=str(tmp_path), DJANGO_SETTINGS_MODULE="varanto.settings", LOG_LEVEL="WARNING")
    varanto = [sys.executable, "-m", "varanto"]
    database = settings.DATABASES["default"]
    commands = [["migrate", "-v0"], ["loaddemo", "--file", str(DEMO_CATALOG)]]
    if database["ENGINE"] != "django.db.backends.sqlite3":
        # The test database pytest made (migrated; emptied again after this test).
        env["DATABASE_URL"] = (
            f"postgres://{quote(database['USER'])}:{quote(database['PASSWORD'] or '')}@{database['HOST']}:"
            f"{database['PORT'] or 5432}/{database['NAME']}"
        )
        commands = commands[1:]
    for command in commands:
        subprocess.run(varanto + command, env=env, cwd=REPO, check=True, capture_output=True, timeout=300)
    # Far enough ahead that every process has started Django before the first write.
    start = f"{time.time() + 12:.3f}"
    roles = [("writer", n) for n in range(WRITERS)] + [("publisher", n) for n in range(PUBLISHERS)]
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, role, str(n), start, str(ROUNDS)],
            env=env,
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for role, n in roles
    ]
    outputs = [worker.communicate(timeout=600) for worker in workers]
    assert [w.returncode for w in workers] == [0] * len(roles), [err[-2000:] for _, err in outputs]
    reports = [json.loads(out) for out, _ in outputs]
    # The slowest operation shows how long a writer waited for the lock (the busy timeout bounds it).
    slowest = f"slowest {max(report['slowest'] for report in reports):.1f} s"
    assert [error for report in reports for error in report["errors"]] == [], slowest
    assert sum(report["done"] for report in reports) == len(roles) * ROUNDS
