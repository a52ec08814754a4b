"""Signing staff into Playwright browser contexts for the back office's browser tests."""

from django.conf import settings
from django.test import Client

from varanto.testing.browser import DESKTOP, csp_watch


def signed_in_page(browser, live_server, user, *, viewport=DESKTOP, javascript: bool = True):
    """A new browser tab whose context holds a session for `user` (made with Django's test client)."""
    client = Client()
    client.force_login(user)
    context = browser.new_context(
        locale="fi-FI", viewport=viewport, java_script_enabled=javascript, accept_downloads=True
    )
    context.set_default_timeout(15_000)
    csp_watch(context)  # `csp_violations(page)` lists what the policy blocked
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    return context.new_page()
