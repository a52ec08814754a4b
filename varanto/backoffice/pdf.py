"""Printing a back-office page to PDF with the same headless Chromium the browser tests use.

Chromium gets the page's HTML and its static files from here and nothing from the network: every
other request is refused, so a page cannot make the server fetch anything, and the page is printed
exactly as a browser prints it (the stylesheet's print rules, A4 from its `@page`).
"""

from __future__ import annotations

import mimetypes
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage

# A made-up origin: the page's relative links resolve against it and are answered from here.
ORIGIN = "https://varanto.invalid"
TIMEOUT_MS = 30_000


def _static_file(name: str) -> bytes | None:
    if staticfiles_storage.exists(name):  # collected (hashed names in production)
        with staticfiles_storage.open(name) as handle:
            return handle.read()
    found = finders.find(name)
    return Path(found).read_bytes() if isinstance(found, str) else None


def _answer(route, html: str) -> None:
    url = route.request.url
    if url == f"{ORIGIN}/":
        route.fulfill(body=html, content_type="text/html; charset=utf-8")
        return
    path = url.removeprefix(ORIGIN)
    if url.startswith(ORIGIN) and path.startswith(settings.STATIC_URL):
        name = path.removeprefix(settings.STATIC_URL).split("?")[0]
        body = _static_file(name) if ".." not in name else None
        if body is not None:
            route.fulfill(body=body, content_type=mimetypes.guess_type(name)[0] or "application/octet-stream")
            return
    route.abort()


def html_to_pdf(html: str) -> bytes:
    """The page printed on A4 (margins from the stylesheet's `@page`), backgrounds included."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=settings.CHROMIUM_PATH, args=["--no-sandbox"])
        try:
            page = browser.new_page(java_script_enabled=False)
            page.set_default_timeout(TIMEOUT_MS)
            page.route("**/*", lambda route: _answer(route, html))
            page.goto(f"{ORIGIN}/", wait_until="load")
            return page.pdf(format="A4", print_background=True, prefer_css_page_size=True)
        finally:
            browser.close()
