"""Writes on system interfaces (liittymät): create, update, delete, and their part in a system's deletion."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from varanto.catalog.models import InformationSystem, Organization, SystemInterface
from varanto.core.keys import make_key

from .common import Stamp, assign, locked, record_create, record_delete, record_update, same_organization
from .specs import INTERFACE


def _checked(interface: SystemInterface) -> None:
    """Both ends are systems of the interface's organisation, and two different ones."""
    ends = [s for s in (interface.source, interface.target) if s is not None]
    same_organization(interface.organization_id, ends, "source")
    if interface.source_id is not None and interface.source_id == interface.target_id:
        raise ValidationError({"target": _("A system cannot have an interface to itself.")})


def interface_write(interface: SystemInterface, data: dict, stamp: Stamp) -> list[str]:
    changed = assign(interface, data, INTERFACE.fields)
    _checked(interface)
    interface.full_clean()
    return changed


def interface_key(organization: Organization, data: dict) -> str:
    """A new interface's key: from its name, or from the names of its two systems."""
    ends = [s.name for s in (data.get("source"), data.get("target")) if isinstance(s, InformationSystem)]
    taken = set(SystemInterface.objects.filter(organization=organization).values_list("key", flat=True))
    return make_key(data.get("name") or " ".join(ends), taken)


@transaction.atomic
def interface_create(*, organization: Organization, data: dict, acting_user) -> SystemInterface:
    """Add an interface from one of the organisation's systems to another."""
    interface = SystemInterface(
        organization=organization,
        key=interface_key(organization, data),
        position=SystemInterface.objects.filter(organization=organization).count(),
    )
    assign(interface, data, INTERFACE.fields)
    _checked(interface)
    return record_create(interface, Stamp(acting_user, "create"))


@transaction.atomic
def interface_update(*, interface: SystemInterface, data: dict, expected_version: int, acting_user) -> SystemInterface:
    """Change the fields in `data` (`specs.INTERFACE`; "source" and "target" as InformationSystem)."""
    return record_update(
        SystemInterface,
        interface,
        expected_version,
        acting_user,
        lambda current, stamp: interface_write(current, data, stamp),
        INTERFACE.fields,
    )


@transaction.atomic
def interface_delete(*, interface: SystemInterface, expected_version: int, acting_user) -> dict:
    """Delete the interface; its history keeps it and restore brings it back while both systems exist."""
    current = locked(SystemInterface, interface.pk, expected_version)
    record_delete(current, Stamp(acting_user, "delete"))
    return {}


def interfaces_of_system(system: InformationSystem):
    """The interfaces from and to the system, in the organisation's order."""
    return (
        SystemInterface.objects.filter(source=system) | SystemInterface.objects.filter(target=system)
    ).select_related("source", "target")


def system_interfaces_delete(system: InformationSystem, stamp: Stamp) -> list[dict]:
    """Delete every interface of a system being deleted, each a recorded deletion; returns them as references."""
    gone = []
    for interface in interfaces_of_system(system).select_for_update():
        gone.append({"id": interface.pk, "name": str(interface)})
        record_delete(interface, stamp)
    return gone
