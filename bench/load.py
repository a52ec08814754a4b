"""Bounded load test: the front page, a resource page, search (Finnish, Swedish, English, every
organisation's) and the public API under 32 connections.

Starts the demo on a fresh temporary SQLite database (migrate, loaddemo, collectstatic), serves it
with Granian as `make run` does (2 workers, 1 blocking thread each), checks each address answers
200, then loads each one in turn with wrk (32 connections, 30 s each by default) and prints
requests per second, p50 and p99 latency and the errors (failed connections, requests unanswered
after --timeout seconds, and any answer other than 2xx/3xx). Between addresses it waits until the
server has worked off what the last one left queued, so that no address is charged for another.
Exits 1 if any request failed.

    .venv/bin/python bench/load.py [--seconds 30] [--connections 32] [--workers 2] [--timeout 10] [--only search]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from loadtest import REPO, LoadResult, demo_environment, fetch, free_port, granian, wait_until_up, wrk  # noqa: E402

ADDRESSES = {
    "front page": "/imatran-kaupunki/",
    "resource page": "/imatran-kaupunki/tietovaranto/vesihuolto/",
    "search": "/imatran-kaupunki/haku/?q=rakennuslupa",
    "search, sv": "/sv/imatran-kaupunki/haku/?q=bygglovsritningar",
    "search, en": "/en/imatran-kaupunki/haku/?q=building+permit+drawings",
    "search, referral": "/en/imatran-kaupunki/haku/?q=health+centre+records",
    "search, all orgs": "/haku/?q=p%C3%A4iv%C3%A4koti",
    "public API": "/api/v1/organizations/imatran-kaupunki/resources/",
}


def _manage(args: list[str], env: dict) -> None:
    """A management command of this checkout (`python -m varanto`), failing loudly with its output."""
    result = subprocess.run([sys.executable, "-m", "varanto", *args], env=env, cwd=REPO, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"varanto {' '.join(args)} failed:\n{result.stdout}{result.stderr}")


def _drained(base: str, *, seconds: float = 120.0) -> None:
    """Wait until one worker's answer to an API request comes within 0.2 s: the queue is empty."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        started = time.monotonic()
        fetch(base + "/api/v1/organizations/")
        if time.monotonic() - started < 0.2:
            return
        time.sleep(0.5)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=30, help="how long wrk loads each address (default 30)")
    parser.add_argument("--connections", type=int, default=32, help="concurrent connections (default 32)")
    parser.add_argument("--workers", type=int, default=2, help="Granian worker processes (default 2, as make run)")
    parser.add_argument(
        "--timeout", type=int, default=10, help="seconds before a request counts as failed (default 10)"
    )
    parser.add_argument("--only", help="load only the addresses whose name starts with this (e.g. search)")
    args = parser.parse_args()
    addresses = {name: path for name, path in ADDRESSES.items() if name.startswith(args.only or "")}

    with tempfile.TemporaryDirectory(prefix="varanto-load-") as tmp:
        work = Path(tmp)
        # This checkout's code, in the commands and in Granian alike.
        env = {
            **demo_environment(work / "var"),
            "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]),
        }
        print("Preparing a fresh demo database (migrate, loaddemo, collectstatic) …", flush=True)
        for command in (["migrate", "--no-input", "-v0"], ["loaddemo"], ["collectstatic", "--no-input", "-v0"]):
            _manage(command, env)

        port = free_port()
        results: dict[str, LoadResult] = {}
        with granian(env, port=port, workers=args.workers, log=work / "granian.log"):
            base = f"http://127.0.0.1:{port}"
            wait_until_up(base + ADDRESSES["front page"])
            for path in addresses.values():
                fetch(base + path)  # 200 or an error now, not 32 × 30 s of them
            for name, path in addresses.items():
                _drained(base)
                print(f"Loading {name} ({path}) for {args.seconds} s …", flush=True)
                results[name] = wrk(
                    base + path,
                    connections=args.connections,
                    seconds=args.seconds,
                    threads=2,
                    workdir=work,
                    timeout=args.timeout,
                )
    return report(results, args)


def report(results: dict[str, LoadResult], args) -> int:
    print()
    print(
        f"{args.connections} connections, {args.seconds} s per address, Granian with {args.workers} workers, "
        f"a request failed after {args.timeout} s"
    )
    print(f"{'address':<17} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7}")
    for name, r in results.items():
        print(f"{name:<17} {r.requests_per_second:>9.0f} {r.p50_ms:>8.2f} {r.p99_ms:>8.2f} {r.errors:>7}")
    errors = sum(r.errors for r in results.values())
    print()
    print("no errors" if errors == 0 else f"{errors} requests failed")
    return 0 if errors == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
