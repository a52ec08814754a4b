"""Finnish word analysis: base forms, compound parts, shortened compounds, stop words, the fallback."""

import logging

import pytest

from varanto.search import analysis
from varanto.search.analysis import analyse_text, word_terms
from varanto.search.analysis.snowball import SnowballAnalyzer
from varanto.search.analysis.text import COMPOUND, PART, ROOT, WHOLE

voikko = pytest.importorskip("varanto.search.analysis.voikko")


@pytest.fixture(scope="module")
def analyzer():
    try:
        return voikko.VoikkoAnalyzer()
    except Exception as exc:  # the Debian packages are missing on this machine
        pytest.skip(f"Voikko not available: {exc}")


def terms(text, analyzer):
    found = {}
    for word in analyse_text(text, analyzer):
        found.update(word_terms(word))
    return found


def test_inflected_compound_gives_its_base_form_and_every_part_with_its_role(analyzer):
    found = terms("pysäköintivirhemaksun", analyzer)
    assert found["pysäköintivirhemaksu"] == WHOLE
    # Modifiers end in a hyphen, the head starts with one.
    assert {found["pysäköinti-"], found["virhe-"], found["-maksu"]} == {PART}
    assert "maksu" not in found and "maksu-" not in found
    assert found["virhemaksu"] == COMPOUND


def test_genitive_first_part_of_a_compound_is_given_in_its_base_form(analyzer):
    found = terms("jätevedenpuhdistamo", analyzer)
    assert found["jätevedenpuhdistamo"] == WHOLE
    assert found["vesi-"] == PART  # "veden" stands alone as vesi
    assert found["jätevesi"] == COMPOUND


def test_the_same_word_as_head_and_as_modifier_gives_different_terms(analyzer):
    assert "-valo" in terms("katuvalot", analyzer)
    assert "valo-" in terms("valokuvat", analyzer)
    assert "-valo" not in terms("valokuvat", analyzer)


def test_readings_that_cut_a_compound_alike_pool_their_parts(analyzer):
    # Voikko reads "kiinteistökartta" also as a partitive of "kiinteistökarsi".
    assert "-kartta" in terms("kiinteistökartta", analyzer)


def test_a_derived_word_leads_to_the_words_it_comes_from(analyzer):
    found = terms("vuokraus", analyzer)
    assert found["vuokrata"] == ROOT  # vuokraus is vuokrata + -us
    assert found["vuokra"] == ROOT  # and vuokrata is vuokra + -ta
    assert terms("avustukset", analyzer)["avustaa"] == ROOT
    # A stem that is no noun of its own adds nothing: "+avust(avustaa)", "+hoi(hoitaa)".
    assert "avust" not in terms("avustus", analyzer)


def test_a_compound_takes_its_roots_from_its_parts_not_from_the_whole_word(analyzer):
    kotihoito = analyzer.analyse("kotihoito")
    assert not kotihoito.roots
    assert "hoitaa" in kotihoito.part_roots[-1]
    assert terms("kotihoito", analyzer)["hoitaa"] == ROOT


def test_changing_stems_reach_the_same_base_form(analyzer):
    for inflected in ("luvat", "luvan", "lupia", "lupaa"):
        assert "lupa" in terms(inflected, analyzer), inflected


def test_shortened_compound_borrows_the_end_of_the_next_one(analyzer):
    found = terms("esi- ja perusopetuksessa", analyzer)
    assert found["esiopetus"] == WHOLE
    assert found["perusopetus"] == WHOLE
    assert terms("Henkilöstö- ja palkkahallinto", analyzer)["henkilöstöhallinto"] == WHOLE


def test_stop_words_and_filler_verbs_are_left_out(analyzer):
    words = [w.surface for w in analyse_text("Mistä saan tietoa ja sain pysäköintivirhemaksun", analyzer)]
    assert words == ["tietoa", "pysäköintivirhemaksun"]


def test_unknown_names_are_kept_as_written_and_split_at_hyphens(analyzer):
    found = terms("M-Files ja ParkkiV", analyzer)
    assert "m-files" in found
    assert "parkkiv" in found
    assert found.get("files") == PART  # the pieces of a name are words of their own, in base form
    assert terms("Heili-kirjastot", analyzer).get("kirjasto") == PART


def test_snowball_fallback_strips_inflection_without_a_dictionary():
    fallback = SnowballAnalyzer()
    assert terms("kirjaston", fallback).keys() == terms("kirjasto", fallback).keys()
    assert not fallback.analyse("kirjasto").known


def test_missing_voikko_falls_back_to_snowball_and_says_so_once(monkeypatch, caplog, settings):
    def broken(self):
        raise OSError("libvoikko.so.1: cannot open shared object file")

    monkeypatch.setattr(voikko.VoikkoAnalyzer, "__init__", broken)
    analysis._analyzer.cache_clear()
    settings.SEARCH_ANALYZER = "auto"
    try:
        with caplog.at_level(logging.WARNING, logger="varanto.search.analysis"):
            first = analysis.get_analyzer()
            second = analysis.get_analyzer()
    finally:
        analysis._analyzer.cache_clear()
    assert isinstance(first, SnowballAnalyzer) and second is first
    warnings = [r for r in caplog.records if "Snowball" in r.getMessage()]
    assert len(warnings) == 1
    assert "libvoikko" in warnings[0].getMessage()
