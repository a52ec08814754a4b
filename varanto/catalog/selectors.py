"""Read queries on the working model."""

from django.db.models import Prefetch, QuerySet

from .models import DataResource, Organization, Section


def organizations_with_catalog() -> QuerySet[Organization]:
    """Organisations with their sections and each section's resources, in order, in three queries."""
    sections = Section.objects.order_by("position", "id").prefetch_related(
        Prefetch("resources", queryset=DataResource.objects.order_by("position", "id"))
    )
    return Organization.objects.prefetch_related(Prefetch("sections", queryset=sections))


def organization_find(wanted: str) -> Organization | None:
    """The organisation `wanted` names: its short name (slug) or its name, case-insensitively.

    Every command finds an organisation this way. An exact short name wins, then an exact name,
    so that a name which happens to equal another organisation's short name cannot shadow it.
    """
    wanted = wanted.strip()
    for lookup in ("slug", "name", "name__iexact", "slug__iexact"):
        found = list(Organization.objects.filter(**{lookup: wanted})[:2])
        if len(found) == 1:
            return found[0]
    return None
