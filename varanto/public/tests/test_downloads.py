"""The front page's "Lataa / Download" list shows the formats the downloads app serves, and only those."""

import pytest
from django.http import HttpResponse
from django.test import override_settings
from django.urls import include, path

from varanto.public.pages import DOWNLOAD_FORMATS, download_links

pytestmark = pytest.mark.django_db

downloads_patterns = (
    [path("<slug:org>/lataa/kuvaus.<str:fmt>", lambda request, org, fmt: HttpResponse(), name="file")],
    "downloads",
)
without_downloads = [path("", include("varanto.search.urls")), path("", include("varanto.public.urls"))]
with_downloads = [path("", include(downloads_patterns)), *without_downloads]


class with_downloads_urls:  # noqa: N801  (a URLconf module stand-in)
    urlpatterns = with_downloads


class without_downloads_urls:  # noqa: N801
    urlpatterns = without_downloads


@override_settings(ROOT_URLCONF=with_downloads_urls)
def test_each_format_whose_download_url_resolves_is_listed():
    links = download_links("imatran-kaupunki")
    assert [link.fmt for link in links] == [fmt for fmt, _label in DOWNLOAD_FORMATS]
    assert links[0].url == "/imatran-kaupunki/lataa/kuvaus.json"


@override_settings(ROOT_URLCONF=without_downloads_urls)
def test_nothing_is_listed_while_the_downloads_app_has_no_urls(client, imatra_published):
    assert download_links("imatran-kaupunki") == []
    assert "Lataa kuvaus" not in client.get("/imatran-kaupunki/").content.decode()
