"""Ranking a person would agree with: where a word stands, how many words match, typos, lay words."""

import pytest

from varanto.catalog.tests.factories import DataResourceFactory, OrganizationFactory, SectionFactory
from varanto.publications.services import publication_create
from varanto.search.models import ThesaurusEntry
from varanto.search.selectors import search_resources
from varanto.search.services import search_index_ensure_current

pytestmark = pytest.mark.django_db

PLAIN = {"purpose": "", "key_datasets": [], "notes": "", "disclosure_text": "", "api_text": ""}


def catalog(*resources, thesaurus=()):
    """A published organisation holding the given resources (dicts of field values)."""
    organization = OrganizationFactory()
    section = SectionFactory(organization=organization, name="Palvelut")
    for fields in resources:
        DataResourceFactory(organization=organization, section=section, **{**PLAIN, **fields})
    for term, expansions in thesaurus:
        ThesaurusEntry.objects.create(organization=organization, term=term, expansions=expansions)
    publication_create(organization=organization)
    return organization


def search(organization, query):
    search_index_ensure_current(organization=organization)
    return search_resources(query=query, organization=organization)


def names(organization, query):
    return [hit.document.name for hit in search(organization, query).hits]


def test_a_match_in_the_name_beats_keywords_key_data_sets_description_and_notes():
    organization = catalog(
        {"name": "Ulkoilu", "notes": "Myös kalastusluvista kysytään usein."},
        {"name": "Luontopalvelut", "purpose": "Kalastuslupien myöntäminen"},
        {"name": "Vesialueet", "key_datasets": ["Kalastusluvat"]},
        {"name": "Kalaveden hoito", "keywords": ["kalastuslupa"]},
        {"name": "Kalastuslupa"},
    )
    assert names(organization, "kalastuslupa") == [
        "Kalastuslupa",
        "Kalaveden hoito",
        "Vesialueet",
        "Luontopalvelut",
        "Ulkoilu",
    ]


def test_several_matched_query_words_beat_one():
    organization = catalog(
        {"name": "Vesialueet", "key_datasets": ["Kalastusluvat"]},
        {"name": "Luontopalvelut", "purpose": "Kalastuslupien ja venepaikkojen myöntäminen"},
        {"name": "Satama", "purpose": "Venepaikkojen vuokraus"},
    )
    assert names(organization, "kalastuslupa venepaikka") == ["Luontopalvelut", "Vesialueet", "Satama"]


def test_a_whole_word_beats_the_same_word_inside_a_compound():
    organization = catalog(
        {"name": "Rakentaminen", "key_datasets": ["Rakennusluvat"]},
        {"name": "Luvat", "key_datasets": ["Myönnetyt luvat"]},
    )
    assert names(organization, "luvat")[0] == "Luvat"


def test_inflected_forms_and_compound_parts_find_the_resource():
    organization = catalog({"name": "Jätevedenpuhdistamo", "key_datasets": ["Käyttötarkkailu"]}, {"name": "Kirjasto"})
    for query in ("jätevedenpuhdistamon", "jätevedenpuhdistamoista", "jätevesi", "puhdistamoiden"):
        assert names(organization, query)[:1] == ["Jätevedenpuhdistamo"], query


def test_a_typo_is_forgiven_and_the_correction_shown():
    organization = catalog({"name": "Kalastuslupa"}, {"name": "Kirjasto"}, {"name": "Effica-potilastiedot"})
    for typo, meant in (("kalastusupa", "Kalastuslupa"), ("kirjsato", "Kirjasto"), ("efica", "Effica-potilastiedot")):
        results = search(organization, typo)
        assert [h.document.name for h in results.hits][:1] == [meant], typo
        assert results.corrections and results.corrections[0].surface == typo


def test_lay_words_of_the_shipped_thesaurus_find_official_terms():
    organization = catalog(
        {"name": "Pysäköinninvalvonta", "key_datasets": ["Pysäköintivirhemaksut"]},
        {"name": "Varhaiskasvatus", "purpose": "Varhaiskasvatuksen järjestäminen"},
        {"name": "Jätehuolto", "key_datasets": ["Jäteastiat"]},
    )
    assert names(organization, "sain parkkisakon")[:1] == ["Pysäköinninvalvonta"]
    assert names(organization, "päiväkoti")[:1] == ["Varhaiskasvatus"]
    assert names(organization, "roskis")[:1] == ["Jätehuolto"]


def test_an_organisations_own_thesaurus_words_count_for_it_alone():
    own = catalog({"name": "Kalastuslupa"}, thesaurus=[("kalakortti", "kalastuslupa")])
    other = catalog({"name": "Kalastuslupa"})
    assert names(own, "kalakortin") == ["Kalastuslupa"]
    assert names(other, "kalakortin") == []


