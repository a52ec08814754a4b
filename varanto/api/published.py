"""Reading the latest publications for the public API (reads only).

The latest publication comes from the public site's memory (`public.cache.current_publication`):
read once into a `PublishedCatalog`, asked again of the database at most every
PUBLIC_PUBLICATION_CHECK_SECONDS, forgotten at once when this process publishes.
"""

from __future__ import annotations

from django.db.models import Exists, F, OuterRef, QuerySet
from django.db.models.fields.json import KT

from varanto.public.cache import CurrentPublication, current_publication
from varanto.publications.models import Publication

# The API reads the latest publication from the same memory as the public pages.
Published = CurrentPublication


def latest_published(org_slug: str) -> Published | None:
    """The organisation's latest publication, or None if it has never published (or does not exist)."""
    return current_publication(org_slug)


def latest_publications() -> QuerySet:
    """Each organisation's latest publication as a row of what the organisation list shows, by slug."""
    served = Publication.objects.served()
    newer = served.filter(organization=OuterRef("organization"), number__gt=OuterRef("number"))
    return (
        served.filter(~Exists(newer))
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
    """An organisation's publications not withdrawn, newest first, without their content."""
    return Publication.objects.served().filter(organization__slug=org_slug).order_by("-number").defer("content")


def publication_numbered(org_slug: str, number: int) -> Publication | None:
    """The publication with this number, unless it was withdrawn."""
    return Publication.objects.served().filter(organization__slug=org_slug, number=number).first()


def publication_withdrawn_numbered(org_slug: str, number: int) -> Publication | None:
    """The withdrawn publication with this number, without its content: its address answers 410, saying when and why."""
    found = Publication.objects.filter(organization__slug=org_slug, number=number, withdrawn_at__isnull=False)
    return found.defer("content").first()
