"""Content in the reader's language, with Finnish marked as such where a translation is missing."""

import pytest
from django.utils import translation

from varanto.catalog.models import DataResource
from varanto.public.translation import content_html, content_text
from varanto.publications.services import publication_create

RECORD = {
    "name": "Vesihuolto",
    "purpose": "Veden jakelu\n\nJäteveden puhdistus",
    "translations": {"sv": {"name": "Vattentjänster"}},
}


def test_finnish_is_the_field_itself():
    assert content_text(RECORD, "name", "fi") == ("Vesihuolto", False)


def test_a_translation_is_used_when_there_is_one():
    assert content_text(RECORD, "name", "sv") == ("Vattentjänster", False)
    assert content_html(RECORD, "name", "sv") == "Vattentjänster"


def test_a_missing_translation_falls_back_to_finnish_marked_with_its_language():
    assert content_text(RECORD, "name", "en") == ("Vesihuolto", True)
    with translation.override("en"):
        html = content_html(RECORD, "purpose", "en", multiline=True)
    assert html.startswith('<div lang="fi"><p>Veden jakelu</p>')
    assert html.endswith('<span class="fallback-note">(in Finnish)</span>')
    assert content_html(RECORD, "name", "en", note=False) == '<span lang="fi">Vesihuolto</span>'


def test_content_is_escaped():
    assert content_html({"name": "<script>x</script>"}, "name", "fi") == "&lt;script&gt;x&lt;/script&gt;"


@pytest.mark.django_db
def test_pages_show_translations_and_mark_finnish_fallbacks(client, imatra):
    DataResource.objects.filter(organization=imatra, key="vesihuolto").update(
        translations={"sv": {"name": "Vattentjänster", "purpose": "Ordnande av vattentjänster"}}
    )
    publication_create(organization=imatra)

    swedish = client.get("/sv/imatran-kaupunki/tietovaranto/vesihuolto/").content.decode()
    english = client.get("/en/imatran-kaupunki/tietovaranto/vesihuolto/").content.decode()

    assert "<h1>Vattentjänster</h1>" in swedish and "Ordnande av vattentjänster" in swedish
    assert '<h1><span lang="fi">Vesihuolto</span> <span class="fallback-note">(in Finnish)</span></h1>' in english
    assert "<title>Vattentjänster – " in swedish
