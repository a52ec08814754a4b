"""Searches that all find the index missing build it once between them, on either database."""

import os
import subprocess
import sys
import threading
import time

import pytest
from django.db import connection

from varanto.conftest import DEMO_CATALOG, REPO
from varanto.search.models import SearchIndex
from varanto.search.services import search_index_publication

RACE = """
import sys, time
import django
django.setup()
from varanto.publications.models import Publication
from varanto.search.services import search_index_publication
publication = Publication.objects.get()
time.sleep(max(0.0, float(sys.argv[1]) - time.time()))
print(search_index_publication(publication).pk)
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
    varanto = [sys.executable, "-m", "varanto"]
    for command in (["migrate", "-v0"], ["loaddemo", "--file", str(DEMO_CATALOG)]):
        subprocess.run(varanto + command, env=env, cwd=REPO, check=True, capture_output=True)
    start = f"{time.time() + 4:.3f}"
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", RACE, start],
            env=env,
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(3)
    ]
    outputs = [worker.communicate(timeout=120) for worker in workers]
    assert [w.returncode for w in workers] == [0, 0, 0], [err for _, err in outputs]
    assert len({out.strip() for out, _ in outputs}) == 1
