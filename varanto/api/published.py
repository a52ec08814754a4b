"""Reading the latest publications for the public API (reads only).

A publication never changes once made, so its content, read into a `PublishedCatalog`, is kept
in memory by its identity; asking whether an organisation has published again is one small
query per request.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from django.db.models import Exists, F, OuterRef, QuerySet
from django.db.models.fields.json import KT

from varanto.publications.catalog import PublishedCatalog
from varanto.publications.models import Publication


@dataclass(frozen=True)
class Published:
    """An organisation's latest publication with its content indexed for look-ups."""

    publication: Publication
    catalog: PublishedCatalog

    @property
    def slug(self) -> str:
        return self.publication.organization.slug


def latest_published(org_slug: str) -> Published | None:
    """The organisation's latest publication, or None if it has never published (or does not exist)."""
    row = (
        Publication.objects.filter(organization__slug=org_slug)
        .order_by("-number")
        .values_list("id", "content_hash", "published_at")
        .first()
    )
    return _published(*row) if row else None


@functools.lru_cache(maxsize=64)
def _published(publication_id: int, content_hash: str, published_at) -> Published:
    # Keyed by what identifies a publication's content for good: id, hash and time together.
    publication = Publication.objects.select_related("organization").get(pk=publication_id)
    return Published(publication, PublishedCatalog(publication.content))


def latest_publications() -> QuerySet:
    """Each organisation's latest publication as a row of what the organisation list shows, by slug."""
    newer = Publication.objects.filter(organization=OuterRef("organization"), number__gt=OuterRef("number"))
    return (
        Publication.objects.filter(~Exists(newer))
        .order_by("organization__slug")
        .values(
            "number",
            "published_at",
            "note",
            "content_hash",
            slug=F("organization__slug"),
            name=KT("content__organization__name"),
            updated=KT("content__organization__updated"),
        )
    )


def publications_of(org_slug: str) -> QuerySet[Publication]:
    """An organisation's publications, newest first, without their content."""
    return Publication.objects.filter(organization__slug=org_slug).order_by("-number").defer("content")


def publication_numbered(org_slug: str, number: int) -> Publication | None:
    return Publication.objects.filter(organization__slug=org_slug, number=number).first()
