"""Building the search index: from publications only, once per publication, replaced when a newer one comes."""

import pytest

from varanto.catalog.tests.factories import DataResourceFactory, OrganizationFactory
from varanto.publications.services import publication_create
from varanto.search.models import SearchDocument, SearchIndex, SearchPosting
from varanto.search.selectors import search_resources
from varanto.search.services import (
    search_index_delete,
    search_index_ensure_current,
    search_index_publication,
)

pytestmark = pytest.mark.django_db


def names(query, organization):
    search_index_ensure_current(organization=organization)
    return [hit.document.name for hit in search_resources(query=query, organization=organization).hits]


def test_index_is_built_on_first_search_and_reused_after(imatra_published):
    assert not SearchIndex.objects.exists()
    assert search_index_ensure_current(organization=imatra_published) == 1
    index = SearchIndex.objects.get()
    assert search_index_ensure_current(organization=imatra_published) == 0
    assert SearchIndex.objects.get().pk == index.pk
    assert index.document_count == 31 == SearchDocument.objects.filter(index=index).count()


def test_indexing_a_publication_twice_keeps_one_index(imatra_published):
    publication = imatra_published.publications.get()
    assert search_index_publication(publication).pk == search_index_publication(publication).pk
    assert SearchIndex.objects.count() == 1


def test_a_new_publication_replaces_the_organisations_index(imatra_published):
    search_index_ensure_current(organization=imatra_published)
    old = SearchIndex.objects.get()
    resource = imatra_published.resources.get(name="Kirjasto")
    resource.name = "Kaupunginkirjasto"
    resource.save()
    newer = publication_create(organization=imatra_published)
    index = search_index_publication(newer)
    assert index.publication == newer
    assert not SearchIndex.objects.filter(pk=old.pk).exists()
    assert not SearchPosting.objects.filter(index_id=old.pk).exists()
    assert names("kaupunginkirjasto", imatra_published)[0] == "Kaupunginkirjasto"


def test_an_older_publication_never_replaces_a_newer_index(imatra_published):
    first = imatra_published.publications.get()
    second = publication_create(organization=imatra_published)
    assert search_index_publication(second).publication == second
    assert search_index_publication(first).publication == second


def test_search_reads_the_publication_not_unpublished_edits(imatra_published):
    resource = imatra_published.resources.get(name="Museo")
    resource.purpose = "Kokoelmien ja dinosaurusfossiilien hallinta"
    resource.save()
    assert names("dinosaurusfossiili", imatra_published) == []
    publication_create(organization=imatra_published)
    assert names("dinosaurusfossiili", imatra_published) == ["Museo"]


def test_internal_fields_are_never_indexed_nor_found():
    organization = OrganizationFactory()
    DataResourceFactory(
        organization=organization,
        name="Kulunvalvonta",
        security_measures="Palomuurisäännöt ja varmuuskopiokierrätys",
        internal_notes="Salasanaholvin sijainti",
        review_comment="Tarkistettava vuosikatsauksessa",
    )
    publication_create(organization=organization)
    for secret in ("palomuurisääntö", "varmuuskopiokierrätys", "salasanaholvi", "vuosikatsaus"):
        assert names(secret, organization) == [], secret
    stored = " ".join(str(t) for d in SearchDocument.objects.all() for t in d.texts)
    assert "Palomuuri" not in stored and "Salasanaholvi" not in stored
    assert not SearchPosting.objects.filter(term__in=["palomuurisääntö", "salasanaholvi"]).exists()


def test_an_organisation_without_a_publication_has_no_index():
    organization = OrganizationFactory()
    DataResourceFactory(organization=organization, name="Kirjasto")
    assert search_index_ensure_current(organization=organization) == 0
    assert not SearchIndex.objects.exists()


def test_an_index_made_by_another_analyser_is_rebuilt(imatra_published, settings):
    search_index_ensure_current(organization=imatra_published)
    voikko_index = SearchIndex.objects.get()
    settings.SEARCH_ANALYZER = "snowball"
    search_index_ensure_current(organization=imatra_published)
    rebuilt = SearchIndex.objects.get()
    assert rebuilt.pk != voikko_index.pk and rebuilt.analyzer == "snowball/3"
    assert names("kirjaston", imatra_published)[0] == "Kirjasto"


def test_deleted_indexes_are_rebuilt_by_the_next_search(imatra_published):
    search_index_ensure_current(organization=imatra_published)
    assert search_index_delete() == 1
    assert names("kirjasto", imatra_published)[0] == "Kirjasto"
