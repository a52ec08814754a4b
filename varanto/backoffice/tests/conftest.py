"""Staff of every role on the published Imatra demo, for the back office's tests."""

from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model

from varanto.accounts.models import Role
from varanto.accounts.services import membership_assign, membership_set
from varanto.catalog.models import DataResource, InformationSystem


@dataclass
class Staff:
    organization: object
    administrator: object
    publisher: object
    editor: object  # responsible for Vesihuolto and its systems
    other_editor: object  # responsible for Talous only
    viewer: object
    outsider: object  # signed in, but no role in this organisation

    def by_role(self, name: str):
        return getattr(self, name)


def _user(username: str):
    return get_user_model().objects.create_user(username, first_name=username.capitalize())


@pytest.fixture
def staff(imatra_published) -> Staff:
    org = imatra_published
    people = {name: _user(name) for name in ("hallinto", "julkaisija", "vesi", "talous", "lukija", "ulkopuolinen")}
    roles = {
        "hallinto": Role.ADMINISTRATOR,
        "julkaisija": Role.PUBLISHER,
        "vesi": Role.EDITOR,
        "talous": Role.EDITOR,
        "lukija": Role.VIEWER,
    }
    memberships = {
        name: membership_set(organization=org, user=people[name], role=role, acting_user=None)
        for name, role in roles.items()
    }
    vesihuolto = DataResource.objects.get(organization=org, key="vesihuolto")
    membership_assign(
        membership=memberships["vesi"],
        resources=[vesihuolto],
        systems=list(InformationSystem.objects.filter(resource_links__resource=vesihuolto)),
        acting_user=None,
    )
    membership_assign(
        membership=memberships["talous"],
        resources=[DataResource.objects.get(organization=org, key="talous")],
        systems=[],
        acting_user=None,
    )
    return Staff(
        org,
        people["hallinto"],
        people["julkaisija"],
        people["vesi"],
        people["talous"],
        people["lukija"],
        people["ulkopuolinen"],
    )
