"""Public downloads: every format of the latest publication, conditional GET, nothing internal or unpublished."""

import io
import json
import zipfile

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from varanto.catalog.models import DataResource, InformationSystem
from varanto.interchange.formats import FORMATS
from varanto.interchange.formats.xlsx import read_xlsx
from varanto.publications.services import publication_create

pytestmark = pytest.mark.django_db

SECRETS = ("Palvelin lukitussa konesalissa", "Sisäinen muistio", "Järjestelmän salasanakäytäntö")


def url(fmt: str, org: str = "imatran-kaupunki") -> str:
    return reverse("downloads:file", kwargs={"org": org, "fmt": fmt})


def body(response) -> bytes:
    return b"".join(response) if response.streaming else response.content


@pytest.fixture
def with_secrets(imatra):
    """Imatra with internal fields filled in, published, then edited without publishing."""
    DataResource.objects.filter(organization=imatra, key="vesihuolto").update(
        security_measures=SECRETS[0], internal_notes=SECRETS[1]
    )
    InformationSystem.objects.filter(organization=imatra, key="m-files").update(security_measures=SECRETS[2])
    publication_create(organization=imatra, note="Testi")
    DataResource.objects.filter(organization=imatra, key="vesihuolto").update(name="Vesihuolto (luonnos)")
    return imatra


def readable(fmt: str, content: bytes) -> str:
    """The text in a download, whatever its container."""
    if fmt == "xlsx":
        workbook = load_workbook(io.BytesIO(content))
        return "\n".join(str(v) for ws in workbook for row in ws.iter_rows(values_only=True) for v in row if v)
    if fmt == "csv":
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            return "\n".join(archive.read(n).decode("utf-8-sig") for n in archive.namelist())
    return content.decode("utf-8")


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_every_format_of_the_latest_publication_downloads_without_internal_or_unpublished_text(
    client, with_secrets, fmt
):
    response = client.get(url(fmt))
    assert response.status_code == 200
    assert response["Content-Type"].startswith(FORMATS[fmt].media_type)
    assert "imatran-kaupunki" in response["Content-Disposition"]
    text = readable(fmt, body(response))
    assert "Vesihuolto" in text
    assert "luonnos" not in text
    for secret in SECRETS:
        assert secret not in text


def test_the_json_download_is_the_publication_with_its_header(client, imatra_published):
    data = json.loads(body(client.get(url("json"))))
    assert data["format"] == "varanto.catalog/1"
    assert data["publication"]["number"] == 1
    assert data["publication"]["note"] == "Testijulkaisu"
    assert len(data["resources"]) == 31


def test_the_xlsx_download_reads_back_to_the_publication(client, imatra_published):
    published = json.loads(body(client.get(url("json"))))
    catalog, _ = read_xlsx(body(client.get(url("xlsx"))))
    published.pop("publication")
    assert catalog == published


@pytest.mark.parametrize("fmt", ["json", "xlsx", "dcat-ttl"])
def test_a_download_answers_a_conditional_request_with_304_until_the_next_publication(client, imatra_published, fmt):
    first = client.get(url(fmt))
    etag = first["ETag"]
    assert first["Last-Modified"]
    assert "max-age" in first["Cache-Control"]
    again = client.get(url(fmt), HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again["ETag"] == etag
    assert client.get(url(fmt), HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304

    publication_create(organization=imatra_published, note="Toinen")
    fresh = client.get(url(fmt), HTTP_IF_NONE_MATCH=etag)
    assert fresh.status_code == 200
    assert fresh["ETag"] != etag


def test_formats_have_different_etags(client, imatra_published):
    assert len({client.get(url(fmt))["ETag"] for fmt in FORMATS}) == len(FORMATS)


def test_a_dcat_harvester_has_a_stable_catalogue_address(client, imatra_published):
    for fmt, media_type in (
        ("dcat-ttl", "text/turtle"),
        ("dcat-rdf", "application/rdf+xml"),
        ("dcat-jsonld", "application/ld+json"),
    ):
        address = reverse("downloads:dcat_catalog", kwargs={"org": "imatran-kaupunki", "fmt": fmt})
        assert address == f"/imatran-kaupunki/dcat/catalog.{fmt.removeprefix('dcat-')}"
        response = client.get(address)
        assert response.status_code == 200
        assert response["Content-Type"] == media_type
        assert response["Access-Control-Allow-Origin"] == "*"
        assert body(response) == body(client.get(url(fmt)))


def test_downloads_do_not_depend_on_the_language_asked_for(client, imatra_published):
    finnish = body(client.get(url("dcat-ttl")))
    swedish = body(client.get(url("dcat-ttl"), HTTP_ACCEPT_LANGUAGE="sv"))
    assert finnish == swedish
    assert b"/sv/" not in swedish


def test_one_kind_of_record_can_be_downloaded_as_a_csv_file(client, imatra_published):
    response = client.get(
        reverse("downloads:csv_table", kwargs={"org": "imatran-kaupunki", "table": "tietovarannot.csv"})
    )
    assert response.status_code == 200
    text = body(response).decode("utf-8-sig")
    assert text.startswith("Tunniste;Nimi;Toimiala;")
    assert "Vesihuolto" in text


def test_an_organisation_that_has_not_published_has_no_downloads(client, imatra):
    assert client.get(url("json")).status_code == 404
    assert client.get(url("json", org="ei-ole")).status_code == 404


def test_the_blank_template_downloads_with_its_instructions(client, db):
    response = client.get(reverse("downloads:template"))
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    workbook = load_workbook(io.BytesIO(body(response)))
    assert workbook.sheetnames[0] == "Ohjeet"
    assert workbook["Tietovarannot"].max_row == 1
    assert client.get(reverse("downloads:template"), HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304


def test_a_download_is_rendered_once_and_then_served_from_the_cache(
    client, imatra_published, django_assert_max_num_queries
):
    client.get(url("xlsx"))
    with django_assert_max_num_queries(1):
        assert client.get(url("xlsx")).status_code == 200
