"""What every public page's frame gives a resident: the organisation's name and logo, a favicon, a feedback
link, language links that keep the page's query, and dates as they are written in each language."""

import io
import re
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from django.utils import timezone

from varanto.catalog.services.logos import organization_logo_set
from varanto.catalog.tests.test_logos import png
from varanto.publications.services import publication_create

pytestmark = pytest.mark.django_db

RESOURCE = "/imatran-kaupunki/tietovaranto/vesihuolto/"


def test_the_header_names_the_organisation_not_the_software(client, imatra_published):
    page = client.get("/imatran-kaupunki/").content.decode()
    header = page.split("</header>")[0]
    assert '<span class="brand-org">Imatran kaupunki</span>' in header
    assert "Varanto" not in header.split("<body>")[1]
    assert 'class="brand-logo"' not in header  # none uploaded


def test_an_uploaded_logo_shows_from_the_next_publication_as_the_image_it_is(client, imatra_published):
    organization_logo_set(organization=imatra_published, upload=io.BytesIO(png()))
    assert 'class="brand-logo"' not in client.get("/imatran-kaupunki/").content.decode()

    publication_create(organization=imatra_published, note="Logo")
    page = client.get("/sv/imatran-kaupunki/").content.decode()
    src = re.search(r'<img class="brand-logo" src="([^"]+)" alt="">', page)[1]
    assert src == "/imatran-kaupunki/tunnus.png"
    image = client.get(src)
    assert image.status_code == 200 and image.content == png()
    assert image["Content-Type"] == "image/png" and image["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in image["Content-Security-Policy"]
    assert client.get(src, HTTP_IF_NONE_MATCH=image["ETag"]).status_code == 304
    assert client.get("/imatran-kaupunki/tunnus.jpg").status_code == 404  # not what it is


def test_a_favicon_is_linked_and_answers_at_the_address_browsers_ask(client, imatra_published):
    page = client.get("/imatran-kaupunki/").content.decode()
    icon = re.search(r'<link rel="icon" href="([^"]+)" type="image/svg\+xml">', page)[1]
    assert client.get(icon).status_code == 200
    redirect = client.get("/favicon.ico")
    assert redirect.status_code == 301 and redirect["Location"] == icon


def test_every_page_has_a_feedback_link_to_the_description_s_contact(client, imatra_published):
    page = client.get("/en" + RESOURCE).content.decode()
    link = re.search(r'<a href="(mailto:[^"]+)">Give feedback on this description</a>', page)[1]
    parts = urlsplit(link.replace("&amp;", "&"))
    assert "@" in unquote(parts.path)
    query = parse_qs(parts.query)
    assert query["subject"][0].startswith("Feedback on the publicity description: ")
    assert "http://testserver/en" + RESOURCE in query["body"][0]


def test_the_language_links_keep_the_search(client, imatra_published):
    page = client.get("/imatran-kaupunki/haku/", {"q": "vesi", "osio": "x"}).content.decode()
    links = dict(re.findall(r'<a href="([^"]+)" hreflang="(\w\w)"', page))
    assert {lang: url.replace("&amp;", "&") for url, lang in links.items()} == {
        "fi": "/imatran-kaupunki/haku/?q=vesi&osio=x",
        "sv": "/sv/imatran-kaupunki/haku/?q=vesi&osio=x",
        "en": "/en/imatran-kaupunki/haku/?q=vesi&osio=x",
    }


def test_dates_are_written_as_in_finland_and_britain_never_american(client, imatra_published):
    published = timezone.localtime(imatra_published.publications.get().published_at)
    day, month, year = published.day, published.strftime("%b"), published.year
    english = client.get("/en" + RESOURCE).content.decode()
    assert f"{day} {month} {year}" in english
    assert not re.search(r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\. \d", english)
    assert not re.search(r"\b\d{2}/\d{2}/\d{4}\b", english)
    request_text = re.search(r'<textarea id="request-text"[^>]*>(.*?)</textarea>', english, re.S)[1]
    assert f"publication 1 ({day} {month} {year})" in request_text
    finnish = client.get(RESOURCE).content.decode()
    assert f"julkaisu 1 ({day}.{published.month}.{year})" in finnish
    assert f"{day}.{published.month}.{year}" in client.get("/sv" + RESOURCE).content.decode()
