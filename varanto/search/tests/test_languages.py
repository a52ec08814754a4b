"""Swedish and English queries: the vocabulary, Swedish compounds, and organisations' own Swedish and English texts."""

import pytest

from varanto.catalog.tests.factories import DataResourceFactory, OrganizationFactory
from varanto.publications.services import publication_create
from varanto.search.analysis import analyse_text, get_analyzer
from varanto.search.languages import Vocabulary, default_vocabulary
from varanto.search.selectors import search_resources
from varanto.search.services import search_index_ensure_current
from varanto.search.vocabulary import VocabularyError, default_concepts, read_vocabulary

HEADER = "concept,fi,sv,en,lay,source\n"


def concepts_of(query: str, vocabulary: Vocabulary | None = None) -> list[tuple[tuple[int, ...], str]]:
    words = analyse_text(query, get_analyzer())
    return [(t.positions, t.concept.key) for t in (vocabulary or default_vocabulary()).translate(words)]


def test_the_shipped_vocabulary_reads_and_names_every_concept_in_finnish_and_another_language():
    concepts = default_concepts()
    assert len(concepts) >= 150
    assert all(c.fi and (c.sv or c.en) and c.source for c in concepts)


def test_a_vocabulary_file_with_mistakes_is_refused_naming_each_line():
    text = HEADER + "a,rakennuslupa,bygglov,building permit,,x\n# comment\na,lupa,lov,permit,,x\nb,,lov,,,x\nc,x,y\n"
    with pytest.raises(VocabularyError) as error:
        read_vocabulary(text, source="mine.csv")
    message = str(error.value)
    assert "mine.csv, line 4: concept 'a' is already defined" in message
    assert "mine.csv, line 5: a concept needs an id, Finnish words" in message
    assert "mine.csv, line 6: expected 6 columns, found 3" in message
    with pytest.raises(VocabularyError, match="line 1: the header must be concept,fi,sv,en,lay,source"):
        read_vocabulary("term,fi\n", source="mine.csv")


def test_an_english_phrase_is_one_concept_and_the_longest_phrase_wins():
    assert concepts_of("building permit drawings") == [((0, 1), "building-permit"), ((2,), "drawings")]
    assert concepts_of("freedom of information request") == [((0, 2, 3), "information-request")]


def test_swedish_words_are_found_in_any_inflected_form():
    assert concepts_of("inköpsfakturorna") == [((0,), "purchase-invoice")]
    assert concepts_of("bygglovet") == concepts_of("bygglov") == [((0,), "building-permit")]


def test_a_swedish_compound_is_split_into_the_terms_it_is_made_of():
    vocabulary = Vocabulary(
        read_vocabulary(
            HEADER
            + "permit,rakennuslupa,bygglov,,,x\napplication,hakemus,ansökan,,,x\nlibrary,kirjasto,bibliotek,,,x\n",
            source="t",
        )
    )
    parts = vocabulary.split_compound("bygglovsansökan")
    assert [[c.key for c in part] for part in parts] == [["permit"], ["application"]]
    # Failing a whole split, a long enough head alone: a children's library is a library.
    assert [[c.key for c in part] for part in vocabulary.split_compound("barnbibliotek")] == [["library"]]
    assert vocabulary.split_compound("sommarlov") == ()


def test_a_known_finnish_word_is_not_read_as_swedish():
    """Stemmed as Swedish, "kartat" would be "kartor" (maps); as written, it is Finnish."""
    assert concepts_of("kartat") == []
    assert concepts_of("kartor") == [((0,), "maps")]


@pytest.mark.django_db
def test_a_swedish_or_english_query_finds_finnish_resources_and_says_what_it_searched_for(imatra_published):
    search_index_ensure_current(organization=imatra_published)
    swedish = search_resources(query="bygglovsritningar", organization=imatra_published)
    assert swedish.hits[0].document.name == "Rakennusvalvonta"
    assert swedish.searched_also == ["rakennuslupa"]
    english = search_resources(query="council meeting minutes", organization=imatra_published)
    assert english.hits[0].document.name == "Asian- ja päätöksenteon hallinta"
    assert english.searched_also == ["kaupunginvaltuusto", "pöytäkirja"]
    assert search_resources(query="rakennuslupa", organization=imatra_published).searched_also == []


@pytest.mark.django_db
def test_an_organisations_own_swedish_and_english_texts_are_searched_in_their_language():
    organization = OrganizationFactory(name="Kaksikielinen kunta")
    DataResourceFactory(
        organization=organization,
        name="Ympäristöterveys",
        purpose="Valvonta",
        translations={"sv": {"name": "Miljöhälsa", "purpose": "Tillsyn över simhallarnas hygien"}},
    )
    DataResourceFactory(
        organization=organization,
        name="Kirjasto",
        purpose="Lainaus",
        translations={"en": {"purpose": "Lending of board games"}},
    )
    publication_create(organization=organization)
    search_index_ensure_current(organization=organization)

    def names(query):
        return [hit.document.name for hit in search_resources(query=query, organization=organization).hits]

    assert names("simhallarna") == ["Ympäristöterveys"]  # in no vocabulary: only the organisation's text has it
    hit = search_resources(query="simhallarna", organization=organization).hits[0]
    assert "<mark>simhallarnas</mark>" in hit.snippet.html
    assert names("board game") == ["Kirjasto"]


@pytest.mark.django_db
def test_a_stored_translation_of_an_internal_field_is_never_searched():
    organization = OrganizationFactory(name="Kaksikielinen kunta")
    DataResourceFactory(
        organization=organization,
        name="Kirjasto",
        internal_notes="salasana",
        translations={"sv": {"name": "Bibliotek", "internal_notes": "hemligtlösenord"}},
    )
    publication_create(organization=organization)
    search_index_ensure_current(organization=organization)
    assert [h.document.name for h in search_resources(query="bibliotek", organization=organization).hits] == [
        "Kirjasto"
    ]
    assert search_resources(query="hemligtlösenord", organization=organization).hits == []
    assert search_resources(query="salasana", organization=organization).hits == []
