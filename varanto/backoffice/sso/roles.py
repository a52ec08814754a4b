"""Roles from the provider: the values of OIDC_ROLE_CLAIM (groups, app roles) → a role in an organisation."""

from __future__ import annotations

from collections.abc import Mapping

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from varanto.accounts.models import Role

# When several values give roles in one organisation, the widest wins.
RANK = [Role.VIEWER, Role.EDITOR, Role.PUBLISHER, Role.ADMINISTRATOR]


def role_map() -> dict[str, tuple[str, Role]]:
    """OIDC_ROLE_MAP read as claim value → (organisation short name, role); a wrong entry names itself."""
    parsed = {}
    for value, target in settings.OIDC_ROLE_MAP.items():
        organization, _, role = str(target).partition(":")
        if not organization or role not in Role.values:
            raise ImproperlyConfigured(
                f"OIDC_ROLE_MAP: {value}={target} should be organisation-short-name:role, "
                f"the role one of {', '.join(Role.values)}"
            )
        parsed[value] = (organization, Role(role))
    return parsed


def claim_values(claims: Mapping) -> list[str]:
    """The role claim's values: a list (groups, Entra app roles) or one string, or several separated by spaces."""
    found = claims.get(settings.OIDC_ROLE_CLAIM)
    if found is None:
        return []
    if isinstance(found, str):
        return found.split()
    if isinstance(found, list):
        return [str(value) for value in found]
    return []


def mapped_roles(claims: Mapping) -> dict[str, Role]:
    """Organisation short name → the widest role the user's claim values give there."""
    roles: dict[str, Role] = {}
    mapping = role_map()
    for value in claim_values(claims):
        if value not in mapping:
            continue
        organization, role = mapping[value]
        if organization not in roles or RANK.index(role) > RANK.index(roles[organization]):
            roles[organization] = role
    return roles


def governed_organizations() -> set[str]:
    """The organisations whose roles the provider decides (those the map names)."""
    return {organization for organization, _role in role_map().values()}
