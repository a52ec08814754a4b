"""Reading publications (julkaisut): the public side reads only these."""

import datetime

from django.db.models import Max, QuerySet

from varanto.catalog.models import DataResource, Organization, ReviewStatus

from .diff import CatalogDiff, catalog_diff
from .models import Publication


def latest_publication(organization: Organization) -> Publication | None:
    """The organisation's newest publication not withdrawn (the one the public sees), or None."""
    return Publication.objects.served().filter(organization=organization).order_by("-number").first()


def latest_publication_id(*, organization_slug: str) -> int | None:
    """The id of the newest publication, not withdrawn, of the organisation with this short name: one small query."""
    return (
        Publication.objects.served()
        .filter(organization__slug=organization_slug)
        .order_by("-number")
        .values_list("id", flat=True)
        .first()
    )


def publication_get(*, publication_id: int) -> Publication:
    return Publication.objects.select_related("organization").get(pk=publication_id)


def publication_by_number(*, organization: Organization, number: int) -> Publication | None:
    """The publication with this number, withdrawn or not (callers show a withdrawn one only as such)."""
    return Publication.objects.filter(organization=organization, number=number).first()


def publication_list(*, organization: Organization) -> QuerySet[Publication]:
    """The organisation's publications, withdrawn ones too, newest first, without their (large) content."""
    return Publication.objects.filter(organization=organization).latest_first().defer("content")


def published_organizations() -> QuerySet[Organization]:
    """Organisations with at least one publication not withdrawn, by name."""
    return Organization.objects.filter(pk__in=Publication.objects.served().values("organization_id")).order_by("name")


def publications_overview() -> list[tuple[str, int, datetime.datetime]]:
    """(organisation slug, latest number, latest time) of the publications served, per organisation."""
    return list(
        Publication.objects.served()
        .values_list("organization__slug")
        .annotate(number=Max("number"), at=Max("published_at"))
        .order_by("organization__slug")
    )


def publication_previous(publication: Publication) -> Publication | None:
    """The publication made just before this one and not withdrawn, if any (a diff never shows a withdrawn one)."""
    return (
        Publication.objects.served()
        .filter(organization_id=publication.organization_id, number__lt=publication.number)
        .order_by("-number")
        .first()
    )


def publication_changes(publication: Publication) -> CatalogDiff | None:
    """What changed from the previous publication to this one; None for the first publication."""
    previous = publication_previous(publication)
    if previous is None:
        return None
    return catalog_diff(previous.content, publication.content)


def publications_with_changes(
    *, organization: Organization, limit: int
) -> list[tuple[Publication, CatalogDiff | None]]:
    """The `limit` newest served publications, newest first, each with what changed since the served one
    before it (None for the first); one query for `limit` + 1 publications, whatever their number."""
    served = list(Publication.objects.served().filter(organization=organization).latest_first()[: limit + 1])
    return [
        (publication, catalog_diff(served[i + 1].content, publication.content) if i + 1 < len(served) else None)
        for i, publication in enumerate(served[:limit])
    ]


def publication_catalog(publication: Publication) -> dict:
    """The publication as a catalogue document: its content with the `publication` header the
    JSON Schema defines (number, time, note), for downloads and APIs."""
    return {
        "format": publication.content["format"],
        "publication": {
            "number": publication.number,
            "published_at": publication.published_at.isoformat(),
            "note": publication.note,
        },
        **{key: value for key, value in publication.content.items() if key != "format"},
    }


def resources_awaiting_approval(organization: Organization) -> QuerySet[DataResource]:
    """Data resources whose changes a publisher has not approved: ready for review, or returned to the editor."""
    return DataResource.objects.filter(
        organization=organization, review_status__in=[ReviewStatus.READY_FOR_REVIEW, ReviewStatus.RETURNED]
    )
