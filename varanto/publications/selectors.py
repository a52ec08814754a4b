"""Reading publications: the public side reads only these."""

from varanto.catalog.models import Organization

from .models import Publication


def latest_publication(organization: Organization) -> Publication | None:
    return Publication.objects.filter(organization=organization).order_by("-number").first()
