"""Searches that all find the index missing build it once between them, on either database."""

import json
import os
import subprocess
import sys
import threading

import pytest
from django.db import connection

from varanto.conftest import DEMO_CATALOG, REPO
from varanto.search.models import SearchIndex
from varanto.search.services import search_index_publication

RACE = """
import json, multiprocessing, sys
import django
django.setup()
from django.core.management import call_command
from django.db import connections
from varanto.publications.models import Publication
from varanto.search.models import SearchIndex
from varanto.search.services import search_index_publication

call_command("migrate", verbosity=0)
call_command("loaddemo", "--file", sys.argv[1], verbosity=0)
SearchIndex.objects.all().delete()  # publishing indexed it; the first searches find it missing
connections.close_all()  # each worker opens its own connection

# Forked like the server's workers, which start together and wait at the barrier.
fork = multiprocessing.get_context("fork")
barrier, built = fork.Barrier(3), fork.Queue()

def worker():
    publication = Publication.objects.get()
    barrier.wait()
    built.put(search_index_publication(publication).pk)

workers = [fork.Process(target=worker) for _ in range(3)]
for process in workers:
    process.start()
for process in workers:
    process.join(timeout=120)
print(json.dumps({"exit": [p.exitcode for p in workers], "built": [built.get() for p in workers if p.exitcode == 0],
                  "indexes": SearchIndex.objects.count()}))
"""


@pytest.mark.django_db(transaction=True)
def test_concurrent_first_searches_build_one_index(imatra_published):
    if connection.vendor == "sqlite":
        pytest.skip("the in-memory SQLite test database locks whole tables; see the file-database test below")
    publication = imatra_published.publications.get()
    barrier = threading.Barrier(3)
    built, errors = [], []

    def build():
        try:
            barrier.wait()
            built.append(search_index_publication(publication).pk)
        except Exception as exc:  # collected and shown by the assertion below
            errors.append(repr(exc))
        finally:
            connection.close()

    threads = [threading.Thread(target=build) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert len(built) == 3 and len(set(built)) == 1
    assert SearchIndex.objects.count() == 1


def test_worker_processes_racing_on_a_sqlite_file_build_one_index(tmp_path, settings):
    """Like several Granian workers answering the first searches after a publication."""
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":
        pytest.skip("the PostgreSQL run races threads instead (above)")
    env = {**os.environ, "VARANTO_VAR_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "varanto.settings"}
    env.pop("DATABASE_URL", None)
    run = subprocess.run(
        [sys.executable, "-c", RACE, str(DEMO_CATALOG)], env=env, cwd=REPO, capture_output=True, text=True, timeout=300
    )
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout.splitlines()[-1])
    assert result["exit"] == [0, 0, 0], run.stderr
    assert len(result["built"]) == 3 and len(set(result["built"])) == 1
    assert result["indexes"] == 1
