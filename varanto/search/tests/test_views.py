"""The results page /<org>/haku/?q=…: plain HTML forms and links, so it works without JavaScript."""

import re

import pytest

from varanto.catalog.tests.factories import DataResourceFactory, OrganizationFactory, SectionFactory
from varanto.publications.services import publication_create
from varanto.search.models import Referral, ThesaurusEntry
from varanto.search.services import referrals_defaults_load

pytestmark = pytest.mark.django_db

URL = "/imatran-kaupunki/haku/"


@pytest.fixture(autouse=True)
def _publishing_indexes_at_once(monkeypatch):
    """The publishing service indexes after commit, and a test's transaction never commits: index at once."""
    monkeypatch.setattr("django.db.transaction.on_commit", lambda callback, robust=False, using=None: callback())


def result_names(html: str) -> list[str]:
    return [
        re.sub(r"<[^>]+>", "", name)
        for name in re.findall(r'<li class="result">\s*<h3><a href="[^"]+">(.*?)</a>', html)
    ]


def test_results_link_to_resource_pages_with_the_matches_marked(client, imatra_published):
    html = client.get(URL, {"q": "sain pysäköintivirhemaksun"}).content.decode()
    assert result_names(html)[0] == "Pysäköinninvalvonta"
    assert '<a href="/imatran-kaupunki/tietovaranto/pysakoinninvalvonta/"><mark>Pysäköinninvalvonta</mark></a>' in html
    assert "tiedot <mark>pysäköintivirhemaksuista</mark>" in html
    assert 'value="sain pysäköintivirhemaksun"' in html


def test_facet_links_narrow_the_results_and_count_what_each_choice_gives(client, imatra_published):
    html = client.get(URL, {"q": "aineistot"}).content.decode()
    everything = result_names(html)
    link = re.search(
        r'<a href="(\?q=aineistot&amp;osio=hyvinvointi-ja-koulutus)">Hyvinvointi- ja koulutus <span class="count">\((\d+)\)</span>',
        html,
    )
    assert link, "no section facet link"
    narrowed = client.get(URL + link.group(1).replace("&amp;", "&")).content.decode()
    assert 0 < len(result_names(narrowed)) == int(link.group(2)) < len(everything)
    assert 'aria-current="true"' in narrowed
    assert "?q=aineistot" in narrowed  # the link that removes the filter


@pytest.mark.parametrize(
    ("param", "value", "expected"),
    [
        ("luovutus", "restricted", {"Henkilöstö- ja palkkahallinto", "Opetus ja oppilashallinto", "Varhaiskasvatus"}),
        ("jarjestelma", "Wilma", {"Opetus ja oppilashallinto", "Varhaiskasvatus"}),
        ("rajapinta", "partial", {"Pysäköinninvalvonta"}),
    ],
)
def test_disclosure_system_and_interface_filters(client, imatra_published, param, value, expected):
    html = client.get(URL, {"q": "tiedot", param: value}).content.decode()
    assert set(result_names(html)) == expected


def test_a_typo_shows_what_was_searched_instead(client, imatra_published):
    html = client.get(URL, {"q": "Wlima"}).content.decode()
    notice = re.search(r'<p class="notice">(.*?)</p>', html, re.S).group(1)
    assert "Wlima" in notice and "Wilma" in notice
    assert "Opetus ja oppilashallinto" in result_names(html)


def test_no_results_page_gives_advice(client, imatra_published):
    response = client.get(URL, {"q": "avaruusromu"})
    assert response.status_code == 200
    html = response.content.decode()
    assert result_names(html) == []
    tips = re.search(r'<ul class="search-tips">(.*?)</ul>', html, re.S)
    assert tips and 'href="/imatran-kaupunki/"' in tips.group(1)
    assert "Haulla ”avaruusromu” ei löytynyt tietovarantoja." in html


def test_an_empty_query_shows_just_the_form(client, imatra_published):
    html = client.get(URL).content.decode()
    assert 'id="search-page-q"' in html and "result-list" not in html


def test_a_too_long_query_is_refused_with_a_message_at_the_field(client, imatra_published):
    response = client.get(URL, {"q": "kirjasto " * 40})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'aria-invalid="true"' in html and 'id="search-page-q-error"' in html


def test_unknown_or_unpublished_organisation_is_not_found(client, db):
    assert client.get("/ei-ole/haku/", {"q": "kirjasto"}).status_code == 404
    draft = OrganizationFactory(slug="luonnos")
    DataResourceFactory(organization=draft, name="Kirjasto")
    assert client.get("/luonnos/haku/", {"q": "kirjasto"}).status_code == 404


def test_the_page_speaks_swedish_under_sv(client, imatra_published):
    html = client.get("/sv" + URL, {"q": "kirjasto"}).content.decode()
    assert 'lang="sv"' in html
    assert 'href="/sv/imatran-kaupunki/tietovaranto/kirjasto/"' in html


def test_internal_fields_never_reach_the_page(client):
    organization = OrganizationFactory(slug="salainen")
    section = SectionFactory(organization=organization)
    DataResourceFactory(
        organization=organization,
        section=section,
        name="Kulunvalvonta",
        key_datasets=["Kulkuoikeudet"],
        security_measures="Kulunvalvonnan hälytysrajat",
        internal_notes="Kulunvalvonnan salakoodi",
    )
    publication_create(organization=organization)
    html = client.get("/salainen/haku/", {"q": "kulunvalvonta"}).content.decode()
    assert result_names(html) == ["Kulunvalvonta"]
    assert "hälytysraja" not in html.lower() and "salakoodi" not in html.lower()
    assert result_names(client.get("/salainen/haku/", {"q": "salakoodi"}).content.decode()) == []


