"""Reads on staff, roles and the audit log."""

import datetime

from django.db.models import Count, Q, QuerySet

from varanto.catalog.models import Organization

from .models import AuditEvent, AuditKind, Membership, Role, SsoIdentity

SIGN_IN_KINDS = (AuditKind.SIGN_IN, AuditKind.SIGN_IN_FAILED, AuditKind.SIGN_OUT)


def organization_members(organization: Organization) -> QuerySet[Membership]:
    return (
        Membership.objects.filter(organization=organization)
        .select_related("user")
        .prefetch_related("resources", "systems")
        .order_by("user__username")
    )


def audit_events(
    organization: Organization,
    *,
    kind: str | None = None,
    username: str | None = None,
    record: str | None = None,
    since: datetime.date | None = None,
    until: datetime.date | None = None,
) -> QuerySet[AuditEvent]:
    """The organisation's events, and the sign-ins (failed ones too) of its members, newest first.

    Failed sign-ins under names that belong to no member are for superusers (Django admin).
    Narrowed to one kind of event, one user name, a record (its key, or a part of its name),
    and days from `since` to `until` (both included, in the server's time zone).
    """
    members = Membership.objects.filter(organization=organization)
    events = AuditEvent.objects.filter(
        Q(organization=organization)
        | Q(kind__in=SIGN_IN_KINDS, user__in=members.values("user"))
        | Q(kind=AuditKind.SIGN_IN_FAILED, username__in=members.values("user__username"))
    )
    if kind:
        events = events.filter(kind=kind)
    if username:
        events = events.filter(username__iexact=username)
    if record:
        events = events.filter(
            Q(detail__key=record) | Q(detail__name__icontains=record) | Q(detail__resource__icontains=record)
        )
    if since:
        events = events.filter(occurred_at__date__gte=since)
    if until:
        events = events.filter(occurred_at__date__lte=until)
    return events.select_related("user").order_by("-occurred_at", "-id")


def audit_usernames(organization: Organization) -> list[str]:
    """The user names the organisation's audit log can be narrowed to: its members'."""
    return list(
        Membership.objects.filter(organization=organization)
        .order_by("user__username")
        .values_list("user__username", flat=True)
    )


def sso_identities(user) -> list[SsoIdentity]:
    """The identity provider accounts the user signs in as (single sign-on)."""
    return list(SsoIdentity.objects.filter(user=user).order_by("issuer"))


def editor_loads(organization: Organization) -> list[Membership]:
    """The organisation's editors, each with `resource_count`: how many data resources they answer for."""
    return list(
        Membership.objects.filter(organization=organization, role=Role.EDITOR)
        .select_related("user")
        .annotate(resource_count=Count("resources", distinct=True))
        .order_by("user__first_name", "user__username")
    )


def resource_editors(organization: Organization) -> dict[int, Membership]:
    """Each data resource's responsible editor (the first by user name where several share one), by resource id."""
    found: dict[int, Membership] = {}
    memberships = Membership.objects.filter(organization=organization).select_related("user").order_by("user__username")
    for membership in memberships.prefetch_related("resources"):
        for resource in membership.resources.all():
            found.setdefault(resource.pk, membership)
    return found