def test_every_score_is_the_sum_of_its_explained_matches():
    organization = catalog(
        {"name": "Pysäköinninvalvonta", "key_datasets": ["Pysäköintivirhemaksut", "Siirtopäätökset"]},
        {"name": "Rakennusvalvonta", "purpose": "Rakentamisen valvonta"},
    )
    for query in ("pysäköintivirhemaksu", "valvonta siirtopäätös", "parkkisakko ja rakennuslupa"):
        for hit in search(organization, query).hits:
            points = sum(c.points for c in hit.contributions)
            assert hit.score == round(points * hit.ranked.covered / hit.word_count, 2), (query, hit.document.name)
            assert all(c.term and c.field and c.kind for c in hit.contributions)


def test_question_words_do_not_get_in_the_way():
    organization = catalog({"name": "Kirjasto", "purpose": "Lainaus ja palautus"}, {"name": "Museo"})
    assert names(organization, "Missä on kirjasto?") == ["Kirjasto"]
    assert names(organization, "missä ja milloin") == []


def test_the_head_of_a_query_compound_never_matches_another_compounds_modifier():
    organization = catalog(
        {"name": "Pysäköinninvalvonta", "key_datasets": ["Valokuvat autoista"]},
        {"name": "Katujen ylläpito", "key_datasets": ["Katuvalaistus", "Ulkovalot"]},
    )
    # katuvalo is a light (valo), a photograph (valokuva) is not.
    assert names(organization, "katuvalo") == ["Katujen ylläpito"]
    assert names(organization, "valokuva")[:1] == ["Pysäköinninvalvonta"]
    # A word of its own finds every compound holding it, in any role.
    assert set(names(organization, "valo")) == {"Pysäköinninvalvonta", "Katujen ylläpito"}


def test_a_query_found_only_as_parts_of_other_words_gives_no_results():
    organization = catalog(
        {"name": "Varhaiskasvatus", "purpose": "Päivähoidon järjestäminen"},
        {"name": "Kirjasto", "key_datasets": ["Paikkatiedot", "Tiedot asiakkaista"]},
    )
    # kotihoito and päivähoito are both care, but of different people: a sibling is no answer.
    assert names(organization, "vanhusten kotihoito") == []
    # The generic head "tieto", held by most documents, anchors nothing either.
    assert names(organization, "potilastiedot") == []
    # The word itself is found inside a compound.
    assert names(organization, "hoito") == ["Varhaiskasvatus"]


def test_documents_matching_only_on_weak_parts_are_left_out_when_others_hold_the_words():
    organization = catalog(
        {"name": "Talous", "key_datasets": ["Talousarviot", "Maksuliikenne"]},
        {"name": "Liikenne", "purpose": "Katujen liikenne"},
        {"name": "Ostolaskut", "purpose": "Kaupungin ostot"},
        {"name": "Kirjasto"},
        {"name": "Museo"},
    )
    # "Liikenne" holds the head of rahaliikenne as a word of its own: a more general name of the thing.
    assert names(organization, "rahaliikenne") == ["Liikenne"]


def test_the_head_of_a_query_compound_finds_the_same_word_standing_alone():
    organization = catalog(
        {"name": "Maankäyttö", "key_datasets": ["Kartat", "Maan myynti"]},
        {"name": "Rakennusvalvonta", "key_datasets": ["Rakennushanketiedot"]},
        {"name": "Kirjasto"},
    )
    assert names(organization, "kiinteistökartta")[:1] == ["Maankäyttö"]


def test_derived_words_find_each_other_weaker_than_the_word_itself():
    organization = catalog(
        {"name": "Maankäyttö", "key_datasets": ["Maan myynti, ostaminen ja vuokraus"]},
        {"name": "Avustukset", "purpose": "Kaupunki avustaa yhdistyksiä"},
        {"name": "Vuokra", "purpose": "Vuokrat"},
    )
    # vuokraus is vuokrata + -us, vuokrata is vuokra + -ta (Voikko's WORDBASES).
    assert names(organization, "vuokra") == ["Vuokra", "Maankäyttö"]
    assert names(organization, "vuokraus") == ["Maankäyttö", "Vuokra"]
    assert names(organization, "vuokrata")[:1] == ["Maankäyttö"]
    assert names(organization, "avustaminen") == ["Avustukset"]
    # The first part of a compound carries its derivation too.
    assert "Maankäyttö" in names(organization, "vuokra-asunto")
