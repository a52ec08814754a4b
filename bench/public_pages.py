"""Public page speed: Varanto under Granian against nginx serving the same bytes as static files.

Starts the demo on a fresh temporary SQLite database (migrate, loaddemo, collectstatic), serves it
with Granian as `make run` does, fetches the front page and a resource page, writes those exact
bytes as static files for a temporary nginx on its own port, then loads each page on each server
with wrk (32 connections, 10 s by default) and prints requests per second, p95 latency and the
ratio. Target: Varanto at least 0.25 of nginx's throughput, with p95 under 50 ms.

    .venv/bin/python bench/public_pages.py [--seconds 10] [--connections 32] [--workers 2]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from loadtest import (  # noqa: E402  (the helper sits beside this script)
    LoadResult,
    demo_environment,
    fetch,
    free_port,
    granian,
    nginx,
    varanto,
    wait_until_up,
    wrk,
)

PAGES = {
    "front page": "/imatran-kaupunki/",
    "resource page": "/imatran-kaupunki/tietovaranto/vesihuolto/",
}
TARGET_RATIO = 0.25
TARGET_P95_MS = 50.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=10, help="how long wrk loads each page (default 10)")
    parser.add_argument("--connections", type=int, default=32, help="concurrent connections (default 32)")
    parser.add_argument("--workers", type=int, default=2, help="Granian and nginx worker processes (default 2)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="varanto-bench-") as tmp:
        work = Path(tmp)
        env = demo_environment(work / "var")
        print("Preparing a fresh demo database (migrate, loaddemo, collectstatic) …", flush=True)
        for command in (["migrate", "--no-input", "-v0"], ["loaddemo"], ["collectstatic", "--no-input", "-v0"]):
            varanto(command, env)

        app_port, static_port = free_port(), free_port()
        with granian(env, port=app_port, workers=args.workers, log=work / "granian.log"):
            app = f"http://127.0.0.1:{app_port}"
            wait_until_up(app + PAGES["front page"])
            www = work / "www"
            for path in PAGES.values():
                target = www / path.strip("/") / "index.html"
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(fetch(app + path))
                print(f"  {path}: {target.stat().st_size:,} bytes", flush=True)

            with nginx(www, port=static_port, workers=args.workers, workdir=work):
                static = f"http://127.0.0.1:{static_port}"
                wait_until_up(static + PAGES["front page"])
                for path in PAGES.values():
                    if fetch(static + path) != fetch(app + path):
                        raise RuntimeError(f"nginx and Varanto serve different bytes for {path}")
                results: dict[tuple[str, str], LoadResult] = {}
                for name, path in PAGES.items():
                    for server, base in (("varanto", app), ("nginx", static)):
                        print(f"Loading {name} on {server} for {args.seconds} s …", flush=True)
                        results[name, server] = wrk(
                            base + path, connections=args.connections, seconds=args.seconds, threads=2, workdir=work
                        )
    return report(results, args)


def report(results: dict[tuple[str, str], LoadResult], args) -> int:
    print()
    print(f"{args.connections} connections, {args.seconds} s per run, {args.workers} workers each")
    print(f"{'page':<15} {'server':<8} {'req/s':>9} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'errors':>7}")
    for (name, server), r in results.items():
        print(
            f"{name:<15} {server:<8} {r.requests_per_second:>9.0f} {r.p50_ms:>8.2f} {r.p95_ms:>8.2f} "
            f"{r.p99_ms:>8.2f} {r.errors:>7}"
        )
    print()
    met = True
    for name in PAGES:
        ours, theirs = results[name, "varanto"], results[name, "nginx"]
        ratio = ours.requests_per_second / theirs.requests_per_second
        ok = ratio >= TARGET_RATIO and ours.p95_ms < TARGET_P95_MS and ours.errors == 0
        met &= ok
        print(
            f"{name}: Varanto/nginx throughput ratio {ratio:.2f} (target ≥ {TARGET_RATIO}), "
            f"Varanto p95 {ours.p95_ms:.2f} ms (target < {TARGET_P95_MS:.0f}) – {'met' if ok else 'NOT met'}"
        )
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
