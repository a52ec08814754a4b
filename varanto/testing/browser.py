"""Browser testing: Debian's Chromium driven by Playwright, with axe-core for accessibility.

Use the `page` fixture with pytest-django's `live_server`; call `assert_accessible(page)` on
every page a test visits and `screenshot(page, name)` to keep a picture for review
(written to test-artifacts/screenshots/). Whatever the Content-Security-Policy blocks on any page
the `page` visits (an inline script, style or handler, a resource from elsewhere) fails the test;
`csp_violations(page)` lists them so far.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

# Playwright's sync API keeps an event loop running in the test thread; the ORM calls made by
# tests between browser steps are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PHONE = {"width": 375, "height": 740}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture(scope="session")
def _chromium():
    """One Chromium per test process: launching it costs more than most browser tests."""
    if not CHROMIUM.exists():
        message = f"Chromium not found at {CHROMIUM}; install Debian's chromium (make install does)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


# Every document reports each policy violation to the test (through the binding below) as it happens.
_REPORT_CSP_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.varantoCspViolation(`${event.effectiveDirective} blocked ${event.blockedURI || "inline"}`
    + ` on ${event.documentURI}${event.sourceFile ? ` (${event.sourceFile}:${event.lineNumber})` : ""}`);
});
"""


def csp_watch(context) -> list[str]:
    """Collect, from now on, what the Content-Security-Policy blocks on any page of the browser context."""
    violations: list[str] = []
    context.expose_binding("varantoCspViolation", lambda _source, text: violations.append(text))
    context.add_init_script(_REPORT_CSP_VIOLATIONS)
    _violations[id(context)] = violations
    return violations


def csp_violations(page, *, forget: bool = False) -> list[str]:
    """What the Content-Security-Policy has blocked so far on the pages of `page`'s (watched) context;
    `forget`: and start the list anew (after a test made a violation on purpose)."""
    violations = _violations[id(page.context)]
    found = list(violations)
    if forget:
        violations.clear()
    return found


_violations: dict[int, list[str]] = {}


@pytest.fixture
def browser(_chromium):
    """The test process's Chromium; every context a test opens (and its tabs) is closed when the test ends."""
    yield _chromium
    for context in _chromium.contexts:
        context.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="fi-FI", viewport=DESKTOP)
    context.set_default_timeout(10_000)
    violations = csp_watch(context)
    yield context.new_page()
    _violations.pop(id(context), None)
    context.close()
    if violations:
        pytest.fail("Content-Security-Policy violations:\n- " + "\n- ".join(violations))


def assert_accessible(page, *, exclude: list[str] | None = None) -> None:
    """Fail with a readable list of every WCAG 2.1 A/AA violation axe-core finds on the page."""
    from axe_playwright_python.sync_playwright import Axe

    context = {"exclude": [[selector] for selector in exclude]} if exclude else None
    # Only violations are read; axe then leaves out its description of every element that passed.
    options = {"runOnly": {"type": "tag", "values": WCAG_21_AA}, "resultTypes": ["violations"]}
    results = Axe().run(page, context=context, options=options)
    violations = results.response["violations"]
    if violations:
        lines = [f"{len(violations)} accessibility violation(s) on {page.url}:"]
        for v in violations:
            targets = ", ".join(" ".join(node["target"]) for node in v["nodes"][:5])
            lines.append(f"- {v['id']} ({v['impact']}): {v['help']} – {targets}")
        pytest.fail("\n".join(lines))


def screenshot(page, name: str, *, full_page: bool = True) -> Path:
    """Save a screenshot for people to look at; returns its path."""
    safe_name = re.sub(r"[^\w.-]+", "-", name)
    path = ARTIFACTS / "screenshots" / f"{safe_name}.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(path), full_page=full_page)
    return path
