"""Who may do what: every access check of the back office, the API and the commands, in one place.

Contract (Zulip style; callers check here first, then call the write services):

- ``require(user, action, obj) -> obj``: returns ``obj`` if ``user`` may do ``action`` on it,
  else raises ``AccessDenied``. ``obj`` is an ``Organization`` or any record that belongs to
  one (``DataResource``, ``InformationSystem``, ``Section``, ``Process``, ``ImpactAssessment``,
  an organisation's ``IntegrationToken``).
- ``can(user, action, obj) -> bool``: the same as a yes/no, for showing or hiding controls.
- ``access_organization(user, slug, action)``, ``access_resource(user, organization, key, action)``,
  ``access_system(…)``, ``access_assessment(user, organization, pk, action)``, and for any declared
  kind ``access_kind(user, kind, organization, key, action)``: fetch a record and check it. They return
  the record or raise the one uniform ``AccessDenied``, whether the record is missing or out of
  bounds, so that what exists does not leak to those who may not see it. Other apps build their
  own on ``access_record(user, action, queryset, **lookup)`` (``api.permissions``).
- ``may_manage_user(user, target)``: answering for another
  user, which reaches beyond one organisation: giving them a new password
  (``require_password_reset(…)``), adding them to one's organisation, or
  letting an integration token act as them.
- ``PERMISSIONS``: the one table of actions and the roles allowed each. ``WORKFLOW``: the one
  table of review moves (from which states, to which state); the roles for a move are its
  action's row in ``PERMISSIONS``.

A superuser counts as an administrator of every organisation, except through a token confined
to one (below). An editor may act only on the data resources and information systems assigned
to them (``Membership.resources/systems``) where the table says so. A user's memberships and assignments are read once and remembered on
the user object (one request's worth); use a freshly loaded user after changing them. An
integration whose token belongs to one organisation acts as its user there only
(``confine_to_organization``, called by the API's sign-in), and only with the role its
membership there gives: being a superuser does not come with it.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils.translation import gettext_lazy as _

from varanto.catalog.declarations import ValueType
from varanto.catalog.models import (
    DataResource,
    ImpactAssessment,
    InformationSystem,
    Organization,
    ReviewStatus,
)

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

    from varanto.catalog.declarations import RecordKind

from .models import Membership, Role


class AccessDenied(PermissionDenied):
    """The one error every access check raises (a 403 in views, an API error in the API)."""


class Action(enum.StrEnum):
    VIEW = "view"  # read the internal working model: lists, records, history, reports
    CREATE = "create"  # add a record to the organisation
    EDIT = "edit"
    DELETE = "delete"
    RESTORE = "restore"  # bring back an earlier or deleted state from history
    SUBMIT = "submit"  # workflow: send a resource for review
    APPROVE = "approve"  # workflow: accept a resource's changes
    RETURN = "return"  # workflow: send a resource back with a comment
    PUBLISH = "publish"
    WITHDRAW = "withdraw"  # take a publication out of public use
    ASSESS = "assess"  # write a change impact assessment
    MANAGE_USERS = "manage_users"
    MANAGE_INTEGRATIONS = "manage_integrations"  # the organisation's API tokens: list, create, revoke
    IMPORT = "import"  # import a description into the working model from the back office ("Tuo kuvaus")
    VIEW_AUDIT = "view_audit"


@dataclass(frozen=True)
class Rule:
    roles: frozenset[Role]
    assigned_editors: bool = False  # editors too, on records assigned to them


STAFF = frozenset({Role.ADMINISTRATOR, Role.PUBLISHER})
EVERYONE = frozenset(Role)

PERMISSIONS: dict[Action, Rule] = {
    Action.VIEW: Rule(EVERYONE),
    Action.CREATE: Rule(STAFF),
    Action.EDIT: Rule(STAFF, assigned_editors=True),
    Action.DELETE: Rule(STAFF),
    Action.RESTORE: Rule(STAFF, assigned_editors=True),
    Action.SUBMIT: Rule(STAFF, assigned_editors=True),
    Action.APPROVE: Rule(STAFF),
    Action.RETURN: Rule(STAFF),
    Action.PUBLISH: Rule(STAFF),
    Action.WITHDRAW: Rule(frozenset({Role.ADMINISTRATOR})),
    Action.ASSESS: Rule(STAFF | {Role.EDITOR}),
    Action.MANAGE_USERS: Rule(frozenset({Role.ADMINISTRATOR})),
    Action.MANAGE_INTEGRATIONS: Rule(frozenset({Role.ADMINISTRATOR})),
    Action.IMPORT: Rule(frozenset({Role.ADMINISTRATOR})),
    Action.VIEW_AUDIT: Rule(frozenset({Role.ADMINISTRATOR})),
}


@dataclass(frozen=True)
class Move:
    """A review move: allowed from `sources`, it leaves the resource in `target`."""

    action: Action
    sources: frozenset[str]
    target: str
    label: StrOrPromise
    comment_required: bool = False


WORKFLOW: dict[Action, Move] = {
    Action.SUBMIT: Move(
        Action.SUBMIT,
        frozenset({ReviewStatus.CURRENT, ReviewStatus.RETURNED}),
        ReviewStatus.READY_FOR_REVIEW,
        _("Send for review"),
    ),
    Action.APPROVE: Move(
        Action.APPROVE,
        frozenset({ReviewStatus.READY_FOR_REVIEW}),
        ReviewStatus.CURRENT,
        _("Approve"),
    ),
    Action.RETURN: Move(
        Action.RETURN,
        frozenset({ReviewStatus.READY_FOR_REVIEW}),
        ReviewStatus.RETURNED,
        _("Return with a comment"),
        comment_required=True,
    ),
}


def _organization_id(obj) -> int:
    return obj.pk if isinstance(obj, Organization) else obj.organization_id


def membership_of(user, organization: Organization | int) -> Membership | None:
    """The user's membership in the organisation (an object or its id), remembered for the request."""
    if not getattr(user, "is_authenticated", False):
        return None
    organization_id = organization if isinstance(organization, int) else organization.pk
    cache = user.__dict__.setdefault("_varanto_memberships", {})
    if organization_id not in cache:
        cache[organization_id] = Membership.objects.filter(user=user, organization_id=organization_id).first()
    return cache[organization_id]


