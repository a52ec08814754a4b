"""Work per search is bounded whatever a field holds (a 2.4 MB purpose once made each matching search take 4.5 s)."""

import pytest

from varanto.publications.services import publication_create
from varanto.search.analysis import get_analyzer
from varanto.search.models import SearchDocument
from varanto.search.selectors import search_resources
from varanto.search.services import search_index_ensure_current
from varanto.search.snippets import SNIPPET_SCAN_CHARS

pytestmark = pytest.mark.django_db

SENTENCE = "Rakennusvalvonnan lupahakemukset ja niiden liitteet tallennetaan sähköiseen arkistoon. "
BIG = SENTENCE * (2_400_000 // len(SENTENCE)) + "Lopuksi mainitaan majakkavahti."


class CountingAnalyzer:
    """The real analyser, counting the characters it is given."""

    def __init__(self, analyzer):
        self.analyzer = analyzer
        self.name = analyzer.name
        self.characters = 0

    def analyse(self, word):
        self.characters += len(word)
        return self.analyzer.analyse(word)

    def suggest(self, word):
        return self.analyzer.suggest(word)

    def __hash__(self):
        return hash(self.analyzer)


@pytest.fixture
def big_purpose(imatra):
    resource = imatra.resources.get(name="Kirjasto")
    resource.purpose = BIG
    resource.save()
    publication_create(organization=imatra)
    search_index_ensure_current(organization=imatra)
    return imatra


def test_a_snippet_of_a_huge_field_analyses_a_bounded_part_of_it(big_purpose):
    hits = search_resources(query="lupahakemus", organization=big_purpose).hits
    hit = next(hit for hit in hits if hit.document.name == "Kirjasto")
    hit.analyzer = counting = CountingAnalyzer(get_analyzer())
    snippet = hit.snippet
    assert snippet is not None and "<mark>lupahakemukset</mark>" in snippet.html
    assert len(snippet.text) < 400
    assert hit.name_segments
    assert 0 < counting.characters <= 2 * SNIPPET_SCAN_CHARS


def test_the_index_keeps_a_bounded_text_but_finds_words_anywhere_in_it(big_purpose):
    document = SearchDocument.objects.get(name="Kirjasto")
    assert max(len(text) for _field, _label, text in document.texts) <= SNIPPET_SCAN_CHARS
    hits = search_resources(query="majakkavahti", organization=big_purpose).hits
    assert [hit.document.name for hit in hits] == ["Kirjasto"]
    assert hits[0].snippet is not None
