"""Integration tokens for the working-model API tests: one per role, acting as a user of that role in Imatra."""

import pytest
from django.contrib.auth import get_user_model

from varanto.accounts.models import Membership, Role
from varanto.api.services import integration_token_create
from varanto.catalog.models import DataResource, InformationSystem


@pytest.fixture
def token_for(imatra):
    """make(role, resources=keys, systems=keys, organization=org) -> the secret of a new token.

    role None: a user with no role. With `organization` the token is confined to it, and its user
    has `role` there as well as in Imatra.
    """

    def make(role: Role | None, *, resources=(), systems=(), organization=None) -> str:
        users = get_user_model().objects
        base = f"integraatio-{role or 'ei-roolia'}"
        username = base if not users.filter(username=base).exists() else f"{base}-{users.count()}"
        user = users.create_user(username)
        if role is not None:
            membership = Membership.objects.create(user=user, organization=imatra, role=role)
            membership.resources.set(DataResource.objects.filter(key__in=resources))
            membership.systems.set(InformationSystem.objects.filter(key__in=systems))
            if organization is not None and organization != imatra:
                Membership.objects.create(user=user, organization=organization, role=role)
        return integration_token_create(
            name=f"{username} integration", user=user, organization=organization, acting_user=None
        )[1]

    return make
