"""What each public page shows, read from the latest publication."""

import re

import pytest

from varanto.catalog.models import DataResource, Organization, Section
from varanto.catalog.tests.factories import OrganizationFactory, ProcessFactory
from varanto.publications.services import publication_create

pytestmark = pytest.mark.django_db


def _text(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


def _screen_part(page: str) -> str:
    """The page without the print-only full description the front page carries."""
    return page.split('<div class="print-only">')[0]


def test_front_page_explains_the_description_and_how_to_request_and_lists_every_resource(client, imatra_published):
    page = _text(client.get("/imatran-kaupunki/"))
    screen = _screen_part(page)

    assert '<html lang="fi">' in page
    assert "<h1>Asiakirja\u00adjulkisuus\u00adkuvaus</h1>" in screen  # soft hyphens: it breaks on a phone
    assert "906/2019" in screen and "621/1999" in screen
    assert "kahden viikon" in screen and "enintään <strong>kuukausi</strong>" in screen and "34 §" in screen
    assert "kirjaamo@imatra.fi" in screen and "Virastokatu 2, 55100 Imatra" in screen
    assert "Päivitetty" in screen and "julkaisu 1" in screen
    assert "Petri Kejonen" in screen and "Marjo Kaulio-Behm" in screen
    for resource in DataResource.objects.filter(organization=imatra_published):
        assert f'href="/imatran-kaupunki/tietovaranto/{resource.key}/"' in screen
    for section in Section.objects.filter(organization=imatra_published):
        assert f'href="/imatran-kaupunki/osio/{section.key}/"' in screen


def test_front_page_shows_the_organisations_own_update_date_apart_from_the_publication_date(client, imatra_published):
    screen = _screen_part(_text(client.get("/imatran-kaupunki/")))
    assert "Organisaation oma päivityspäivä 21. helmikuuta 2023" in screen


def test_front_page_carries_the_whole_description_for_printing(client, imatra_published):
    printed = _text(client.get("/imatran-kaupunki/")).split('<div class="print-only">')[1]
    assert printed.count('<section class="doc-resource">') == 31
    assert "Vesihuollon järjestäminen ja hallinta" in printed  # a purpose: fields, not just names
    assert "Opaskartta" in printed  # open data layers


def test_section_page_lists_its_resources_and_the_member_municipalities(client, imatra_published):
    page = _text(client.get("/imatran-kaupunki/osio/etela-karjalan-jatehuoltoviranomainen/"))
    assert "<h1>Etelä-Karjalan jätehuoltoviranomainen</h1>" in page
    assert "Lappeenranta" in page and "Taipalsaari" in page
    assert 'href="/imatran-kaupunki/tietovaranto/jatehuolto/"' in page


def test_resource_page_shows_every_public_field(client, imatra):
    process = ProcessFactory(organization=imatra, name="Vesihuollon laskutus", function_class="10 Tekniset palvelut")
    resource = DataResource.objects.get(organization=imatra, key="vesihuolto")
    resource.search_criteria = ["asiakasnumero", "osoite"]
    resource.keywords = ["vesimittari"]
    resource.partners = ["Meita"]
    resource.data_flows = [{"target": "Kuntarekisteri", "description": "Kulutustiedot kuukausittain"}]
    resource.links = [
        {"title": "Imatran Vesi", "url": "https://www.imatranvesi.fi", "kind": "web"},
        {
            "title": "Asiakasrekisterin tietosuojaseloste",
            "url": "https://www.imatra.fi/tietosuoja/vesi",
            "kind": "privacy_notice",
        },
    ]
    resource.personal_data = True
    resource.retention_period = "10 vuotta"
    resource.archiving = "destroy"
    resource.disclosure_recipients = ["Kiinteistön omistaja"]
    resource.disclosure_authority = "Imatran Veden johtokunta"
    resource.save()
    resource.processes.add(process)
    publication_create(organization=imatra)

    page = _text(client.get("/imatran-kaupunki/tietovaranto/vesihuolto/"))

    for expected in (
        "<h1>Vesihuolto</h1>",
        "vesihuoltopäällikkö (Imatran Vesi liikelaitos)",
        "Vesihuollon järjestäminen ja hallinta",
        "verkostotiedot",
        "asiakasnumero",
        "Osittain julkinen",
        "Soveltuvien osien",
        "Kiinteistön omistaja",
        "Imatran Veden johtokunta",
        "Ei saatavilla teknisen rajapinnan kautta",
        "/imatran-kaupunki/jarjestelma/keypro/",
        "(verkosto)",
        "Meita",
        "Kuntarekisteri",
        "Kulutustiedot kuukausittain",
        "https://www.imatranvesi.fi",
        "Asiakasrekisterin tietosuojaseloste",
        "Sisältää henkilötietoja",
        "10 vuotta",
        "Hävitetään säilytysajan jälkeen",
        "Vesihuollon laskutus",
        "10 Tekniset palvelut",
        "vesimittari",
        'href="/imatran-kaupunki/osio/kaupunkikehitys-ja-tekniset-palvelut/"',
    ):
        assert expected in page, expected


def test_system_page_lists_every_resource_that_uses_the_system(client, imatra_published):
    page = _text(client.get("/imatran-kaupunki/jarjestelma/m-files/"))
    users = DataResource.objects.filter(organization=imatra_published, system_links__system__name="M-Files")
    assert users.count() > 5
    for resource in users:
        assert f'href="/imatran-kaupunki/tietovaranto/{resource.key}/"' in page
    assert f"Käytössä {users.count()} tietovarannossa" in page


def test_open_data_page_lists_the_data_sets_and_the_wms_layers_with_technical_names(client, imatra_published):
    page = _text(client.get("/imatran-kaupunki/avoin-data/"))
    assert "https://www.avoindata.fi/data/fi/dataset/imatra-ostolaskut" in page
    assert "Imatran WMS rajapintapalvelu" in page and "WMS" in page
    assert "<code>Suunnittelutarvealueet</code>" in page and "Rakentamisrajoitusalueet" in page
    assert 'href="/imatran-kaupunki/tietovaranto/imatran-kaupungin-ostolaskut/"' in page


def test_history_lists_publications_and_every_version_can_be_read_and_compared(client, imatra):
    publication_create(organization=imatra, note="Ensimmäinen versio")
    DataResource.objects.filter(organization=imatra, key="museo").update(purpose="Museon kokoelmat ja näyttelyt")
    Section.objects.filter(organization=imatra, key="konsernipalvelut").update(name="Konsernihallinto")
    publication_create(organization=imatra, note="Museon tarkoitus päivitetty")

    history = _text(client.get("/imatran-kaupunki/julkaisut/"))
    assert "Ensimmäinen versio" in history and "Museon tarkoitus päivitetty" in history
    assert (
        'href="/imatran-kaupunki/julkaisut/1/"' in history
        and 'href="/imatran-kaupunki/julkaisut/2/muutokset/"' in history
    )

    first = _text(client.get("/imatran-kaupunki/julkaisut/1/"))
    assert "Konsernipalvelut" in first and "Museon kokoelmat ja näyttelyt" not in first
    assert "aiempi versio" in first

    diff = _text(client.get("/imatran-kaupunki/julkaisut/2/muutokset/"))
    assert re.search(r"Museo</span></h2>", diff)
    assert "Käyttötarkoitus" in diff and "Museon kokoelmat ja näyttelyt" in diff
    assert "Konsernipalvelut" in diff and "Konsernihallinto" in diff
    assert "2 tietuetta muuttunut" in diff
    assert "ensimmäinen julkaisu" in _text(client.get("/imatran-kaupunki/julkaisut/1/muutokset/")).lower()


@pytest.mark.parametrize(
    "url",
    [
        "/imatran-kaupunki/osio/ei-ole/",
        "/imatran-kaupunki/tietovaranto/ei-ole/",
        "/imatran-kaupunki/jarjestelma/ei-ole/",
        "/imatran-kaupunki/julkaisut/9/",
        "/imatran-kaupunki/julkaisut/9/muutokset/",
        "/ei-ole/",
    ],
)
def test_what_was_not_published_is_not_found(client, imatra_published, url):
    assert client.get(url).status_code == 404


def test_the_root_leads_to_the_only_organisation_or_lists_them(client, imatra_published):
    response = client.get("/")
    assert (response.status_code, response["Location"]) == (302, "/imatran-kaupunki/")

    other = OrganizationFactory(name="Ruokolahden kunta", slug="ruokolahti")
    Section.objects.create(organization=other, key="hallinto", name="Hallinto")
    publication_create(organization=other)
    Organization.objects.filter(pk=other.pk).update(name="Julkaisematon nimi")
    page = _text(client.get("/"))
    assert 'href="/ruokolahti/"' in page and 'href="/imatran-kaupunki/"' in page
    assert "Ruokolahden kunta" in page and "Julkaisematon nimi" not in page


def test_the_embeddable_view_has_no_site_chrome_and_may_be_framed(client, imatra_published):
    response = client.get("/imatran-kaupunki/upotus/")
    page = _text(response)
    assert "X-Frame-Options" not in response.headers
    assert '<base target="_top">' in page
    assert 'class="site-header"' not in page and 'role="search"' not in page
    assert 'href="/imatran-kaupunki/tietovaranto/vesihuolto/" target="_top"' in page
    assert client.get("/imatran-kaupunki/").headers["X-Frame-Options"] == "DENY"


def test_accessibility_statement_gives_status_feedback_and_the_enforcement_authority(client, imatra_published):
    page = _text(client.get("/saavutettavuusseloste/"))
    assert "306/2019" in page and "osittain" in page
    assert "Traficom" in page and "saavutettavuusvaatimukset.fi" in page
    assert "kirjaamo@imatra.fi" in page  # feedback goes to the organisation
    assert "25. marraskuuta 2026" in page


def test_every_page_has_the_search_form_language_links_and_the_accessibility_link(client, imatra_published):
    page = _text(client.get("/sv/imatran-kaupunki/osio/konsernipalvelut/"))
    assert '<html lang="sv">' in page
    assert 'action="/sv/imatran-kaupunki/haku/"' in page and 'name="q"' in page and '<label for="search-q">' in page
    assert 'href="/imatran-kaupunki/osio/konsernipalvelut/" hreflang="fi" lang="fi"' in page
    assert 'href="/en/imatran-kaupunki/osio/konsernipalvelut/" hreflang="en" lang="en"' in page
    assert 'hreflang="sv" lang="sv" aria-current="true"' in page
    assert 'href="/sv/saavutettavuusseloste/"' in page
    assert 'class="skip-link" href="#main"' in page


def test_an_open_data_resource_leads_with_its_download_before_the_request(client, imatra_published):
    page = _text(client.get("/en/imatran-kaupunki/tietovaranto/imatran-kaupungin-ostolaskut/"))
    download = page.index('<h2 id="download-heading">Get the open data</h2>')
    assert page.index('href="https://www.avoindata.fi/data/fi/dataset/imatra-ostolaskut"') > download
    assert download < page.index('id="tietopyynto"')
    assert 'class="button" href="#tietopyynto"' not in page  # the request is offered, second
    plain = _text(client.get("/en/imatran-kaupunki/tietovaranto/vesihuolto/"))
    assert "download-heading" not in plain and 'class="button" href="#tietopyynto"' in plain
