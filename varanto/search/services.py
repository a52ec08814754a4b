"""Building the search index (hakuhakemisto) of publications, and organisations' thesaurus entries.

The publishing service indexes each publication when it commits (`search_index_publication`);
`varanto search_index` and `varanto search` call `search_index_ensure_current`, which builds
whatever is missing or was built by an older analyser. A page request never builds an index: it
searches what is there. Two builders of the same
organisation's index are serialised on the organisation row, and the loser of a race simply
uses the index the winner made.
"""

from __future__ import annotations

import logging
import time
from collections import Counter

from django.db import IntegrityError, transaction

from varanto.catalog.models import Organization
from varanto.publications.models import Publication

from .analysis import Analyzer, get_analyzer
from .documents import document_words, index_document, publication_documents
from .models import (
    EXPANSION_SEPARATOR,
    Referral,
    SearchDocument,
    SearchIndex,
    SearchPosting,
    SearchTerm,
    ThesaurusEntry,
)
from .referrals import COLUMNS as REFERRAL_COLUMNS
from .referrals import default_referrals
from .selectors import publications_to_index
from .snippets import snippet_text
from .sql import insert_rows
from .thesaurus import ThesaurusRule

logger = logging.getLogger(__name__)

BATCH_SIZE = 500


def search_index_publication(publication: Publication, *, analyzer: Analyzer | None = None) -> SearchIndex | None:
    """Index a publication for search (hakuhakemisto), replacing its organisation's older index.

    Returns the existing index when the publication is already indexed with the current
    analyser, and the newer one when the organisation's index is already of a later publication;
    None when the publication was withdrawn (perhaps before this ran, after its commit).
    """
    if _withdrawn(publication):
        return None
    analyzer = analyzer or get_analyzer()
    existing = _current_index(publication)
    if existing and _serves(existing, publication, analyzer):
        return existing
    started = time.perf_counter()
    # The analysis is the slow part; it needs no lock, so it happens before the transaction.
    documents = [index_document(source, analyzer) for source in publication_documents(publication.content)]
    try:
        with transaction.atomic():
            Organization.objects.select_for_update().filter(pk=publication.organization_id).first()
            if _withdrawn(publication):
                return None
            current = _current_index(publication)
            if current and _serves(current, publication, analyzer):
                return current  # made by another search while we analysed
            if current:
                current.delete()
            index = _write_index(publication, analyzer, documents)
    except IntegrityError:
        # Another process indexed the same organisation between our check and our write.
        logger.info("Search index of %s was built concurrently; using that one.", publication)
        return SearchIndex.objects.get(organization_id=publication.organization_id)
    logger.info(
        "Indexed %s for search: %d resources, %d terms in %.2f s (%s).",
        publication,
        len(documents),
        sum(len(d.postings) for d in documents),
        time.perf_counter() - started,
        analyzer.name,
    )
    return index


def search_index_ensure_current(*, organization: Organization | None = None) -> int:
    """Build the index of the latest publication of one organisation (or of every one) where missing.

    Returns how many were built.
    """
    analyzer = get_analyzer()
    built = 0
    for publication in publications_to_index(organization=organization, analyzer=analyzer).iterator(chunk_size=20):
        search_index_publication(publication, analyzer=analyzer)
        built += 1
    return built


def search_index_delete(*, organization: Organization | None = None) -> int:
    """Throw away the search indexes of one organisation (or all); searches rebuild them. Returns how many."""
    existing = SearchIndex.objects.all()
    if organization is not None:
        existing = existing.filter(organization=organization)
    count = existing.count()
    existing.delete()
    return count


def _current_index(publication: Publication) -> SearchIndex | None:
    return SearchIndex.objects.filter(organization_id=publication.organization_id).select_related("publication").first()


def _serves(index: SearchIndex, publication: Publication, analyzer: Analyzer) -> bool:
    """Whether the organisation's index answers for `publication`: made of it by this analyser, or of a later one
    that is not withdrawn."""
    if index.publication.number > publication.number and not index.publication.withdrawn:
        return True
    return index.publication_id == publication.pk and index.analyzer == analyzer.name


def _withdrawn(publication: Publication) -> bool:
    return Publication.objects.filter(pk=publication.pk, withdrawn_at__isnull=False).exists()


def _write_index(publication: Publication, analyzer: Analyzer, documents) -> SearchIndex:
    index = SearchIndex.objects.create(
        organization_id=publication.organization_id,
        publication=publication,
        analyzer=analyzer.name,
        document_count=len(documents),
    )
    rows = SearchDocument.objects.bulk_create(
        [
            SearchDocument(
                index=index,
                position=d.source.position,
                resource_key=d.source.resource_key,
                name=d.source.name,
                section_key=d.source.section_key,
                section_name=d.source.section_name,
                systems=d.source.systems,
                disclosure_level=d.source.disclosure_level,
                api_availability=d.source.api_availability,
                texts=[(f, label, snippet_text(text)) for f, label, text in d.source.texts],
            )
            for d in documents
        ],
        batch_size=BATCH_SIZE,
    )
    insert_rows(
        SearchPosting,
        ["index", "document", "position", "term", "weight", "field", "kind"],
        (
            (index.pk, document_id, d.source.position, term, p.weight, p.field, p.kind)
            for document_id, d in zip((row.pk for row in rows), documents, strict=False)
            for term, p in d.postings.items()
        ),
    )
    frequencies = Counter(term for d in documents for term in document_words(d))
    insert_rows(SearchTerm, ["index", "term", "document_count"], ((index.pk, t, n) for t, n in frequencies.items()))
    return index


@transaction.atomic
def thesaurus_entries_import(*, organization: Organization, rules: list[ThesaurusRule], replace: bool = False) -> int:
    """Add (or update) an organisation's own thesaurus entries; `replace` removes the ones not given first."""
    if replace:
        ThesaurusEntry.objects.filter(organization=organization).delete()
    for rule in rules:
        entry = ThesaurusEntry.objects.filter(organization=organization, term=rule.term).first() or ThesaurusEntry(
            organization=organization, term=rule.term
        )
        entry.expansions = EXPANSION_SEPARATOR.join(rule.expansions)
        entry.relation = rule.relation
        entry.full_clean()
        entry.save()
    return len(rules)


@transaction.atomic
def referrals_defaults_load(*, organization: Organization) -> int:
    """Copy the default referrals into the organisation's own table, to edit there; matters it has are kept.

    Returns how many were added.
    """
    existing = set(Referral.objects.filter(organization=organization).values_list("matter", flat=True))
    added = 0
    for rule in default_referrals():
        if rule.matter in existing:
            continue
        referral = Referral(organization=organization, matter=rule.matter)
        for name in REFERRAL_COLUMNS[1:]:
            setattr(referral, name, rule.get(name))
        referral.full_clean()
        referral.save()
        added += 1
    return added
