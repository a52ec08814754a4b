"""Error pages 400, 403, 404 and 500 speak the visitor's language: Finnish, or Swedish or English by the
address's prefix; they are the site's own pages, under the same Content-Security-Policy."""

import pytest
from django.test import Client
from django.urls import path

pytestmark = pytest.mark.django_db


def _crash(request):
    raise RuntimeError("the view broke")


# The URLconf of the 500 test: Varanto's own, plus views that break.
from varanto.urls import urlpatterns as _varanto_urlpatterns  # noqa: E402

urlpatterns = [path("kaatuu/", _crash), path("sv/kaatuu/", _crash), path("en/kaatuu/", _crash), *_varanto_urlpatterns]
handler500 = "varanto.public.errors.server_error"


def _page(response) -> str:
    assert "Content-Security-Policy" in response.headers
    return response.content.decode()


@pytest.mark.parametrize(
    ("prefix", "language", "title", "home"),
    [
        ("", "fi", "Sivua ei löydy", "Etusivulle"),
        ("/sv", "sv", "Sidan hittades inte", "Till startsidan"),
        ("/en", "en", "Page not found", "Go to the front page"),
    ],
)
def test_404_in_the_language_of_the_address(client, imatra_published, prefix, language, title, home):
    for path_ in ("/ei-tallaista-organisaatiota/", "/imatran-kaupunki/tietovaranto/ei-tallaista/"):
        response = client.get(prefix + path_)
        assert response.status_code == 404
        page = _page(response)
        assert f'<html lang="{language}">' in page and f"<h1>{title}</h1>" in page and home in page
        assert f'href="{prefix}/"' in page


@pytest.mark.parametrize(
    ("prefix", "title"), [("", "Virheellinen pyyntö"), ("/sv", "Felaktig begäran"), ("/en", "Bad request")]
)
def test_400_for_a_host_outside_allowed_hosts(client, imatra_published, prefix, title):
    response = client.get(prefix + "/imatran-kaupunki/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert f"<h1>{title}</h1>" in _page(response)


@pytest.mark.parametrize(("prefix", "title"), [("", "Ei käyttöoikeutta"), ("/sv", "Åtkomst nekad")])
def test_403_for_a_form_sent_without_its_csrf_token(imatra_published, prefix, title):
    response = Client(enforce_csrf_checks=True).post(prefix + "/imatran-kaupunki/", {"q": "vesi"})
    assert response.status_code == 403
    page = _page(response)
    assert f"<h1>{title}</h1>" in page and "CSRF" not in page


def test_403_for_the_back_office_sign_in_without_its_token():
    response = Client(enforce_csrf_checks=True).post("/hallinta/kirjaudu/", {"username": "a", "password": "b"})
    assert response.status_code == 403
    assert "<h1>Ei käyttöoikeutta</h1>" in _page(response)


@pytest.mark.urls(__name__)
@pytest.mark.parametrize(
    ("prefix", "title"), [("", "Jokin meni vikaan"), ("/sv", "Något gick fel"), ("/en", "Something went wrong")]
)
def test_500_in_the_language_of_the_address_without_the_error_shown(prefix, title):
    client = Client(raise_request_exception=False)
    response = client.get(prefix + "/kaatuu/")
    assert response.status_code == 500
    page = _page(response)
    assert f"<h1>{title}</h1>" in page and "the view broke" not in page and "RuntimeError" not in page
