"""A production environment (DEBUG off, https address) gets HSTS, the https redirect, secure cookies and
the proxy's TLS header from the settings, and `check --deploy` has nothing to warn about."""

import json
import os
import secrets
import subprocess
import sys

from varanto.conftest import REPO

# The answers of a production process to a plain-http request and to one its proxy marked as https.
REQUESTS = """
import json
import django
django.setup()
from django.conf import settings
from django.test import Client
client = Client()
plain = client.get("/api/v1/organizations/", HTTP_HOST="kuvaus.example.fi")
proxied = client.get("/api/v1/organizations/", HTTP_HOST="kuvaus.example.fi", HTTP_X_FORWARDED_PROTO="https")
print(json.dumps({
    "plain": [plain.status_code, plain.headers.get("Location")],
    "proxied": [proxied.status_code, proxied.headers.get("Strict-Transport-Security")],
    "cookies_secure": [settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE],
}))
"""


def _environment(tmp_path, **values) -> dict:
    # Not the test process's database, nor the async override its browser tests set.
    env = {key: value for key, value in os.environ.items() if key not in ("DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")}
    env.update(
        VARANTO_VAR_DIR=str(tmp_path),
        DJANGO_SETTINGS_MODULE="varanto.settings",
        DEBUG="false",
        ALLOWED_HOSTS="kuvaus.example.fi",
        SECRET_KEY=secrets.token_urlsafe(50),
        **values,
    )
    return env


def _deploy_check(env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "varanto", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_for_a_production_environment(tmp_path):
    result = _deploy_check(_environment(tmp_path, PUBLIC_BASE_URL="https://kuvaus.example.fi"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_a_plain_http_address_leaves_https_only_protections_off(tmp_path):
    """Local use (`make run` on http://127.0.0.1:8000) must not be redirected to an https it has not got."""
    result = _deploy_check(_environment(tmp_path, PUBLIC_BASE_URL="http://127.0.0.1:8000"))
    assert result.returncode == 1
    for warning in ("security.W004", "security.W008", "security.W012", "security.W016"):
        assert warning in result.stderr


def test_a_protection_can_be_turned_off_from_the_environment(tmp_path):
    result = _deploy_check(_environment(tmp_path, PUBLIC_BASE_URL="https://kuvaus.example.fi", SECURE_COOKIES="false"))
    assert result.returncode == 1
    assert "security.W012" in result.stderr and "security.W016" in result.stderr
    assert "security.W004" not in result.stderr


def test_production_redirects_plain_http_and_sends_hsts_behind_the_proxy(tmp_path):
    env = _environment(tmp_path, PUBLIC_BASE_URL="https://kuvaus.example.fi")
    subprocess.run([sys.executable, "-m", "varanto", "migrate", "-v0"], env=env, cwd=REPO, check=True, timeout=300)
    result = subprocess.run(
        [sys.executable, "-c", REQUESTS], env=env, cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    answers = json.loads(result.stdout)
    assert answers["plain"] == [301, "https://kuvaus.example.fi/api/v1/organizations/"]
    assert answers["proxied"] == [200, "max-age=31536000; includeSubDomains; preload"]
    assert answers["cookies_secure"] == [True, True]
