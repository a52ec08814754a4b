"""A catalogue with more than 60 information systems, for the relationship graph's tests."""

from dataclasses import dataclass
from typing import cast

from django.contrib.auth import get_user_model

from varanto.accounts.models import Role
from varanto.accounts.services import membership_set
from varanto.catalog.models import Organization
from varanto.catalog.tests.factories import (
    DataResourceFactory,
    InformationSystemFactory,
    OrganizationFactory,
    ResourceSystemFactory,
    SectionFactory,
)

SECTIONS, RESOURCES_PER_SECTION, OWN_SYSTEMS_PER_RESOURCE, SHARED_SYSTEMS = 3, 5, 4, 6


@dataclass
class BigCatalogue:
    organization: object
    viewer: object
    links: int  # resource–system connections

    @property
    def systems(self) -> int:
        return SECTIONS * RESOURCES_PER_SECTION * OWN_SYSTEMS_PER_RESOURCE + SHARED_SYSTEMS


def big_catalogue() -> BigCatalogue:
    """Three sections of five resources; each resource has four systems of its own, and six systems
    are shared by one resource of every section."""
    organization = cast(Organization, OrganizationFactory())  # factory_boy returns the model instance
    sections = [SectionFactory(organization=organization, position=i) for i in range(SECTIONS)]
    shared = [InformationSystemFactory(organization=organization, name=f"Yhteinen {i}") for i in range(SHARED_SYSTEMS)]
    links = 0
    for section in sections:
        for position in range(RESOURCES_PER_SECTION):
            resource = DataResourceFactory(organization=organization, section=section, position=position)
            for _ in range(OWN_SYSTEMS_PER_RESOURCE):
                ResourceSystemFactory(resource=resource, system=InformationSystemFactory(organization=organization))
                links += 1
            if position == 0:
                for system in shared:
                    ResourceSystemFactory(resource=resource, system=system)
                    links += 1
    viewer = get_user_model().objects.create_user("katsoja", first_name="Katsoja")
    membership_set(organization=organization, user=viewer, role=Role.VIEWER, acting_user=None)
    return BigCatalogue(organization, viewer, links)
