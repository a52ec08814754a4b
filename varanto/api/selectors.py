"""Reads of the API app: an organisation's integration tokens."""

from django.db.models import F, QuerySet

from varanto.catalog.models import Organization

from .models import IntegrationToken


def organization_tokens(organization: Organization) -> QuerySet[IntegrationToken]:
    """The organisation's tokens, active first, then the revoked ones (who had access, and until when)."""
    return (
        IntegrationToken.objects.filter(organization=organization)
        .select_related("user", "created_by")
        .order_by(F("revoked_at").desc(nulls_first=True), "name", "created_at")
    )
