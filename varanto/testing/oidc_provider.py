"""A real OpenID Connect provider for tests: `oidc/provider.mjs` (the npm package oidc-provider) under Node.

`make install` runs `npm ci` in `oidc/`; without Node or those packages the tests that need the
provider are skipped (and fail under CI=true, where they must run).
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

PROVIDER_DIR = Path(__file__).resolve().parent / "oidc"


@dataclass(frozen=True)
class RunningProvider:
    issuer: str
    client_id: str
    client_secret: str


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _unavailable(message: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


@contextmanager
def oidc_provider(*, redirect_uri: str, accounts: Mapping[str, Mapping]) -> Iterator[RunningProvider]:
    """Run the provider on a free port for one client (`redirect_uri`) and the accounts given
    (login name → claims); its own login page accepts any password for them."""
    node = shutil.which("node") or shutil.which("nodejs")
    if node is None:
        _unavailable("Node.js not found; install Debian's nodejs (make install does)")
    if not (PROVIDER_DIR / "node_modules" / "oidc-provider").is_dir():
        _unavailable(f"oidc-provider not installed; run npm ci in {PROVIDER_DIR} (make install does)")
    port = _free_port()
    provider = RunningProvider(issuer=f"http://127.0.0.1:{port}", client_id="varanto", client_secret="test-secret")
    environment = {
        **os.environ,
        "OIDC_PORT": str(port),
        "OIDC_CLIENT_ID": provider.client_id,
        "OIDC_CLIENT_SECRET": provider.client_secret,
        "OIDC_REDIRECT_URI": redirect_uri,
        "OIDC_ACCOUNTS": json.dumps(accounts),
    }
    process = subprocess.Popen(
        [str(node), "provider.mjs"],
        cwd=PROVIDER_DIR,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert process.stdout is not None
        # Its first line says it listens; a provider that fails exits, and the line is empty.
        line = process.stdout.readline()
        if not line.startswith("ready"):
            raise RuntimeError(f"the test OpenID provider did not start (said {line!r})")
        yield provider
    finally:
        process.terminate()
        process.wait(timeout=10)