def test_query_count_does_not_grow_with_the_number_of_results(client, imatra_published, django_assert_max_num_queries):
    client.get(URL, {"q": "kirjasto"})
    with django_assert_max_num_queries(14):
        many = client.get(URL, {"q": "tiedot aineistot"})
    assert len(result_names(many.content.decode())) > 10


def test_a_bad_filter_value_is_refused_with_a_message_naming_it(client, imatra_published):
    response = client.get(URL, {"q": "kirjasto", "luovutus": "x" * 50})
    assert response.status_code == 400
    assert "“luovutus”" in response.content.decode()


def test_filters_that_leave_nothing_say_so_and_keep_the_way_back(client, imatra_published):
    html = client.get(URL, {"q": "kirjasto", "osio": "avoin-data"}).content.decode()
    assert result_names(html) == []
    assert "Mikään tietovaranto ei vastaa kaikkia valittuja rajauksia." in html
    assert 'href="?q=kirjasto"' in html  # removes the section filter


def test_results_carry_an_etag_that_changes_with_the_publication_or_the_thesaurus(client, imatra_published):
    first = client.get(URL, {"q": "parkkisakko"})
    etag = first.headers["ETag"]
    assert "max-age=60" in first.headers["Cache-Control"] and "public" in first.headers["Cache-Control"]
    assert client.get(URL, {"q": "parkkisakko"}, HTTP_IF_NONE_MATCH=etag).status_code == 304

    ThesaurusEntry.objects.create(organization=imatra_published, term="sakkolappu", expansions="pysäköintivirhemaksu")
    after_thesaurus = client.get(URL, {"q": "parkkisakko"}, HTTP_IF_NONE_MATCH=etag)
    assert after_thesaurus.status_code == 200 and after_thesaurus.headers["ETag"] != etag

    entry = ThesaurusEntry.objects.get(organization=imatra_published, term="sakkolappu")
    entry.expansions = "pysäköinninvalvonta"
    entry.save()
    after_edit = client.get(URL, {"q": "parkkisakko"}, HTTP_IF_NONE_MATCH=after_thesaurus.headers["ETag"])
    assert after_edit.status_code == 200

    publication_create(organization=imatra_published, note="uusi versio")
    after_publishing = client.get(URL, {"q": "parkkisakko"}, HTTP_IF_NONE_MATCH=after_edit.headers["ETag"])
    assert after_publishing.status_code == 200


def test_results_etag_changes_when_a_referral_is_added_edited_or_removed(client, imatra_published):
    def etag_after(change) -> str:
        before = client.get(URL, {"q": "verokortti"}).headers["ETag"]
        assert client.get(URL, {"q": "verokortti"}, HTTP_IF_NONE_MATCH=before).status_code == 304
        change()
        response = client.get(URL, {"q": "verokortti"}, HTTP_IF_NONE_MATCH=before)
        assert response.status_code == 200
        return response.content.decode()

    referrals_defaults_load(organization=imatra_published)
    taxes = Referral.objects.get(organization=imatra_published, matter="taxes")
    taxes.authority_fi = "Verotoimisto"

    html = etag_after(taxes.save)
    assert "Verotoimisto" in html
    assert "Verotoimisto" not in etag_after(taxes.delete)


def test_a_search_get_never_builds_an_index(client, imatra_published):
    from varanto.search.models import SearchIndex
    from varanto.search.services import search_index_delete

    search_index_delete(organization=imatra_published)
    response = client.get(URL, {"q": "kirjasto"})
    assert response.status_code == 200 and result_names(response.content.decode()) == []
    assert not SearchIndex.objects.exists()


def test_the_page_has_one_search_box_and_says_where_words_were_found_without_scores(client, imatra_published):
    html = client.get(URL, {"q": "sain pysäköintivirhemaksun"}).content.decode()
    assert len(re.findall(r'<input[^>]+type="search"', html)) == 1
    assert html.count('role="search"') == 1
    assert re.search(r'<p class="why">Löytyi kohdista: [^<]*Nimi[^<]*</p>', html)
    assert not re.search(r"pistee|score|points", html, re.IGNORECASE)
    front = client.get("/imatran-kaupunki/").content.decode()
    assert front.count('role="search"') == 1  # every other page keeps the header's box


def test_snippets_of_a_page_of_results_read_the_texts_in_one_query(imatra_published, django_assert_num_queries):
    from varanto.search.models import SearchDocument
    from varanto.search.selectors import search_resources

    hits = search_resources(query="tiedot", organization=imatra_published).hits
    assert len(hits) > 20
    with django_assert_num_queries(1):
        snippets = [hit.snippet for hit in hits[:20]]
    with django_assert_num_queries(1):
        snippets += [hit.snippet for hit in hits[20:]]
    assert [hit.document.texts for hit in hits] == [
        SearchDocument.objects.get(pk=hit.document.pk).texts for hit in hits
    ]
    assert all(snippet is not None for snippet in snippets)
