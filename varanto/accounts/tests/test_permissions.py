"""The permission module's contract: one table, one error, editors limited to their assignments."""

import pytest
from django.contrib.auth import get_user_model

from varanto.accounts.models import Membership, Role
from varanto.accounts.permissions import (
    PERMISSIONS,
    WORKFLOW,
    AccessDenied,
    Action,
    access_kind,
    access_resource,
    available_moves,
    can,
    confine_to_organization,
    may_manage_user,
    require,
    role_of,
)
from varanto.accounts.services import membership_assign, membership_remove, membership_set
from varanto.catalog import declarations
from varanto.catalog.models import ReviewStatus
from varanto.catalog.tests.factories import DataResourceFactory, InformationSystemFactory, OrganizationFactory

pytestmark = pytest.mark.django_db

User = get_user_model()


def _member(organization, role, username=None):
    user = User.objects.create_user(username or f"{role}-{organization.slug}")
    membership_set(organization=organization, user=user, role=role, acting_user=None)
    return User.objects.get(pk=user.pk)  # fresh: role lookups are remembered per user object


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("action", list(Action))
def test_table_decides_for_the_organisation(role, action):
    organization = OrganizationFactory()
    user = _member(organization, role)
    assert can(user, action, organization) == (role in PERMISSIONS[action].roles)


def test_editor_edits_only_assigned_resources_and_systems():
    resource = DataResourceFactory()
    other = DataResourceFactory(organization=resource.organization, section=resource.section)
    system = InformationSystemFactory(organization=resource.organization)
    user = User.objects.create_user("vesihuoltopaallikko")
    membership = membership_set(organization=resource.organization, user=user, role=Role.EDITOR, acting_user=None)
    membership_assign(membership=membership, resources=[resource], systems=[system], acting_user=None)
    user = User.objects.get(pk=user.pk)
    assert can(user, Action.EDIT, resource) and can(user, Action.EDIT, system)
    assert not can(user, Action.EDIT, other)
    assert not can(user, Action.DELETE, resource)
    assert not can(user, Action.APPROVE, resource)
    assert can(user, Action.VIEW, other)


def test_someone_without_a_role_gets_the_same_error_for_missing_and_forbidden_records():
    resource = DataResourceFactory()
    stranger = User.objects.create_user("vieras")
    with pytest.raises(AccessDenied) as forbidden:
        access_resource(stranger, resource.organization, resource.key)
    with pytest.raises(AccessDenied) as missing:
        access_resource(stranger, resource.organization, "ei-ole")
    assert str(forbidden.value) != "" and type(forbidden.value) is type(missing.value)


def test_role_in_one_organisation_gives_nothing_in_another():
    mine, theirs = OrganizationFactory(), OrganizationFactory()
    user = _member(mine, Role.ADMINISTRATOR)
    assert role_of(user, theirs) is None
    with pytest.raises(AccessDenied):
        require(user, Action.VIEW, theirs)


def test_superuser_is_administrator_everywhere():
    organization = OrganizationFactory()
    root = User.objects.create_superuser("root")
    assert role_of(root, organization) == Role.ADMINISTRATOR


def test_a_user_confined_to_one_organisation_has_no_role_elsewhere_even_as_superuser():
    """An integration token of one organisation carries its user's role there only."""
    mine, theirs = OrganizationFactory(), OrganizationFactory()
    root = User.objects.create_superuser("root")
    membership_set(organization=mine, user=root, role=Role.ADMINISTRATOR, acting_user=None)
    confine_to_organization(root, mine.pk)
    assert role_of(root, mine) == Role.ADMINISTRATOR
    assert role_of(root, theirs) is None and not can(root, Action.VIEW, theirs)


def test_a_confined_superuser_has_only_the_role_of_the_membership():
    """The superuser shortcut does not pass through a token an organisation's administrator gave."""
    organization = OrganizationFactory()
    root = User.objects.create_superuser("root")
    membership_set(organization=organization, user=root, role=Role.VIEWER, acting_user=None)
    confine_to_organization(root, organization.pk)
    assert role_of(root, organization) == Role.VIEWER and not can(root, Action.EDIT, organization)
    membership_remove(membership=Membership.objects.get(user=root), acting_user=None)
    root = User.objects.get(pk=root.pk)
    confine_to_organization(root, organization.pk)
    assert role_of(root, organization) is None


def test_the_organisation_itself_is_checked_like_any_record():
    organization = OrganizationFactory()
    viewer = _member(organization, Role.VIEWER)
    assert access_kind(viewer, declarations.ORGANIZATION, organization, None, Action.VIEW) == organization
    with pytest.raises(AccessDenied):
        access_kind(viewer, declarations.ORGANIZATION, organization, None, Action.EDIT)


def test_anonymous_may_do_nothing():
    from django.contrib.auth.models import AnonymousUser

    organization = OrganizationFactory()
    assert not any(can(AnonymousUser(), action, organization) for action in Action)


def test_workflow_table_moves_between_review_states():
    assert WORKFLOW[Action.SUBMIT].target == ReviewStatus.READY_FOR_REVIEW
    assert WORKFLOW[Action.APPROVE].sources == {ReviewStatus.READY_FOR_REVIEW}
    assert WORKFLOW[Action.RETURN].comment_required


@pytest.mark.parametrize(
    "role, status, moves",
    [
        (Role.PUBLISHER, ReviewStatus.READY_FOR_REVIEW, {Action.APPROVE, Action.RETURN}),
        (Role.PUBLISHER, ReviewStatus.CURRENT, {Action.SUBMIT}),
        (Role.EDITOR, ReviewStatus.RETURNED, {Action.SUBMIT}),
        (Role.EDITOR, ReviewStatus.READY_FOR_REVIEW, set()),
        (Role.VIEWER, ReviewStatus.RETURNED, set()),
    ],
)
def test_available_moves_follow_state_and_role(role, status, moves):
    resource = DataResourceFactory(review_status=status)
    user = User.objects.create_user("henkilo")
    membership = membership_set(organization=resource.organization, user=user, role=role, acting_user=None)
    membership_assign(membership=membership, resources=[resource], systems=[], acting_user=None)
    user = User.objects.get(pk=user.pk)
    assert {m.action for m in available_moves(user, resource)} == moves


def test_a_new_password_only_from_who_administers_every_organisation_of_the_user():
    """Taking over an account by resetting its password must bring no rights from elsewhere."""
    mine, theirs = OrganizationFactory(), OrganizationFactory()
    administrator = _member(mine, Role.ADMINISTRATOR)
    local = _member(mine, Role.EDITOR, "paikallinen")
    both = _member(mine, Role.VIEWER, "molemmat")
    membership_set(organization=theirs, user=both, role=Role.ADMINISTRATOR, acting_user=None)
    root = User.objects.create_superuser("root")
    membership_set(organization=mine, user=root, role=Role.VIEWER, acting_user=None)
    assert may_manage_user(administrator, local)
    assert not may_manage_user(administrator, both)
    assert not may_manage_user(administrator, root)
    assert may_manage_user(User.objects.get(pk=root.pk), both)


def test_the_permission_module_depends_on_no_app_built_on_it():
    """Apps such as the API build their own checks on this module (api.permissions), never the other way round."""
    import ast

    from varanto.accounts import permissions

    tree = ast.parse(open(permissions.__file__, encoding="utf-8").read())
    imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
    assert not {module for module in imported if module.startswith(("varanto.api", "varanto.backoffice"))}
