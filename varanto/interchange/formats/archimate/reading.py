"""Reading an ArchiMate 3.x Model Exchange file (from Archi or another tool) into the canonical dict.

What Varanto holds is taken, by the mapping `export` writes: application components are systems,
business processes processes (a leading code such as "02.03" becomes the process's code), products
marked as data resources ("Tietovaranto") resources, flows between systems interfaces, serving
relations the systems a process or resource uses and the processes a resource serves, flows and
triggers between processes inputs, specialisation (or composition and aggregation) the parent
process, and the actor associated with a resource its section. Properties named as the XLSX/CSV
columns are read by the same codecs. Everything else is left out and reported, by type.
The XML is read through `limits.xml_parse` (no DTDs, no entities) after the size check.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree.ElementTree import Element

from varanto.core.keys import make_key

from ...canonical import FORMAT
from ...limits import file_size_check, xml_parse
from ...validation import CatalogError
from ..notes import Note
from ..tables.cells import CellError
from ..tables.layout import INTERFACES, PROCESSES, RESOURCES, SYSTEMS, Table
from ..tables.sheets import set_path
from .export import DATA_RESOURCE_PROPERTY, NOT_PROPERTIES
from .schema import NAMESPACE, XML_LANG, XSI

TYPE = f"{{{XSI}}}type"
CODE = re.compile(r"^(\d+(?:[.\s]\d+)*)\s+(\S.*)$")  # "02.03 Asiakirjahallinta"
KEY_HEADING = "Tunniste"
# What a property marking a product as a data resource may say.
MARKS = {"kyllä", "yes", "true", "1", "tietovaranto", "data resource"}
DEFAULT_SECTION = {"key": "muut", "name": "Muut"}
PARENT_DOWN = {"Composition", "Aggregation"}  # parent → child
PROCESS_INPUTS = {"Flow", "Triggering"}
SERVICES = {"ApplicationService", "BusinessService"}


def _q(tag: str) -> str:
    return f"{{{NAMESPACE}}}{tag}"


@dataclass
class Concept:
    identifier: str
    type: str
    names: dict[str, str]  # language -> text
    documentation: str
    properties: dict[str, str]
    source: str = ""
    target: str = ""

    @property
    def name(self) -> str:
        return self.names.get("fi") or next(iter(self.names.values()), "") or self.identifier


def _texts(node: Element, tag: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for child in node.findall(_q(tag)):
        language = child.get(XML_LANG) or "fi"
        out.setdefault(language[:2], (child.text or "").strip())
    return out


def _concept(node: Element, definitions: dict[str, str]) -> Concept:
    properties = {}
    for prop in node.findall(f"{_q('properties')}/{_q('property')}"):
        name = definitions.get(prop.get("propertyDefinitionRef") or "", "")
        value = next(iter(_texts(prop, "value").values()), "")
        if name:
            properties[name] = value
    documentation = _texts(node, "documentation")
    return Concept(
        identifier=node.get("identifier") or "",
        type=node.get(TYPE) or "",
        names=_texts(node, "name"),
        documentation=documentation.get("fi") or next(iter(documentation.values()), ""),
        properties=properties,
        source=node.get("source") or "",
        target=node.get("target") or "",
    )


@dataclass
class _Reading:
    notes: list[Note] = field(default_factory=list)
    keys: dict[str, set[str]] = field(default_factory=dict)

    def key(self, kind: str, concept: Concept, name: str) -> str:
        taken = self.keys.setdefault(kind, set())
        wanted = concept.properties.get(KEY_HEADING) or name
        return make_key(wanted, taken)

    def record(self, kind: str, concept: Concept, table: Table, name: str, *, text: str = "purpose") -> dict:
        record: dict = {"key": self.key(kind, concept, name), "name": name}
        if concept.documentation:
            record[text] = concept.documentation
        translations = {lang: {"name": t} for lang, t in concept.names.items() if lang in ("sv", "en") and t}
        if translations:
            record["translations"] = translations
        headings = {c.heading.casefold(): c for c in table.columns if c.path not in NOT_PROPERTIES}
        for heading, value in concept.properties.items():
            column = headings.get(heading.casefold())
            if column is None or column.path == "key" or not value:
                continue
            try:
                set_path(record, column.path, column.codec.read(value))
            except CellError as exc:
                self.notes.append(Note(f"{concept.type} {name!r}: property {heading!r} not read ({exc})"))
        return record


def _is_data_resource(concept: Concept) -> bool:
    return concept.type == "Product" and any(
        name.casefold() in (DATA_RESOURCE_PROPERTY.casefold(), "tyyppi", "type") and value.strip().casefold() in MARKS
        for name, value in concept.properties.items()
    )


def read_archimate(source: Path | bytes, *, place: str | None = None) -> tuple[dict, list[Note]]:
    """The canonical catalogue in an exchange file, and what was left out; CatalogError if it is no such file."""
    where = place or (str(source) if isinstance(source, Path) else "the ArchiMate file")
    data = source.read_bytes() if isinstance(source, Path) else source
    file_size_check(Path(where), len(data))
    root = xml_parse(data, where)
    if root.tag != _q("model"):
        raise CatalogError([f"{where}: not an ArchiMate exchange file (its root is {root.tag!r}, not model)"])
    definitions = {
        d.get("identifier") or "": next(iter(_texts(d, "name").values()), "")
        for d in root.iter(_q("propertyDefinition"))
    }
    elements = [_concept(n, definitions) for n in root.findall(f"{_q('elements')}/{_q('element')}")]
    relations = [_concept(n, definitions) for n in root.findall(f"{_q('relationships')}/{_q('relationship')}")]
    model_name = next(iter(_texts(root, "name").values()), "") or "ArchiMate"
    return _catalog(model_name, elements, relations, root)


def _catalog(model_name: str, elements: list[Concept], relations: list[Concept], root: Element) -> tuple[dict, list]:
    reading = _Reading()
    by_id = {e.identifier: e for e in elements}
    systems, processes, resources = {}, {}, {}
    system_names: set[str] = set()
    for concept in elements:
        if concept.type == "ApplicationComponent":
            name = concept.name
            if name.casefold() in system_names:  # system names are unique in a catalogue
                name = f"{name} ({concept.identifier})"
            system_names.add(name.casefold())
            systems[concept.identifier] = reading.record("systems", concept, SYSTEMS, name)
        elif concept.type == "BusinessProcess":
            code, name = (m.group(1), m.group(2)) if (m := CODE.match(concept.name)) else ("", concept.name)
            record = reading.record("processes", concept, PROCESSES, name)
            if code:
                record["code"] = code
            record.update(parent=None, systems=[], inputs=[])
            processes[concept.identifier] = record
        elif _is_data_resource(concept):
            resources[concept.identifier] = reading.record("resources", concept, RESOURCES, concept.name)
            resources[concept.identifier].update(systems=[], processes=[])

    sections: dict[str, dict] = {}
    interfaces: list[dict] = []
    used_actors: set[str] = set()
    left_out: Counter[str] = Counter()
    # A system realising a service that serves a process serves the process (ArchiMate's derivation).
    realised_by: dict[str, list[str]] = {}
    for rel in relations:
        if rel.type == "Realization" and rel.source in systems and by_id.get(rel.target) is not None:
            if by_id[rel.target].type in SERVICES:
                realised_by.setdefault(rel.target, []).append(rel.source)
    for rel in relations:
        if rel.type == "Serving" and rel.source in realised_by and rel.target in processes:
            wanted = [systems[c]["name"] for c in realised_by[rel.source]]
            processes[rel.target]["systems"] += [n for n in wanted if n not in processes[rel.target]["systems"]]
    for rel in relations:
        source, target = by_id.get(rel.source), by_id.get(rel.target)
        if _relation(rel, source, target, systems, processes, resources, sections, interfaces, reading):
            used_actors.update(c.identifier for c in (source, target) if c is not None and c.type == "BusinessActor")
        else:
            left_out[rel.type or "relationship"] += 1

    for resource in resources.values():
        resource.setdefault("section", DEFAULT_SECTION["key"])
    if any(r["section"] == DEFAULT_SECTION["key"] for r in resources.values()):
        sections[DEFAULT_SECTION["key"]] = dict(DEFAULT_SECTION)
    kept = set(systems) | set(processes) | set(resources) | used_actors
    elements_left = Counter(e.type for e in elements if e.identifier not in kept)
    reading.notes += _left_out_notes(elements_left, left_out, len(root.findall(f".//{_q('view')}")))
    catalog = {
        "format": FORMAT,
        "organization": {"name": model_name},
        "sections": list(sections.values()),
        "resources": list(resources.values()),
        "systems": list(systems.values()),
        "processes": list(processes.values()),
        "interfaces": interfaces,
    }
    return catalog, reading.notes


def _relation(rel, source, target, systems, processes, resources, sections, interfaces, reading) -> bool:
    """Take one relationship into the records it joins; False when Varanto has no place for it."""
    if source is None or target is None:
        return False
    s, t = source.identifier, target.identifier
    # A flow between systems is an interface; so is one system serving another (an integration).
    if rel.type in ("Flow", "Serving") and s in systems and t in systems and s != t:
        ends = f"{systems[s]['name']} {systems[t]['name']}"  # an interface's key, unless the file gives one
        interface = reading.record("interfaces", rel, INTERFACES, ends, text="description")
        interface.update({"from": systems[s]["name"], "to": systems[t]["name"], "name": rel.name if rel.names else ""})
        interfaces.append(interface)
        return True
    if rel.type == "Serving" and s in systems and t in processes:
        if systems[s]["name"] not in processes[t]["systems"]:
            processes[t]["systems"].append(systems[s]["name"])
        return True
    if rel.type == "Serving" and s in systems and t in resources:
        resources[t]["systems"].append(
            {"name": systems[s]["name"], "usage": rel.names.get("fi", "") if rel.names else ""}
        )
        return True
    if rel.type == "Serving" and s in resources and t in processes:
        resources[s]["processes"].append(processes[t]["key"])
        return True
    if rel.type in PROCESS_INPUTS and s in processes and t in processes and s != t:
        processes[t]["inputs"].append(processes[s]["key"])
        return True
    if rel.type == "Specialization" and s in processes and t in processes and s != t:
        processes[s]["parent"] = processes[t]["key"]
        return True
    if rel.type in PARENT_DOWN and s in processes and t in processes and s != t:
        processes[t]["parent"] = processes[s]["key"]
        return True
    if rel.type in ("Association", "Assignment") and source.type == "BusinessActor":
        if t in resources:
            key = make_key(source.name)
            sections.setdefault(key, {"key": key, "name": source.name})
            resources[t]["section"] = key
            return True
        if t in systems or t in processes:
            record = systems.get(t) or processes[t]
            record.setdefault("responsible", {"title": "", "organization": "", "unit": ""})["unit"] = source.name
            return True
    return False


def _left_out_notes(elements: Counter, relations: Counter, views: int) -> list[Note]:
    """What the file holds that Varanto does not, by type: always said, so nothing is lost unnoticed."""

    def listed(counts: Counter) -> str:
        return ", ".join(f"{n} {kind}" for kind, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))

    notes = []
    if elements:
        notes.append(Note(f"left out {sum(elements.values())} elements Varanto does not hold: {listed(elements)}"))
    if relations:
        notes.append(Note(f"left out {sum(relations.values())} relationships: {listed(relations)}"))
    if views:
        notes.append(Note(f"left out {views} views (Varanto makes its own from the model)"))
    return notes
