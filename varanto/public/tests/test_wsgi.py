"""The WSGI shortcut serves kept pages of the current publication, and leaves everything else to Django."""

import io

import pytest

from varanto.public import cache
from varanto.public.wsgi import serve_published_pages

pytestmark = pytest.mark.django_db

RESOURCE = "/imatran-kaupunki/tietovaranto/vesihuolto/"


def _environ(path=RESOURCE, **extra):
    return {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "wsgi.input": io.BytesIO(),
        **extra,
    }


class Django:
    """Stands in for the Django application behind the shortcut and counts what reaches it."""

    calls = 0

    def __call__(self, environ, start_response):
        self.calls += 1
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [b"from django"]


def _call(app, environ):
    started = []
    body = b"".join(app(environ, lambda status, headers: started.append((status, headers))))
    return started[0][0], dict(started[0][1]), body


@pytest.fixture
def kept_page(client, imatra_published):
    response = client.get(RESOURCE)  # Django renders it and the middleware keeps it
    assert cache.pages.get(cache.page_key("testserver", RESOURCE)) is not None
    return response


def test_a_kept_page_of_the_current_publication_is_served_without_django(kept_page):
    django = Django()
    status, headers, body = _call(serve_published_pages(django), _environ())
    assert django.calls == 0
    assert status == "200 OK"
    assert body == kept_page.content
    assert headers["ETag"] == kept_page["ETag"] and headers["Cache-Control"] == kept_page["Cache-Control"]


@pytest.mark.parametrize(
    "environ",
    [
        _environ(QUERY_STRING="q=vesi"),
        _environ(REQUEST_METHOD="HEAD"),
        _environ(HTTP_IF_NONE_MATCH='"x"'),
        _environ(HTTP_IF_MODIFIED_SINCE="Wed, 25 Nov 2026 10:00:00 GMT"),
        _environ(path="/imatran-kaupunki/"),
        _environ(HTTP_HOST="evil.example"),
    ],
    ids=["query-string", "head", "if-none-match", "if-modified-since", "not-kept", "host-not-allowed"],
)
def test_other_requests_go_to_django(kept_page, environ):
    django = Django()
    assert _call(serve_published_pages(django), environ)[2] == b"from django"
    assert django.calls == 1


def test_when_the_publication_is_not_known_to_be_current_django_checks_first(kept_page, settings):
    settings.PUBLIC_PUBLICATION_CHECK_SECONDS = 0
    django = Django()
    assert _call(serve_published_pages(django), _environ())[2] == b"from django"
    assert django.calls == 1


def test_a_kept_page_answers_400_to_a_host_outside_allowed_hosts(kept_page, client):
    """Neither the shortcut nor the middleware hands a kept page to a host Django would refuse."""
    from varanto.wsgi import application

    status, _headers, body = _call(application, _environ(HTTP_HOST="evil.example"))
    assert status == "400 Bad Request"
    assert kept_page.content not in body
    assert client.get(RESOURCE, HTTP_HOST="evil.example").status_code == 400
    assert _call(application, _environ(HTTP_HOST="testserver"))[0] == "200 OK"
