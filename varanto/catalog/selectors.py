"""Read queries on the working model."""

from collections import defaultdict
from datetime import datetime

from django.db import models

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


def responsible_person_names(organization: Organization, model: type[models.Model]) -> dict[str, list[str]]:
    """The names of the active officials assigned each record of `model` (data resources or systems), by its key.

    One query for the whole kind; an official with no name given is left out rather than shown by username.
    """
    person = "editor_memberships__user__"
    rows = (
        model._default_manager.filter(organization=organization, **{f"{person}is_active": True})
        .values_list("key", f"{person}first_name", f"{person}last_name")
        .order_by(f"{person}last_name", f"{person}first_name", f"{person}pk")
    )
    names: dict[str, list[str]] = defaultdict(list)
    for key, first_name, last_name in rows:
        name = f"{first_name} {last_name}".strip()
        if name and name not in names[key]:
            names[key].append(name)
    return dict(names)
