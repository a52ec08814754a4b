"""Writes for staff accounts, roles and the audit log.

Each service takes `acting_user` and leaves an audit row: role changes, assignment changes and
password resets; sign-ins are audited by the handlers of Django's auth signals in `signals.py`,
publications by the publishing service.
"""

from __future__ import annotations

import secrets
from typing import TYPE_CHECKING

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from varanto.catalog.models import DataResource, InformationSystem, Organization
from varanto.core.acting import integration_of

from .models import AuditEvent, AuditKind, Membership, Role
from .permissions import may_manage_user

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractUser

User = get_user_model()

USER_MANAGED_ELSEWHERE = _(
    "%(user)s has a role in an organisation you do not administer (or is a Django admin user); only an "
    "administrator of all their organisations or a superuser can add them here."
)


def _client_ip(request) -> str | None:
    return request.META.get("REMOTE_ADDR") if request is not None else None


def audit_record(
    *,
    kind: AuditKind,
    user=None,
    username: str = "",
    organization: Organization | None = None,
    request=None,
    **detail,
) -> AuditEvent:
    """Write one audit row (lokitapahtuma); a change made through an integration token names it."""
    if user is not None and not username:
        username = user.get_username()
    if integration := integration_of(user):
        detail["integration"] = integration
    return AuditEvent.objects.create(
        kind=kind,
        user=user,
        username=username[:150],
        organization=organization,
        ip_address=_client_ip(request),
        detail=detail,
    )


def password_generate() -> str:
    """A random password to be shown once (16 URL-safe characters)."""
    return secrets.token_urlsafe(12)


@transaction.atomic
def user_create(
    *,
    username: str,
    email: str = "",
    first_name: str = "",
    last_name: str = "",
    password: str | None = None,
) -> tuple[AbstractUser, str]:
    """Create a staff user; returns the user and the password (random unless given)."""
    password = password or password_generate()
    user = User(username=username, email=email, first_name=first_name, last_name=last_name)
    user.full_clean(exclude=["password"])
    validate_password(password, user)
    user.set_password(password)
    user.save()
    return user, password


@transaction.atomic
def user_password_reset(*, user, acting_user, organization: Organization | None = None) -> str:
    """Give the user a new random password and return it (to be shown once); audited."""
    password = password_generate()
    user.set_password(password)
    user.save(update_fields=["password"])
    audit_record(kind=AuditKind.PASSWORD_RESET, user=acting_user, organization=organization, target=user.get_username())
    return password


@transaction.atomic
def membership_set(*, organization: Organization, user, role: Role, acting_user, source: str = "") -> Membership:
    """Give `user` the `role` in the organisation (creating the membership); audited as a role change.

    `source` names what decided it when no person did ("sso": the identity provider's groups).

    An administrator may bring in only a user they answer for (`permissions.may_manage_user`):
    otherwise they could act, or let an integration act, under another organisation's official's name.
    """
    membership = Membership.objects.select_for_update().filter(organization=organization, user=user).first()
    old_role = membership.role if membership else None
    if membership is None:
        if acting_user is not None and not may_manage_user(acting_user, user):
            raise ValidationError({"username": USER_MANAGED_ELSEWHERE % {"user": user.get_username()}})
        membership = Membership(organization=organization, user=user, role=role)
    membership.role = Role(role)
    membership.full_clean(validate_constraints=False)
    if old_role == membership.role:
        return membership
    membership.save()
    audit_record(
        kind=AuditKind.ROLE_CHANGE,
        user=acting_user,
        organization=organization,
        target=user.get_username(),
        old_role=old_role,
        new_role=str(membership.role),
        **({"source": source} if source else {}),
    )
    return membership


@transaction.atomic
def membership_remove(*, membership: Membership, acting_user, source: str = "") -> None:
    """Take the user's role in the organisation away; audited as a role change.

    Ending a membership from the back office goes through `api.services.membership_end`, which first
    revokes the integration tokens acting as the user there (this app knows nothing of the API).
    """
    audit_record(
        kind=AuditKind.ROLE_CHANGE,
        user=acting_user,
        organization=membership.organization,
        target=membership.user.get_username(),
        old_role=membership.role,
        new_role=None,
        **({"source": source} if source else {}),
    )
    membership.delete()


@transaction.atomic
def membership_assign(
    *,
    membership: Membership,
    resources: list[DataResource],
    systems: list[InformationSystem],
    acting_user,
) -> Membership:
    """Set the data resources and systems an editor is responsible for (their "my resources").

    Audited as an assignment change naming what was added and removed; setting the same again writes nothing.
    """
    organization = membership.organization
    records: list[DataResource | InformationSystem] = [*resources, *systems]
    for record in records:
        if record.organization_id != organization.pk:
            raise ValueError(f"{record} belongs to another organisation than {organization}")
    before = {*membership.resources.all(), *membership.systems.all()}
    after = {*resources, *systems}
    membership.resources.set(resources)
    membership.systems.set(systems)
    if before != after:
        audit_record(
            kind=AuditKind.ASSIGNMENT_CHANGE,
            user=acting_user,
            organization=organization,
            target=membership.user.get_username(),
            added=sorted(str(record) for record in after - before),
            removed=sorted(str(record) for record in before - after),
        )
    return membership


@transaction.atomic
def resource_editor_set(*, resource: DataResource, membership: Membership | None, acting_user) -> None:
    """Make `membership`'s user the one editor responsible for the data resource (None: nobody).

    Each editor whose assignments change is audited as `membership_assign` does.
    """
    if membership is not None and membership.organization_id != resource.organization_id:
        raise ValueError(f"{membership} belongs to another organisation than {resource}")
    holders = Membership.objects.filter(organization_id=resource.organization_id, resources=resource)
    if membership is not None:
        holders = holders.exclude(pk=membership.pk)
    for holder in holders:
        others = [r for r in holder.resources.all() if r.pk != resource.pk]
        membership_assign(
            membership=holder, resources=others, systems=list(holder.systems.all()), acting_user=acting_user
        )
    if membership is not None and not membership.resources.filter(pk=resource.pk).exists():
        membership_assign(
            membership=membership,
            resources=[*membership.resources.all(), resource],
            systems=list(membership.systems.all()),
            acting_user=acting_user,
        )
