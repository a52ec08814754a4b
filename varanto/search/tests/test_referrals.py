"""Referrals (ohjaukset): a query about a matter another authority holds says who holds it, in fi/sv/en."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from varanto.search.models import Referral
from varanto.search.referrals import ReferralError, default_referrals, read_referrals
from varanto.search.selectors import search_referrals
from varanto.search.services import referrals_defaults_load

pytestmark = pytest.mark.django_db

URL = "/imatran-kaupunki/haku/"


@pytest.fixture(autouse=True)
def _publishing_indexes_at_once(monkeypatch):
    monkeypatch.setattr("django.db.transaction.on_commit", lambda callback, robust=False, using=None: callback())


def matters(query, organization=None):
    return [rule.matter for rule in search_referrals(query=query, organization=organization)]


@pytest.mark.parametrize(
    ("query", "matter"),
    [
        # Finnish, in any inflected form and as the head of a compound
        ("terveyskeskuksen potilastiedot", "health-and-social-care"),
        ("äitiysneuvola", "health-and-social-care"),
        ("verokortti", "taxes"),
        ("kiinteistöveron maksaminen", "taxes"),
        ("muuttoilmoitus", "population-data"),
        ("hautapaikka hautausmaalta", "parish"),
        ("asumistuen hakeminen", "benefits"),
        ("rikosilmoitus", "police"),
        # Swedish
        ("patientjournaler från hälsocentralen", "health-and-social-care"),
        ("skattekort", "taxes"),
        ("kyrkogården", "parish"),
        ("bostadsbidrag", "benefits"),
        ("göra en brottsanmälan", "police"),
        # English
        ("medical records", "health-and-social-care"),
        ("my tax return", "taxes"),
        ("change of address", "population-data"),
        ("graves in the cemetery", "parish"),
        ("housing allowance", "benefits"),
        ("report a crime", "police"),
    ],
)
def test_a_matter_another_authority_holds_is_referred_in_every_language(query, matter):
    assert matters(query) == [matter]


@pytest.mark.parametrize("query", ["ympäristöterveydenhuolto", "päiväkoti", "miljöhälsovård", "building permit"])
def test_the_municipalitys_own_matters_are_not_referred(query):
    """Environmental health is the municipality's, though "terveydenhuolto" ends the word."""
    assert matters(query) == []


def test_a_referral_is_shown_in_the_page_language_with_finnish_where_none_is_given(imatra):
    rule = next(r for r in default_referrals() if r.matter == "taxes")
    assert rule.in_language("sv")["authority"] == "Skatteförvaltningen"
    assert rule.in_language("en")["authority"] == "The Finnish Tax Administration (Vero)"
    referrals_defaults_load(organization=imatra)
    Referral.objects.filter(organization=imatra, matter="taxes").update(authority_en="")
    taxes = next(r for r in search_referrals(query="taxes", organization=imatra))
    assert taxes.in_language("en")["authority"] == "Verohallinto"


def test_an_organisations_own_table_replaces_the_defaults(imatra):
    assert referrals_defaults_load(organization=imatra) == len(default_referrals())
    assert referrals_defaults_load(organization=imatra) == 0  # matters it has are kept
    Referral.objects.filter(organization=imatra, matter="parish").delete()
    Referral.objects.filter(organization=imatra, matter="health-and-social-care").update(
        keywords_fi="neuvola|eksote", authority_fi="Eksote", url="https://www.eksote.fi"
    )
    assert matters("hautausmaa", imatra) == []
    assert matters("eksote", imatra) == ["health-and-social-care"]
    assert matters("hautausmaa") == ["parish"]  # the defaults still answer across every organisation


@pytest.mark.parametrize(
    ("prefix", "query", "heading", "authority"),
    [
        ("", "neuvola", "Asia kuuluu toiselle viranomaiselle", "Hyvinvointialue (sosiaali- ja terveyspalvelut)"),
        (
            "/sv",
            "rådgivningen",
            "Ärendet hör till en annan myndighet",
            "Välfärdsområdet (social- och hälsovårdstjänster)",
        ),
        ("/en", "maternity clinic", "Another authority holds this matter", "The wellbeing services county"),
    ],
)
def test_the_results_page_says_who_holds_the_matter_in_its_language(
    client, imatra_published, prefix, query, heading, authority
):
    html = client.get(prefix + URL, {"q": query}).content.decode()
    assert heading in html
    assert authority in html


def test_the_results_page_links_to_the_authority(client, imatra_published):
    html = client.get(URL, {"q": "verokortti"}).content.decode()
    assert '<a href="https://www.vero.fi">Verohallinto</a>' in html


def test_search_json_gives_results_referrals_and_what_was_also_searched(imatra_published):
    out = StringIO()
    call_command("search", "daycare", "and", "health", "centre", "--json", stdout=out, stderr=StringIO())
    answer = json.loads(out.getvalue())
    assert answer.keys() == {"results", "referrals", "searched_also"}
    assert answer["results"][0]["name"] == "Varhaiskasvatus"
    assert [r["matter"] for r in answer["referrals"]] == ["health-and-social-care"]
    assert answer["referrals"][0]["authority"] == "Hyvinvointialue (sosiaali- ja terveyspalvelut)"
    assert "varhaiskasvatus" in answer["searched_also"]


def test_the_referrals_command_copies_the_defaults_into_each_organisations_table(imatra):
    out = StringIO()
    call_command("referrals", stdout=out)
    assert f"Imatran kaupunki: {len(default_referrals())} referral(s) added." in out.getvalue()
    assert Referral.objects.filter(organization=imatra).count() == len(default_referrals())


def test_a_referrals_file_with_mistakes_is_refused_naming_the_line():
    header = "matter,authority_fi,authority_sv,authority_en,keywords_fi,keywords_sv,keywords_en,how_to_ask_fi,how_to_ask_sv,how_to_ask_en,url\n"
    with pytest.raises(ReferralError, match="mine.csv, line 2: a referral needs a matter, an authority and Finnish"):
        read_referrals(header + "taxes,,,,,,,,,,\n", source="mine.csv")
    with pytest.raises(ReferralError, match="mine.csv, line 2: expected 11 columns, found 2"):
        read_referrals(header + "taxes,Vero\n", source="mine.csv")
