"""Read queries on the working model."""

from datetime import datetime

from .models import Organization, OrganizationLogo


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


def organization_name_taken(name: str) -> bool:
    """Whether a new organisation may not take this name: another has it (in any case) or finds by it."""
    return organization_find(name) is not None or Organization.objects.filter(name__iexact=name.strip()).exists()


def organization_logo_get(organization_slug: str) -> OrganizationLogo | None:
    """The organisation's logo (tunnus) with its bytes, or None."""
    return OrganizationLogo.objects.filter(organization__slug=organization_slug).first()


def organization_logo_type(organization_slug: str, published_at: datetime) -> str | None:
    """The media type of the logo the pages of a publication made at `published_at` show (one first uploaded
    before), or None."""
    return (
        OrganizationLogo.objects.filter(organization__slug=organization_slug, created_at__lte=published_at)
        .values_list("content_type", flat=True)
        .first()
    )
