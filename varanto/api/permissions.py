"""Who may do what with integration tokens, built on `accounts.permissions`."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from rest_framework.permissions import SAFE_METHODS, BasePermission

from varanto.accounts.permissions import Action, access_record
from varanto.catalog.models import Organization

from .models import IntegrationToken


def access_integration_token(
    user,
    organization: Organization,
    pk: int,
    action: Action = Action.MANAGE_INTEGRATIONS,
) -> IntegrationToken:
    return access_record(
        user, action, IntegrationToken.objects.select_related("user"), organization=organization, pk=pk
    )


def token_users(acting_user, organization: Organization | None = None) -> QuerySet:
    """The users a token made by `acting_user` may act as (None: the command line, trusted).

    Only active users; a superuser or Django admin user only when a superuser makes the token, so
    that an administrator cannot give an integration rights they do not have themselves. A token
    confined to `organization` acts as one of its members. (Who may be a member is decided when
    they are added: `accounts.services.membership_set`.)
    """
    users = get_user_model().objects.filter(is_active=True)
    if acting_user is not None and not acting_user.is_superuser:
        users = users.filter(is_superuser=False, is_staff=False)
    if organization is not None:
        users = users.filter(memberships__organization=organization)
    return users


class TokenScope(BasePermission):
    """A read-only token may read the working model and change nothing (403 to every write)."""

    message = _("This integration token is read-only: it may not change anything.")

    def has_permission(self, request, view) -> bool:
        token = request.auth
        return request.method in SAFE_METHODS or not (isinstance(token, IntegrationToken) and token.read_only)
