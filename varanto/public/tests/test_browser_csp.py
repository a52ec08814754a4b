"""Under the Content-Security-Policy the main pages work in Chromium with nothing blocked, an injected
inline script does not run, and only the embeddable view may be framed by another site."""

import http.server
import threading

import pytest
from django.contrib.auth import get_user_model

from varanto.backoffice.tests.browser import signed_in_page
from varanto.catalog.models import DataResource
from varanto.publications.services import publication_create
from varanto.testing.browser import csp_violations

from .sitemap import page_types

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def published_twice(imatra):
    publication_create(organization=imatra, note="Ensimmäinen")
    DataResource.objects.filter(organization=imatra, key="museo").update(purpose="Museon kokoelmat ja näyttelyt")
    publication_create(organization=imatra, note="Museon tarkoitus")
    return imatra


def test_the_public_pages_report_no_policy_violation(live_server, page, published_twice):
    urls = [*page_types(published_twice).values(), "/imatran-kaupunki/haku/?q=vesi", "/sv/imatran-kaupunki/"]
    for url in urls:
        response = page.goto(live_server.url + url)
        assert response.status == 200, url
        assert "script-src 'self'" in response.headers["content-security-policy"], url
        page.wait_for_load_state("load")
        assert csp_violations(page) == [], url
    # The resource page's own script (public/request.js) still runs: it fills in the request's mail link.
    page.goto(live_server.url + page_types(published_twice)["resource"])
    assert page.evaluate("document.scripts.length") >= 1 and csp_violations(page) == []


def test_an_injected_inline_script_is_blocked_and_reported(live_server, page, published_twice):
    """What a stored link or field could try: the script is refused and the test's watch sees it."""
    page.goto(live_server.url + page_types(published_twice)["front"])
    page.evaluate("""() => {
        const script = document.createElement("script");
        script.textContent = "window.injected = true";
        document.body.append(script);
    }""")
    page.wait_for_timeout(200)
    assert page.evaluate("window.injected === undefined")
    # Forgotten once seen: the `page` fixture fails a test on any violation left.
    assert any("script-src" in v and "inline" in v for v in csp_violations(page, forget=True))


def test_the_back_office_the_admin_and_the_api_docs_report_no_policy_violation(browser, live_server, published_twice):
    user = get_user_model().objects.create_superuser("paakayttaja", password="x-salasana-x")
    from varanto.accounts.models import Role
    from varanto.accounts.services import membership_set

    membership_set(organization=published_twice, user=user, role=Role.ADMINISTRATOR, acting_user=None)
    tab = signed_in_page(browser, live_server, user)
    slug = published_twice.slug
    for url in (
        f"/hallinta/{slug}/",
        f"/hallinta/{slug}/tietovarannot/",
        f"/hallinta/{slug}/tietovarannot/vesihuolto/",
        f"/hallinta/{slug}/tietovarannot/vesihuolto/muokkaa/",
        f"/hallinta/{slug}/kaavio/",
        "/admin/",
        "/admin/catalog/dataresource/",
        "/api/v1/docs/",
    ):
        response = tab.goto(live_server.url + url)
        assert response.status == 200, url
        tab.wait_for_load_state("networkidle")
        assert csp_violations(tab) == [], url
    tab.context.close()


@pytest.fixture
def other_site():
    """Another site on this machine (its own origin, no policy of its own) whose page frames what it is given."""
    body: list[bytes] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(body[0])

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()

    def framing(urls: dict[str, str]) -> str:
        frames = "".join(f'<iframe name="{name}" src="{url}"></iframe>' for name, url in urls.items())
        body[:] = [f"<!doctype html><title>Kunta</title>{frames}".encode()]
        return f"http://127.0.0.1:{server.server_port}/"

    yield framing
    server.shutdown()
    server.server_close()


def test_only_the_embeddable_view_may_be_framed_by_another_site(live_server, page, published_twice, other_site):
    pages = page_types(published_twice)
    page.goto(other_site({name: live_server.url + pages[name] for name in ("embed", "front")}))
    page.wait_for_timeout(2000)
    embedded, front = page.frame(name="embed"), page.frame(name="front")
    assert embedded.url == live_server.url + pages["embed"]
    assert "Imatran kaupunki" in embedded.locator("h1").inner_text()
    assert front.url.startswith("chrome-error:")  # refused: Chromium shows its error page instead
    csp_violations(page, forget=True)
