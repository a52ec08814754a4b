"""The thesaurus: the shipped data, its file format and what an entry does to a query."""

import pytest

from varanto.search.analysis import get_analyzer
from varanto.search.models import ThesaurusRelation
from varanto.search.thesaurus import (
    Thesaurus,
    ThesaurusError,
    ThesaurusRule,
    default_rules,
    read_thesaurus,
    write_thesaurus,
)


def test_shipped_thesaurus_reads_cleanly_and_every_entry_leads_somewhere():
    rules = default_rules()
    assert len(rules) > 200
    thesaurus = Thesaurus(rules, get_analyzer())
    for rule in rules:
        if " " not in rule.term:
            found = thesaurus.expand(get_analyzer().analyse(rule.term).lemmas)
            assert found, f"{rule.term!r} expands to nothing"


def test_lay_words_map_one_way_and_synonyms_both_ways():
    analyzer = get_analyzer()
    thesaurus = Thesaurus(
        [
            ThesaurusRule("parkkisakko", ("pysäköintivirhemaksu",)),
            ThesaurusRule("päiväkoti", ("varhaiskasvatus",), ThesaurusRelation.SYNONYM),
        ],
        analyzer,
    )
    assert "pysäköintivirhemaksu" in thesaurus.expand({"parkkisakko"})
    assert "parkkisakko" not in thesaurus.expand({"pysäköintivirhemaksu"})
    assert "varhaiskasvatus" in thesaurus.expand({"päiväkoti"})
    assert "päiväkoti" in thesaurus.expand({"varhaiskasvatus"})


def test_a_phrase_expands_only_when_its_words_come_together():
    from varanto.search.analysis import analyse_text

    analyzer = get_analyzer()
    thesaurus = Thesaurus([ThesaurusRule("talon piirustukset", ("lupapiirustus",))], analyzer)
    assert thesaurus.expand_phrases(analyse_text("vanhan talon piirustuksia", analyzer)) == {2: {"lupapiirustus"}}
    assert thesaurus.expand_phrases(analyse_text("piirustukset talon", analyzer)) == {}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("word,expansions,relation\nparkki,pysäköinti,lay\n", "line 1: the header must be term,expansions,relation"),
        ("term,expansions,relation\n# a comment\nparkki,pysäköinti\n", "line 3: expected 3 columns, found 2"),
        ("term,expansions,relation\nparkki,pysäköinti,both\n", "line 2: relation 'both' is not one of lay, synonym"),
        ("term,expansions,relation\nparkki,,lay\n", "line 2: both the term and at least one expansion are needed"),
    ],
)
def test_a_bad_thesaurus_file_is_reported_with_its_line(text, message):
    with pytest.raises(ThesaurusError) as error:
        read_thesaurus(text, source="oma.csv")
    assert f"oma.csv, {message}" in str(error.value)


def test_writing_and_reading_a_thesaurus_gives_the_same_rules():
    rules = [ThesaurusRule("roskis", ("jätehuolto", "jäteastia")), ThesaurusRule("auto", ("ajoneuvo",), "synonym")]
    assert read_thesaurus(write_thesaurus(rules), source="x") == rules
