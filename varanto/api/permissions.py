"""Who may do what with integration tokens, built on `accounts.permissions`."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import QuerySet

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


def token_users(acting_user) -> QuerySet:
    """The users a token made by `acting_user` may act as (None: the command line, trusted).

    Only active users; a superuser or Django admin user only when a superuser makes the token, so
    that an administrator cannot give an integration rights they do not have themselves.
    """
    users = get_user_model().objects.filter(is_active=True)
    if acting_user is not None and not acting_user.is_superuser:
        users = users.filter(is_superuser=False, is_staff=False)
    return users
