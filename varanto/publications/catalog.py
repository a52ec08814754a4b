"""A publication's content read for pages: the public canonical dict with its records linked up.

`PublishedCatalog(content)` indexes the records once (sections with their resources, systems
with the resources that use them, processes and open data sets by resource), so a page can
show a resource with its section, systems and deciding authority without searching lists.
It only reads the dict it is given; what is public was decided when the publication was made.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from varanto.core.keys import make_key


@dataclass(frozen=True)
class SystemUse:
    """A resource's use of a system: the system's name, the usage ("verkosto") and its record."""

    name: str
    usage: str
    system: dict | None


@dataclass(frozen=True)
class ResourceEntry:
    """Tietovaranto with what pages show beside it."""

    record: dict
    section: dict
    systems: tuple[SystemUse, ...]
    processes: tuple[dict, ...]
    datasets: tuple[dict, ...]
    # Who decides on disclosure: the resource's own authority, else the organisation's; "" when neither says.
    deciding_authority: str
    # Its document types (asiakirjatyypit) by data group (the document class, "Päätös"), in plan order.
    document_groups: tuple[tuple[str, tuple[dict, ...]], ...] = ()

    @property
    def key(self) -> str:
        return self.record["key"]


@dataclass(frozen=True)
class SectionEntry:
    record: dict
    resources: tuple[ResourceEntry, ...]

    @property
    def key(self) -> str:
        return self.record["key"]


@dataclass(frozen=True)
class ResourceUse:
    """A system seen from the other side: a resource that uses it, with the usage."""

    resource: ResourceEntry
    usage: str


@dataclass(frozen=True)
class InterfaceEnd:
    """An interface (liittymä) seen from one of its systems: outgoing or incoming, and the other system."""

    record: dict
    outgoing: bool
    other_name: str
    other: dict | None  # the other system's record, when the publication has it


@dataclass(frozen=True)
class SystemEntry:
    record: dict
    users: tuple[ResourceUse, ...]
    processes: tuple[dict, ...]
    interfaces: tuple[InterfaceEnd, ...]

    @property
    def key(self) -> str:
        return self.record["key"]


class PublishedCatalog:
    """Read-only look-ups over one publication's content."""

    def __init__(self, content: dict):
        self.content = content
        self.organization: dict = content["organization"]
        open_data = content.get("open_data") or {}
        self.datasets: list[dict] = open_data.get("datasets", [])
        self.services: list[dict] = open_data.get("services", [])

        systems_by_name = {s["name"].casefold(): s for s in content["systems"]}
        processes = {p["key"]: p for p in content.get("processes", [])}
        sections = {s["key"]: s for s in content["sections"]}
        datasets_by_resource = defaultdict(list)
        for dataset in self.datasets:
            if dataset.get("resource"):
                datasets_by_resource[dataset["resource"]].append(dataset)
        organization_authority = (self.organization.get("information_requests") or {}).get("deciding_authority", "")
        documents_by_resource: dict[str, dict[str, list[dict]]] = defaultdict(dict)
        for document in (content.get("records_management") or {}).get("document_types", []):
            if document.get("resource"):
                groups = documents_by_resource[document["resource"]]
                groups.setdefault(document["document_class"], []).append(document)

        self.resources: list[ResourceEntry] = [
            ResourceEntry(
                record=record,
                section=sections[record["section"]],
                systems=tuple(
                    SystemUse(link["name"], link.get("usage", ""), systems_by_name.get(link["name"].casefold()))
                    for link in record.get("systems", [])
                ),
                processes=tuple(processes[key] for key in record.get("processes", []) if key in processes),
                datasets=tuple(datasets_by_resource[record["key"]]),
                deciding_authority=(record.get("disclosure") or {}).get("deciding_authority") or organization_authority,
                document_groups=tuple(
                    (group, tuple(documents)) for group, documents in documents_by_resource[record["key"]].items()
                ),
            )
            for record in content["resources"]
        ]
        self._resources = {entry.key: entry for entry in self.resources}

        in_section = defaultdict(list)
        users = defaultdict(list)
        for entry in self.resources:
            in_section[entry.section["key"]].append(entry)
            for use in entry.systems:
                users[use.name.casefold()].append(ResourceUse(entry, use.usage))
        self.sections: list[SectionEntry] = [
            SectionEntry(record, tuple(in_section[record["key"]])) for record in content["sections"]
        ]
        self._sections = {entry.key: entry for entry in self.sections}

        self.interfaces: list[dict] = _interfaces(content)
        ends = defaultdict(list)
        for interface in self.interfaces:
            source, target = interface["from"], interface["to"]
            ends[source.casefold()].append(
                InterfaceEnd(interface, True, target, systems_by_name.get(target.casefold()))
            )
            ends[target.casefold()].append(
                InterfaceEnd(interface, False, source, systems_by_name.get(source.casefold()))
            )
        self.systems: list[SystemEntry] = [
            SystemEntry(
                record=record,
                users=tuple(users[record["name"].casefold()]),
                processes=tuple(
                    p
                    for p in processes.values()
                    if record["name"].casefold() in {n.casefold() for n in p.get("systems", [])}
                ),
                interfaces=tuple(ends[record["name"].casefold()]),
            )
            for record in content["systems"]
        ]
        self._systems = {entry.key: entry for entry in self.systems}

    @property
    def name(self) -> str:
        return self.organization["name"]

    @property
    def registry_office(self) -> dict:
        return (self.organization.get("information_requests") or {}).get("registry_office") or {}

    @property
    def has_open_data(self) -> bool:
        return bool(self.datasets or self.services)

    def section(self, key: str) -> SectionEntry | None:
        return self._sections.get(key)

    def resource(self, key: str) -> ResourceEntry | None:
        return self._resources.get(key)

    def system(self, key: str) -> SystemEntry | None:
        return self._systems.get(key)

    def dataset_sources(self) -> list[tuple[dict, ResourceEntry | None]]:
        """Each open data set with the data resource it comes from, if the catalogue names one."""
        return [(dataset, self._resources.get(dataset.get("resource") or "")) for dataset in self.datasets]


def _interfaces(content: dict) -> list[dict]:
    """The publication's interfaces; one made before they were records of their own has them under
    their source systems ([{system, description}]), read here as the same records."""
    if "interfaces" in content:
        return content["interfaces"]
    taken: set[str] = set()
    return [
        {
            "key": make_key(f"{system['name']} {row['system']}", taken),
            "from": system["name"],
            "to": row["system"],
            "description": row.get("description", ""),
        }
        for system in content["systems"]
        for row in system.get("interfaces", [])
    ]
