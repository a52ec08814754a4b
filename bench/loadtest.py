"""Helpers for benchmarks that load a local server: start Varanto under Granian, nginx on static
files, and measure with wrk. Everything listens on 127.0.0.1 only and is stopped by the caller's
`with` block; nothing here needs root.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import textwrap
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent

# wrk's own report has no 95th percentile; this script adds it (latencies in microseconds).
WRK_REPORT = textwrap.dedent(
    """
    done = function(summary, latency, requests)
      io.write(string.format("varanto-bench requests=%d duration_us=%d p50_us=%d p95_us=%d p99_us=%d errors=%d\\n",
        summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
        latency:percentile(99), summary.errors.status + summary.errors.connect + summary.errors.read
        + summary.errors.write + summary.errors.timeout))
    end
    """
)


@dataclass(frozen=True)
class LoadResult:
    requests_per_second: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    errors: int


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(url: str, *, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status < 500:
                    return
        except OSError:
            if time.monotonic() > deadline:
                raise RuntimeError(f"{url} did not answer within {seconds:.0f} s") from None
            time.sleep(0.2)


def fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=10) as response:
        if response.status != 200:
            raise RuntimeError(f"{url} answered {response.status}")
        return response.read()


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def varanto(args: list[str], env: dict) -> None:
    """Run a `varanto` management command, failing loudly with its output."""
    result = subprocess.run([str(BIN / "varanto"), *args], env=env, cwd=REPO, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"varanto {' '.join(args)} failed:\n{result.stdout}{result.stderr}")


@contextlib.contextmanager
def granian(env: dict, *, port: int, workers: int, log: Path):
    """Varanto's WSGI application under Granian, as `make run` serves it."""
    command = [
        str(BIN / "granian"),
        "--interface",
        "wsgi",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--workers",
        str(workers),
        "--blocking-threads",
        "1",
        "varanto.wsgi:application",
    ]
    with open(log, "w") as out:
        process = subprocess.Popen(command, env=env, cwd=REPO, stdout=out, stderr=subprocess.STDOUT)
    try:
        yield process
    finally:
        _stop(process)


@contextlib.contextmanager
def nginx(root: Path, *, port: int, workers: int, workdir: Path):
    """nginx serving `root` as static files; its pid, logs and temporary files stay in `workdir`."""
    nginx_binary = shutil.which("nginx") or "/usr/sbin/nginx"
    conf = workdir / "nginx.conf"
    conf.write_text(
        textwrap.dedent(f"""
        worker_processes {workers};
        pid {workdir}/nginx.pid;
        error_log {workdir}/nginx-error.log warn;
        events {{ worker_connections 1024; }}
        http {{
          access_log off;
          sendfile on;
          tcp_nopush on;
          keepalive_requests 100000;
          default_type text/html;
          client_body_temp_path {workdir}/tmp-body;
          proxy_temp_path {workdir}/tmp-proxy;
          fastcgi_temp_path {workdir}/tmp-fastcgi;
          uwsgi_temp_path {workdir}/tmp-uwsgi;
          scgi_temp_path {workdir}/tmp-scgi;
          server {{
            listen 127.0.0.1:{port};
            root {root};
            index index.html;
          }}
        }}
    """)
    )
    # Readable by nginx's unprivileged workers when it is started as root.
    for path in [workdir, *workdir.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    process = subprocess.Popen(
        [nginx_binary, "-e", str(workdir / "nginx-error.log"), "-c", str(conf), "-g", "daemon off;"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
    )
    try:
        yield process
    finally:
        _stop(process)


def wrk(
    url: str, *, connections: int, seconds: int, threads: int, workdir: Path, timeout: int | None = None
) -> LoadResult:
    """Load `url` with wrk for `seconds` and return throughput and latency percentiles.

    `timeout`: seconds after which wrk gives up on a request and counts it as an error (wrk's default 2).
    """
    script = workdir / "report.lua"
    script.write_text(WRK_REPORT)
    limit = ["--timeout", f"{timeout}s"] if timeout is not None else []
    result = subprocess.run(
        [
            "wrk",
            "-t",
            str(threads),
            "-c",
            str(connections),
            "-d",
            f"{seconds}s",
            *limit,
            "--latency",
            "-s",
            str(script),
            url,
        ],
        capture_output=True,
        text=True,
        timeout=seconds + (timeout or 2) + 60,
    )
    match = re.search(
        r"varanto-bench requests=(\d+) duration_us=(\d+) p50_us=(\d+) p95_us=(\d+) p99_us=(\d+) errors=(\d+)",
        result.stdout,
    )
    if result.returncode != 0 or match is None:
        raise RuntimeError(f"wrk failed on {url}:\n{result.stdout}{result.stderr}")
    requests, duration, p50, p95, p99, errors = (int(g) for g in match.groups())
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", result.stdout)
    return LoadResult(
        requests_per_second=requests / (duration / 1e6),
        p50_ms=p50 / 1000,
        p95_ms=p95 / 1000,
        p99_ms=p99 / 1000,
        errors=errors + (int(non_2xx.group(1)) if non_2xx else 0),
    )


def demo_environment(var_dir: Path) -> dict:
    """The environment of a fresh Varanto installation whose database and files live in `var_dir`."""
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    env.update(VARANTO_VAR_DIR=str(var_dir), DEBUG="false", ALLOWED_HOSTS="127.0.0.1,localhost", LOG_LEVEL="WARNING")
    return env
