"""The browsable API documentation works in a real browser without reaching outside the site."""

import pytest

from varanto.testing.browser import screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_swagger_ui_shows_every_operation_from_local_files(page, live_server):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{live_server.url}/api/v1/docs/")
    page.wait_for_selector(".opblock-summary", timeout=15_000)
    paths = page.locator(".opblock-summary-path").all_inner_texts()
    assert any("/api/v1/organizations/{org}/resources/" in p for p in paths)
    assert len(paths) == 55  # 11 published operations, 44 on the working model
    screenshot(page, "api-docs")
    assert requested and all(url.startswith(live_server.url) for url in requested), requested
