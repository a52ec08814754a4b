"""Vastuun siirto: handing everything one official, or one responsible title, holds over to another.

`responsibility_holdings` says what a source holds: a user's assigned data resources and systems,
or the resources, systems and processes whose responsible title is the given one.
`responsibility_hand_over` moves all of it in one transaction: the records are assigned to the
new official's membership (and taken from the old one's), and with `to_title` their responsible
title is rewritten through the catalogue's own update services (a history row and a version each,
a resource marked for review as any edit). One audit row names the source, the target and the records.

The public keeps seeing titles: who holds a record is the internal assignment, in the public view
of the catalogue only where the organisation chooses to name its officials
(`catalog.fields.responsible_persons_public`), and then from its next publication.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from varanto.catalog.models import DataResource, InformationSystem, Organization, Process
from varanto.catalog.services.registry import services_for

from .models import AuditKind, Membership, Role
from .services import audit_record

# Who may be handed records: a viewer keeps nothing up to date.
HOLDING_ROLES = (Role.ADMINISTRATOR, Role.PUBLISHER, Role.EDITOR)


@dataclass
class Holdings:
    """What a source holds in one organisation."""

    resources: list[DataResource] = field(default_factory=list)
    systems: list[InformationSystem] = field(default_factory=list)
    processes: list[Process] = field(default_factory=list)

    @property
    def records(self) -> list:
        return [*self.resources, *self.systems, *self.processes]

    def __bool__(self) -> bool:
        return bool(self.records)


def responsible_titles(organization: Organization) -> list[str]:
    """Every responsible title the organisation's resources, systems and processes name, sorted."""
    titles: set[str] = set()
    for model in (DataResource, InformationSystem, Process):
        titles |= set(
            model._default_manager.filter(organization=organization)
            .exclude(responsible_title="")
            .values_list("responsible_title", flat=True)
        )
    return sorted(titles, key=str.casefold)


def responsibility_holdings(*, organization: Organization, from_user=None, from_title: str = "") -> Holdings:
    """What `from_user` is assigned, or what names `from_title` as responsible (exactly one of them)."""
    if (from_user is None) == (not from_title):
        raise ValueError("Give either from_user or from_title.")
    if from_user is not None:
        membership = Membership.objects.filter(organization=organization, user=from_user).first()
        if membership is None:
            return Holdings()
        return Holdings(
            resources=list(membership.resources.order_by("name")), systems=list(membership.systems.order_by("name"))
        )
    named = {"organization": organization, "responsible_title": from_title}
    return Holdings(
        resources=list(DataResource.objects.filter(**named).order_by("name")),
        systems=list(InformationSystem.objects.filter(**named).order_by("name")),
        processes=list(Process.objects.filter(**named).order_by("name")),
    )


def _target_membership(organization: Organization, to_user) -> Membership:
    membership = Membership.objects.select_for_update().filter(organization=organization, user=to_user).first()
    if membership is None or membership.role not in HOLDING_ROLES:
        raise ValidationError(
            {
                "to_user": _(
                    "%(user)s has no role in %(organization)s that keeps records up to date (editor or above)."
                )
                % {"user": to_user.get_username(), "organization": organization.name}
            }
        )
    return membership


@transaction.atomic
def responsibility_hand_over(
    *,
    organization: Organization,
    acting_user,
    from_user=None,
    from_title: str = "",
    to_user=None,
    to_title: str = "",
) -> Holdings:
    """Hand over what a user or a title holds to `to_user` and/or a new responsible title, all or nothing."""
    to_title = to_title.strip()
    if to_user is None and not to_title:
        raise ValidationError(_("Name the official or the responsible title the records are handed over to."))
    if from_user is not None and to_user is not None and from_user.pk == to_user.pk:
        raise ValidationError({"to_user": _("The records would be handed over to the one who holds them.")})
    holdings = responsibility_holdings(organization=organization, from_user=from_user, from_title=from_title)
    if not holdings:
        raise ValidationError(_("There is nothing to hand over: no records are held by that official or title."))
    if to_user is not None:
        target = _target_membership(organization, to_user)
        target.resources.add(*holdings.resources)
        target.systems.add(*holdings.systems)
    if from_user is not None:
        source = Membership.objects.get(organization=organization, user=from_user)
        source.resources.remove(*holdings.resources)
        source.systems.remove(*holdings.systems)
    if to_title:
        for record in holdings.records:
            services_for(type(record)).update_record(
                record, {"responsible_title": to_title}, record.version, acting_user
            )
    audit_record(
        kind=AuditKind.HANDOVER,
        user=acting_user,
        organization=organization,
        source=from_user.get_username() if from_user is not None else from_title,
        target=" / ".join(part for part in (to_user.get_username() if to_user else "", to_title) if part),
        records=[f"{type(r).__name__}:{r.key}" for r in holdings.records],
    )
    return holdings
