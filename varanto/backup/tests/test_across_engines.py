"""A backup made on SQLite restores into PostgreSQL, and one made there back into SQLite, as separate installations.

Each step is the `varanto` command in a process of its own with its own DATABASE_URL, as an
operator would run it. PostgreSQL is PG_TEST_URL's server (default: the one `make test` uses);
the test is skipped where no server answers.
"""

import json
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

ROOT = Path(__file__).resolve().parents[3]
FINGERPRINT = """
import json, os, django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "varanto.settings")
django.setup()
from varanto.backup.tests import sample
{before}
print("FINGERPRINT" + json.dumps({{"rows": sample.row_counts(), "exports": sample.exports()}}))
"""
BUILD = """
from django.core.management import call_command
from varanto.catalog.models import Organization
call_command("loaddemo", verbosity=0)
sample.sample_database(Organization.objects.get())
"""


def _server_url() -> str | None:
    url = os.environ.get("PG_TEST_URL") or "postgres://postgres@127.0.0.1:5432/varanto"
    psycopg = pytest.importorskip("psycopg")
    parts = urlsplit(url)
    try:
        psycopg.connect(
            host=parts.hostname,
            port=parts.port or 5432,
            user=parts.username or "postgres",
            password=parts.password,
            dbname="postgres",
            connect_timeout=3,
            autocommit=True,
        ).close()
    except psycopg.Error:
        return None
    return url


@pytest.fixture
def postgres_database():
    """A fresh PostgreSQL database of its own (dropped afterwards), by URL."""
    import psycopg

    url = _server_url()
    if url is None:
        pytest.skip("no PostgreSQL server answers (PG_TEST_URL)")
    parts = urlsplit(url)
    name = (parts.path.strip("/") or "varanto") + "_restore"
    server = {
        "host": parts.hostname,
        "port": parts.port or 5432,
        "user": parts.username or "postgres",
        "password": parts.password,
        "dbname": "postgres",
        "autocommit": True,
    }
    with psycopg.connect(**server) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')
    yield urlunsplit(parts._replace(path="/" + name))
    with psycopg.connect(**server) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _run(database_url: str, var_dir: Path, *args: str) -> str:
    env = {**os.environ, "DATABASE_URL": database_url, "VARANTO_VAR_DIR": str(var_dir), "LOG_LEVEL": "WARNING"}
    done = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, f"{' '.join(args)}:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def _varanto(database_url: str, var_dir: Path, *args: str) -> str:
    return _run(database_url, var_dir, sys.executable, "-m", "varanto", *args)


def _fingerprint(database_url: str, var_dir: Path, before: str = "") -> dict:
    out = _run(database_url, var_dir, sys.executable, "-c", FINGERPRINT.format(before=before))
    return json.loads(out[out.index("FINGERPRINT") + len("FINGERPRINT") :])


def _differing(got: dict, wanted: dict) -> list[str]:
    """The exports that differ, each with where it first differs."""
    found = []
    for name in sorted(set(got) | set(wanted)):
        a, b = got.get(name, ""), wanted.get(name, "")
        if a != b:
            at = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
            found.append(f"{name} at {at}: {a[max(0, at - 80) : at + 80]!r} != {b[max(0, at - 80) : at + 80]!r}")
    return found


@pytest.mark.skipif(
    os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="makes databases of its own on both engines: run once, in the suite's SQLite run",
)
def test_sqlite_to_postgresql_and_back(tmp_path, postgres_database):
    var = tmp_path / "var"
    var.mkdir()
    first = f"sqlite:///{tmp_path / 'first.sqlite3'}"
    _varanto(first, var, "migrate", "-v0")
    original = _fingerprint(first, var, before=BUILD)
    assert original["rows"]["publications.Publication"] == 3 and original["rows"]["api.IntegrationToken"] == 1
    _varanto(first, var, "backup", "-o", str(tmp_path / "from-sqlite.zip"))

    _varanto(postgres_database, var, "migrate", "-v0")
    assert "Restored" in _varanto(postgres_database, var, "restore", str(tmp_path / "from-sqlite.zip"))
    restored = _fingerprint(postgres_database, var)
    assert restored["rows"] == original["rows"]
    differing = _differing(restored["exports"], original["exports"])
    assert not differing, "\n".join(differing)
    # New rows after the restore get ids past the restored ones (the sequences were moved).
    _varanto(postgres_database, var, "createsuperuser", "--noinput", "--username", "uusi", "--email", "u@x.fi")

    _varanto(postgres_database, var, "backup", "-o", str(tmp_path / "from-postgresql.zip"))
    second = f"sqlite:///{tmp_path / 'second.sqlite3'}"
    _varanto(second, var, "migrate", "-v0")
    _varanto(second, var, "restore", str(tmp_path / "from-postgresql.zip"))
    back = _fingerprint(second, var)
    differing = _differing(back["exports"], original["exports"])
    assert not differing, "\n".join(differing)
    assert back["rows"] == {**original["rows"], "auth.User": original["rows"]["auth.User"] + 1}
