"""Every answer carries the Content-Security-Policy; only the embeddable view may be framed, by the sites
PUBLIC_EMBED_FRAME_ANCESTORS names, in its 304s as well (a 304's headers update the browser's copy)."""

import pytest

from varanto.public import cache

pytestmark = pytest.mark.django_db

EMBED = "/imatran-kaupunki/upotus/"


def _directives(response) -> dict[str, str]:
    policy = response.headers["Content-Security-Policy"]
    return dict(part.strip().split(" ", 1) for part in policy.split(";"))


@pytest.mark.parametrize(
    "path", ["/imatran-kaupunki/", "/sv/imatran-kaupunki/haku/?q=vesi", "/hallinta/kirjaudu/", "/api/v1/organizations/"]
)
def test_pages_allow_scripts_and_styles_of_this_site_only_and_no_framing(client, imatra_published, path):
    directives = _directives(client.get(path))
    assert directives["script-src"] == "'self'" and directives["style-src"] == "'self'"
    assert directives["object-src"] == "'none'" and directives["frame-ancestors"] == "'none'"


def test_the_embeddable_view_may_be_framed_by_the_configured_sites(client, imatra_published, settings):
    settings.PUBLIC_EMBED_FRAME_ANCESTORS = ["https://www.imatra.fi", "https://imatra.fi"]
    response = client.get(EMBED)
    assert _directives(response)["frame-ancestors"] == "https://www.imatra.fi https://imatra.fi"
    assert _directives(response)["script-src"] == "'self'"
    # A 304 from the kept page carries no policy, and one from the view the embeddable view's own.
    kept = client.get(EMBED, HTTP_IF_NONE_MATCH=response["ETag"])
    assert kept.status_code == 304 and "Content-Security-Policy" not in kept.headers
    cache.pages.clear()
    rendered = client.get(EMBED, HTTP_IF_NONE_MATCH=response["ETag"])
    assert rendered.status_code == 304
    assert _directives(rendered)["frame-ancestors"] == "https://www.imatra.fi https://imatra.fi"
