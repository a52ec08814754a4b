"""Integration tokens for the working-model API tests: one per role, acting as a user of that role in Imatra."""

import pytest
from django.contrib.auth import get_user_model

from varanto.accounts.models import Membership, Role
from varanto.api.services import integration_token_create
from varanto.catalog.models import DataResource, InformationSystem


@pytest.fixture
def token_for(imatra):
    """make(role, resources=keys, systems=keys) -> the secret of a new token; role None: a user with no role."""

    def make(role: Role | None, *, resources=(), systems=()) -> str:
        users = get_user_model().objects
        base = f"integraatio-{role or 'ei-roolia'}"
        username = base if not users.filter(username=base).exists() else f"{base}-{users.count()}"
        user = users.create_user(username)
        if role is not None:
            membership = Membership.objects.create(user=user, organization=imatra, role=role)
            membership.resources.set(DataResource.objects.filter(key__in=resources))
            membership.systems.set(InformationSystem.objects.filter(key__in=systems))
        return integration_token_create(name=f"{username} integration", user=user, acting_user=None)[1]

    return make
