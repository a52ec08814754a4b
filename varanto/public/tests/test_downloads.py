"""The front page's "Lataa / Download" list shows the formats the downloads app serves, and only those."""

import pytest
from django.http import HttpResponse
from django.test import override_settings
from django.urls import include, path
from django.utils import translation

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
    assert {link.fmt: link.url for link in links}["json"] == "/imatran-kaupunki/lataa/kuvaus.json"


@override_settings(ROOT_URLCONF=without_downloads_urls)
def test_nothing_is_listed_while_the_downloads_app_has_no_urls(client, imatra_published):
    assert download_links("imatran-kaupunki") == []
    assert "Lataa kuvaus" not in client.get("/imatran-kaupunki/").content.decode()


def test_each_download_says_what_a_resident_gets_before_the_format_s_name(client, imatra_published):
    with translation.override("en"):
        labels = {link.fmt: str(link.label) for link in download_links("imatran-kaupunki")}
    assert labels["xlsx"] == "Spreadsheet for Excel or LibreOffice (XLSX)"
    assert labels["json"] == "The whole description for programs (JSON)"
    assert "varanto.catalog" not in client.get("/imatran-kaupunki/").content.decode().split('class="print-only"')[0]
