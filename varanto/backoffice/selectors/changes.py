"""What publishing now would change: the working model's public view against the latest publication.

Field by field per data resource, with the public diff's own engine (`publications.diff`), so a
publisher sees exactly what the public diff will show; the other parts of the catalogue
(organisation, sections, systems …) are compared as wholes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from varanto.catalog.models import DataResource
from varanto.interchange.canonical import RESOURCE_FIELDS
from varanto.publications.diff import fields_diff
from varanto.publications.selectors import latest_publication, resources_awaiting_approval
from varanto.publications.services import public_catalog

from .display import Change, field_label

PATH_FIELDS = dict(RESOURCE_FIELDS)
OTHER_PARTS = {
    "organization": gettext_lazy("the organisation and its information request details"),
    "sections": gettext_lazy("sections"),
    "systems": gettext_lazy("information systems"),
    "processes": gettext_lazy("processes"),
    "open_data": gettext_lazy("open data"),
}


@dataclass
class ResourceDelta:
    key: str
    name: str
    status: str  # "added", "removed", "changed"
    changes: list[Change] = field(default_factory=list)


@dataclass
class PublicationDelta:
    publication: object | None
    resources: dict[str, ResourceDelta]
    other_parts: list[str]

    @property
    def anything(self) -> bool:
        return bool(self.resources or self.other_parts)


def _text(value) -> str:
    if isinstance(value, list):
        return "; ".join(
            ", ".join(str(v) for v in item.values() if v) if isinstance(item, dict) else str(item) for item in value
        )
    if isinstance(value, dict):
        return "; ".join(f"{k}: {v}" for k, v in value.items())
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    return str(value)


def _label(path: str) -> str:
    if path in PATH_FIELDS:
        return field_label(DataResource, PATH_FIELDS[path])
    if path == "section":
        return field_label(DataResource, "section")
    return field_label(DataResource, path) if path in ("systems", "processes") else path


def resource_changes(published: dict, current: dict) -> list[Change]:
    """The public diff's field changes of one data resource (`publications.diff`), labelled for people."""
    return [
        Change(change.path, _label(change.path), _text(change.old), _text(change.new))
        for change in fields_diff(published, current, ignore=("key",))
    ]


def publication_delta(organization) -> PublicationDelta:
    """Everything the next publication would change compared with the latest one."""
    publication = latest_publication(organization)
    published = publication.content if publication else {part: [] for part in ("resources", *OTHER_PARTS)}
    current = public_catalog(organization)
    before = {r["key"]: r for r in published.get("resources", [])}
    after = {r["key"]: r for r in current["resources"]}
    resources: dict[str, ResourceDelta] = {}
    for key in dict.fromkeys([*after, *before]):
        if key not in before:
            resources[key] = ResourceDelta(key, after[key]["name"], "added")
        elif key not in after:
            resources[key] = ResourceDelta(key, before[key]["name"], "removed")
        elif changes := resource_changes(before[key], after[key]):
            resources[key] = ResourceDelta(key, after[key]["name"], "changed", changes)
    others = [str(label) for part, label in OTHER_PARTS.items() if published.get(part) != current.get(part)]
    return PublicationDelta(publication, resources, others)


def awaiting_approval(organization):
    """Data resources whose changes a publisher has not approved (the publishing service's rule), with their section."""
    return resources_awaiting_approval(organization).select_related("section")
