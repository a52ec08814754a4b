"""`make run PORT=…` (issue 17): it says the address it serves on, and where links point, for the port and host
asked, or PUBLIC_BASE_URL where that is set; the pages themselves link to the serving address
(public/tests/test_addresses.py)."""

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")


def _run_commands(**variables) -> list[str]:
    """The commands `make run` would run with these variables (make -n: nothing is run)."""
    arguments = [f"{name}={value}" for name, value in variables.items()]
    done = subprocess.run(
        ["make", "-n", "run", *arguments], cwd=ROOT, capture_output=True, text=True, check=True, timeout=60
    )
    return done.stdout.splitlines()


def _said(commands: list[str], environment: dict) -> str:
    """What the run's echo lines print in `environment` (the shell fills in PUBLIC_BASE_URL)."""
    echoes = [line for line in commands if line.startswith("echo ")]
    env = {"PATH": os.environ["PATH"], **environment}
    return subprocess.run(["sh", "-c", "; ".join(echoes)], capture_output=True, text=True, env=env, check=True).stdout


def test_make_run_serves_and_prints_the_port_and_host_asked():
    commands = _run_commands(PORT="8123", HOST="0.0.0.0")
    server = next(line for line in commands if "granian" in line)
    assert re.search(r"--host 0\.0\.0\.0 --port 8123\b", server)
    said = _said(commands, {})
    assert "Varanto: http://0.0.0.0:8123/" in said
    assert "the address each page is asked at" in said
    assert "127.0.0.1:8000" not in said


def test_make_run_prints_public_base_url_where_it_is_set():
    said = _said(_run_commands(PORT="8123"), {"PUBLIC_BASE_URL": "https://kuvaus.example.fi"})
    assert "Varanto: https://kuvaus.example.fi/" in said
    assert "link to https://kuvaus.example.fi " in said
    assert ":8123" not in said
