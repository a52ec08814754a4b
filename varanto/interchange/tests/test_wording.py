"""The small readers of free wording, on phrasings beyond the two test pages."""

import pytest

from varanto.interchange.textpage.systems import parse_systems
from varanto.interchange.textpage.wording import (
    classify_api,
    classify_disclosure,
    classify_retention,
    parse_responsible,
    split_items,
)


@pytest.mark.parametrize(
    ("text", "items"),
    [
        (
            "Hakijat, työsopimukset, työsuhteet ja palkkatiedot",
            ["Hakijat", "työsopimukset", "työsuhteet", "palkkatiedot"],
        ),
        ("Kilpailutuksen ja hankinnan tietoaineistot", ["Kilpailutuksen ja hankinnan tietoaineistot"]),
        ("Vastaanotto- ja käsittelypaikat, päätökset", ["Vastaanotto- ja käsittelypaikat", "päätökset"]),
        ("Kaavat; Kokousliitteet;", ["Kaavat", "Kokousliitteet"]),
        ("Suojelun aineisto (Vesi, ilma ja melu), valvonta", ["Suojelun aineisto (Vesi, ilma ja melu)", "valvonta"]),
        ("Aineistot vuosilta 2021, 2022 ja 2023", ["Aineistot vuosilta 2021, 2022 ja 2023"]),
        (
            "johtoryhmien, työryhmien, projektien tiedonhallinta, lähiarkisto",
            ["johtoryhmien, työryhmien, projektien tiedonhallinta", "lähiarkisto"],
        ),
        ("", []),
    ],
)
def test_split_items(text, items):
    assert split_items(text) == items


@pytest.mark.parametrize(
    ("text", "level", "recipients"),
    [
        ("Ei", "none", []),
        ("Ei ulos, haltija noutaa tiedot", "internal", []),
        ("Vain sisäiseen käyttöön", "internal", []),
        ("Soveltuvin osin ja Meita", "partial", ["Meita"]),
        ("Osittain", "partial", []),
        ("Tiedot näkyvillä julkisessa verkossa", "public", []),
        ("Asianosaiset ja Meita", "restricted", ["Asianosaiset", "Meita"]),
        ("Poliisi; Kela; Verohallinto", "restricted", ["Poliisi", "Kela", "Verohallinto"]),
        ("Julkinen tieto kyllä ja salassa pidettävä ei", "partial", []),
        ("Katso erillinen ohje", None, []),
    ],
)
def test_classify_disclosure(text, level, recipients):
    got_level, got_recipients, why = classify_disclosure(text)
    assert (got_level, got_recipients) == (level, recipients)
    assert why


@pytest.mark.parametrize(
    ("text", "availability"),
    [
        ("Kyllä, WMS", "yes"),
        ("Ei", "no"),
        ("Osittain, Finnan kautta", "partial"),
        ("Asiakas voi hakea omat tietonsa", "partial"),
        ("?", None),
    ],
)
def test_classify_api(text, availability):
    assert classify_api(text)[0] == availability


def test_classify_retention():
    assert classify_retention("Pysyvästi, osa aineistosta hävitetään 6 vuoden kuluttua")["archiving"] == "mixed"
    assert classify_retention("5 vuotta")["period"] == "5 vuotta"
    assert classify_retention("katso arkistonmuodostussuunnitelma")["archiving"] is None


def test_parse_responsible():
    assert parse_responsible("Etelä-Karjalan Jätehuolto Oy") == {
        "title": "",
        "organization": "Etelä-Karjalan Jätehuolto Oy",
        "unit": "",
    }
    assert parse_responsible("rehtori (Virta-opisto)") == {
        "title": "rehtori",
        "organization": "",
        "unit": "Virta-opisto",
    }


def test_systems_fragments_without_a_product_take_the_next_products_usage():
    parsed = parse_systems("projektit, dokumentointi ja työnohjaus Buildie ja jätevesilaitos Insta Automation")
    assert parsed.systems == [
        {"name": "Buildie", "usage": "projektit, dokumentointi ja työnohjaus"},
        {"name": "Insta Automation", "usage": "jätevesilaitos"},
    ]


def test_systems_named_twice_are_one_with_both_usages():
    assert parse_systems("Teams (viestintä) ja Teams (kokoukset)").systems == [
        {"name": "Teams", "usage": "viestintä; kokoukset"}
    ]


def test_system_with_an_address_gives_a_link():
    parsed = parse_systems("avoindata.fi (https://www.avoindata.fi/data/fi/dataset/x)")
    assert parsed.systems == [{"name": "avoindata.fi", "usage": ""}]
    assert parsed.links == [{"url": "https://www.avoindata.fi/data/fi/dataset/x", "title": "avoindata.fi"}]