def confine_to_organization(user, organization_id: int) -> None:
    """From now on this user object has no role outside the organisation (an integration token's)."""
    user.__dict__["_varanto_confined_to"] = organization_id


def role_of(user, organization: Organization | int) -> Role | None:
    """The user's role in the organisation, or None for someone with no role there."""
    confined_to = user.__dict__.get("_varanto_confined_to")
    if confined_to is not None and confined_to != (organization if isinstance(organization, int) else organization.pk):
        return None
    # A confined token was given by the organisation's administrator: it must not carry more than the
    # membership they see (and can take away), so a superuser's token gets no shortcut.
    if confined_to is None and getattr(user, "is_authenticated", False) and user.is_superuser:
        return Role.ADMINISTRATOR
    membership = membership_of(user, organization)
    return Role(membership.role) if membership else None


def _is_assigned(membership: Membership, obj) -> bool:
    """Whether an editor is responsible for the record; the assignments are read once per request."""
    if not isinstance(obj, (DataResource, InformationSystem)):
        return False
    cache = membership.__dict__.setdefault("_varanto_assigned", {})
    if type(obj) not in cache:
        related = membership.resources if isinstance(obj, DataResource) else membership.systems
        cache[type(obj)] = set(related.values_list("pk", flat=True))
    return obj.pk in cache[type(obj)]


def can(user, action: Action, obj) -> bool:
    organization_id = _organization_id(obj)
    role = role_of(user, organization_id)
    if role is None:
        return False
    rule = PERMISSIONS[action]
    if role in rule.roles:
        return True
    if role is Role.EDITOR and rule.assigned_editors:
        membership = membership_of(user, organization_id)
        assert membership is not None  # an editor's role comes from their membership
        return _is_assigned(membership, obj)
    return False


def require(user, action: Action, obj):
    if not can(user, action, obj):
        raise AccessDenied(_("You may not do this here."))
    return obj


def access_record(user, action: Action, queryset: models.QuerySet, **lookup):
    """The one record of `queryset` matching `lookup` if `user` may do `action` on it; else AccessDenied."""
    obj = queryset.filter(**lookup).first()
    if obj is None:
        raise AccessDenied(_("No such record, or you may not see it."))
    return require(user, action, obj)


def access_organization(user, slug: str, action: Action = Action.VIEW) -> Organization:
    return access_record(user, action, Organization.objects.all(), slug=slug)


def access_resource(user, organization: Organization, key: str, action: Action = Action.VIEW) -> DataResource:
    return access_record(
        user, action, DataResource.objects.select_related("section"), organization=organization, key=key
    )


def access_system(user, organization: Organization, key: str, action: Action = Action.VIEW) -> InformationSystem:
    return access_record(user, action, InformationSystem.objects.all(), organization=organization, key=key)


def access_assessment(user, organization: Organization, pk: int, action: Action = Action.VIEW) -> ImpactAssessment:
    return access_record(user, action, ImpactAssessment.objects.all(), organization=organization, pk=pk)


def access_kind(user, kind: RecordKind, organization: Organization, key: str | None, action: Action):
    """A record of the declared kind by its key (the organisation itself for its own kind), checked on
    the kind's permission object; shaped like access_resource, for the tables of record kinds."""
    if kind.parent is None:
        return require(user, action, organization)
    references = [d.attr for d in kind.fields if d.type is ValueType.REFERENCE]
    record = kind.model._default_manager.select_related(*references).filter(organization=organization, key=key).first()
    if record is None:
        raise AccessDenied(_("No such record, or you may not see it."))
    require(user, action, kind.permission_object(record))
    return record


def may_create_organization(user) -> bool:
    """Whether the user may make a new organisation (from an imported description or the starter model):
    a superuser, who administers every organisation, and not through a token confined to one."""
    return (
        getattr(user, "is_authenticated", False) and user.is_superuser and "_varanto_confined_to" not in user.__dict__
    )


def may_manage_user(user, target) -> bool:
    """Whether `user` answers for `target`: may give them a new password, add them to another
    organisation, or let an integration act as them (each a way of taking over the account).

    That must bring no rights `user` lacks: they must administer every organisation where `target`
    has a role, and only a superuser may do it for a superuser or a Django admin user.
    """
    if (target.is_superuser or target.is_staff) and not user.is_superuser:
        return False
    roles = PERMISSIONS[Action.MANAGE_USERS].roles
    organization_ids = Membership.objects.filter(user=target).values_list("organization_id", flat=True)
    return all(role_of(user, organization_id) in roles for organization_id in organization_ids)


def require_password_reset(user, target):
    if not may_manage_user(user, target):
        raise AccessDenied(
            _(
                "Only someone who administers every organisation where this user has a role may give "
                "them a new password."
            )
        )
    return target


def available_moves(user, resource: DataResource) -> list[Move]:
    """The review moves this user may make on the resource in its present state."""
    return [m for m in WORKFLOW.values() if resource.review_status in m.sources and can(user, m.action, resource)]
