"""Read queries on the working model."""

from django.db.models import Prefetch, QuerySet

from .models import DataResource, Organization, Section


def organizations_with_catalog() -> QuerySet[Organization]:
    """Organisations with their sections and each section's resources, in order, in three queries."""
    sections = Section.objects.order_by("position", "id").prefetch_related(
        Prefetch("resources", queryset=DataResource.objects.order_by("position", "id"))
    )
    return Organization.objects.prefetch_related(Prefetch("sections", queryset=sections))
