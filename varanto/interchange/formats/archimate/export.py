"""The catalogue as an ArchiMate 3.1 Model Exchange file, as Espoo keeps its model in Archi.

Made from the canonical dict (so a public export holds only what is public):

| Varanto | ArchiMate |
|---|---|
| organisation, section, outside responsible organisation | BusinessActor (sections compose the organisation) |
| process (code at the start of the name) | BusinessProcess; sub-process —Specialization→ parent; input —Flow→ process |
| task class (tehtäväluokka) | BusinessFunction; process —Serving→ task class |
| data resource | Product with the property "Tietovaranto" = "kyllä" |
| information system | ApplicationComponent; system —Serving→ process and resource |
| system interface (liittymä) | Flow system → system, its fields as properties |
| responsibility | Association "vastaa" from the actor |

Other fields are properties named by their XLSX/CSV column heading and written by the same cell codec,
so Archi shows them in the words of the file format. Each data resource gets a generated view of its
actor, systems and processes. The file is validated against the Open Group's schemas before it is
returned (`schema.schema_errors`); an invalid one is a bug, raised as such.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from varanto.core.keys import make_key

from ..tables.cells import Refs
from ..tables.layout import INTERFACES, PROCESSES, RESOURCES, SECTIONS, SYSTEMS, Table
from ..tables.sheets import catalog_refs
from .schema import NAMESPACE, XML_LANG, XSI, schema_errors

MEDIA_TYPE = "application/xml"
DATA_RESOURCE_PROPERTY = "Tietovaranto"
YES = "kyllä"
RESPONSIBILITY = "vastaa"
# Written as relationships or as the element's name and documentation, not as properties.
NOT_PROPERTIES = {
    "name",
    "description",
    "purpose",
    "section",
    "systems",
    "processes",
    "parent",
    "inputs",
    "from",
    "to",
    "task_class",
}
DOCUMENTATION = ("purpose", "description")


def _q(tag: str) -> str:
    return f"{{{NAMESPACE}}}{tag}"


@dataclass
class _Model:
    """The elements and relationships being written, with the property definitions they use."""

    language: str
    refs: Refs
    elements: list[etree._Element] = field(default_factory=list)
    relationships: list[tuple[str, str, str, str, etree._Element]] = field(default_factory=list)
    properties: dict[str, str] = field(default_factory=dict)  # name -> identifier

    def texts(self, parent: etree._Element, tag: str, text: str, translations: dict | None = None, attr=None):
        node = etree.SubElement(parent, _q(tag), {XML_LANG: self.language})
        node.text = text
        for language, texts in (translations or {}).items():
            if attr and texts.get(attr):
                etree.SubElement(parent, _q(tag), {XML_LANG: language}).text = texts[attr]

    def property_ref(self, name: str) -> str:
        return self.properties.setdefault(name, f"propid-{len(self.properties) + 1}")

    def add_properties(self, node: etree._Element, pairs: list[tuple[str, str]]) -> None:
        pairs = [(n, v) for n, v in pairs if v]
        if not pairs:
            return
        holder = etree.SubElement(node, _q("properties"))
        for name, value in pairs:
            prop = etree.SubElement(holder, _q("property"), propertyDefinitionRef=self.property_ref(name))
            etree.SubElement(prop, _q("value"), {XML_LANG: self.language}).text = value

    def element(
        self, identifier: str, kind: str, name: str, record: dict | None = None, table: Table | None = None, extra=()
    ) -> str:
        node = etree.Element(_q("element"), {"identifier": identifier, f"{{{XSI}}}type": kind})
        self.texts(node, "name", name or identifier, (record or {}).get("translations"), "name")
        documentation = next((record[d] for d in DOCUMENTATION if record and record.get(d)), "")
        if documentation:
            self.texts(node, "documentation", documentation)
        pairs = self.record_properties(record, table) if record and table else []
        self.add_properties(node, [*extra, *pairs])
        self.elements.append(node)
        return identifier

    def record_properties(self, record: dict, table: Table) -> list[tuple[str, str]]:
        """The record's other fields, as the table writes them, by their column headings."""
        pairs = []
        for column in table.columns:
            if column.path in NOT_PROPERTIES:
                continue
            value = _path(record, column.path)
            if value is None or value == [] or value == "":
                continue
            text = column.codec.write(value, self.refs)
            pairs.append((column.heading, str(text) if text is not None else ""))
        return pairs

    def relationship(self, kind: str, source: str | None, target: str | None, name: str = "", pairs=()) -> None:
        if source is None or target is None:
            return
        identifier = f"id-rel-{len(self.relationships) + 1}"
        node = etree.Element(
            _q("relationship"),
            {"identifier": identifier, "source": source, "target": target, f"{{{XSI}}}type": kind},
        )
        if name:
            self.texts(node, "name", name)
        self.add_properties(node, list(pairs))
        self.relationships.append((identifier, kind, source, target, node))


def _path(record: dict, path: str):
    value: object = record
    for part in path.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    return value


def _ids(prefix: str, records: list[dict]) -> dict[str, str]:
    return {r["key"]: f"id-{prefix}-{r['key']}" for r in records}


def catalog_archimate(catalog: dict) -> bytes:
    """The catalogue as a schema-valid exchange file (UTF-8 bytes)."""
    languages = catalog["organization"].get("languages") or ["fi"]
    model = _Model(language=languages[0], refs=catalog_refs(catalog))
    organization = model.element("id-organization", "BusinessActor", catalog["organization"]["name"])

    sections = _ids("section", catalog["sections"])
    by_section_name = {s["name"].casefold(): sections[s["key"]] for s in catalog["sections"]}
    for section in catalog["sections"]:
        model.element(sections[section["key"]], "BusinessActor", section["name"], section, SECTIONS)
        model.relationship("Composition", organization, sections[section["key"]])

    outside: dict[str, str] = {}
    taken: set[str] = set()

    def responsible(record: dict) -> str | None:
        """The actor answering for a system or process: its unit if that is a section, else the outside organisation."""
        who = record.get("responsible") or {}
        if (who.get("unit") or "").casefold() in by_section_name:
            return by_section_name[who["unit"].casefold()]
        name = (who.get("organization") or "").strip()
        if not name:
            return None
        if name.casefold() not in outside:
            outside[name.casefold()] = model.element(f"id-actor-{make_key(name, taken)}", "BusinessActor", name)
        return outside[name.casefold()]

    systems = _ids("system", catalog["systems"])
    system_by_name = {s["name"].casefold(): systems[s["key"]] for s in catalog["systems"]}
    for system in catalog["systems"]:
        model.element(systems[system["key"]], "ApplicationComponent", system["name"], system, SYSTEMS)
        model.relationship("Association", responsible(system), systems[system["key"]], RESPONSIBILITY)

    resources = _ids("resource", catalog["resources"])
    for resource in catalog["resources"]:
        identifier = model.element(
            resources[resource["key"]],
            "Product",
            resource["name"],
            resource,
            RESOURCES,
            [(DATA_RESOURCE_PROPERTY, YES)],
        )
        model.relationship("Association", sections.get(resource["section"]), identifier, RESPONSIBILITY)
        for link in resource.get("systems", []):
            model.relationship(
                "Serving", system_by_name.get(link["name"].casefold()), identifier, link.get("usage", "")
            )

    functions = _task_classes(model, catalog)
    processes = _ids("process", catalog.get("processes", []))
    for process in catalog.get("processes", []):
        name = " ".join(p for p in (process.get("code", ""), process["name"]) if p)
        identifier = model.element(processes[process["key"]], "BusinessProcess", name, process, PROCESSES)
        model.relationship("Association", responsible(process), identifier, RESPONSIBILITY)
        if process.get("parent"):
            model.relationship("Specialization", identifier, processes.get(process["parent"]))
        for key in process.get("inputs", []):
            model.relationship("Flow", processes.get(key), identifier)
        for system_name in process.get("systems", []):
            model.relationship("Serving", system_by_name.get(system_name.casefold()), identifier)
        if process.get("task_class"):
            model.relationship("Serving", identifier, functions.get(process["task_class"]))
    for resource in catalog["resources"]:
        for key in resource.get("processes", []):
            model.relationship("Serving", resources[resource["key"]], processes.get(key))

    for interface in catalog.get("interfaces", []):
        model.relationship(
            "Flow",
            system_by_name.get(interface["from"].casefold()),
            system_by_name.get(interface["to"].casefold()),
            interface.get("name") or interface.get("data", ""),
            model.record_properties(interface, INTERFACES),
        )

    document = _document(model, catalog, resources)
    errors = schema_errors(document)
    if errors:
        raise ValueError("the ArchiMate export is not valid against the exchange schema: " + "; ".join(errors[:5]))
    return document


def _task_classes(model: _Model, catalog: dict) -> dict[str, str]:
    """Task classes (tehtäväluokat) of the records management plan as business functions, "code name"
    as Espoo names them; a sub-class is an aggregation of its parent."""
    classes = (catalog.get("records_management") or {}).get("task_classes", [])
    functions = {}
    for task_class in classes:
        name = " ".join(p for p in (task_class.get("code", ""), task_class.get("name", "")) if p)
        functions[task_class["key"]] = model.element(f"id-taskclass-{task_class['key']}", "BusinessFunction", name)
    for task_class in classes:
        if task_class.get("parent"):
            model.relationship("Aggregation", functions.get(task_class["parent"]), functions[task_class["key"]])
    return functions


def _document(model: _Model, catalog: dict, resources: dict[str, str]) -> bytes:
    root = etree.Element(_q("model"), {"identifier": "id-model"}, nsmap={None: NAMESPACE, "xsi": XSI})
    model.texts(root, "name", catalog["organization"]["name"])
    model.texts(root, "documentation", "Tiedonhallintamalli (Varanto, varanto.catalog/1).")
    etree.SubElement(root, _q("elements")).extend(model.elements)
    if model.relationships:
        etree.SubElement(root, _q("relationships")).extend(r[4] for r in model.relationships)
    if model.properties:
        definitions = etree.SubElement(root, _q("propertyDefinitions"))
        for name, identifier in model.properties.items():
            definition = etree.SubElement(definitions, _q("propertyDefinition"), identifier=identifier, type="string")
            etree.SubElement(definition, _q("name")).text = name
    views = [_resource_view(model, resource, resources[resource["key"]]) for resource in catalog["resources"]]
    if views:
        etree.SubElement(etree.SubElement(root, _q("views")), _q("diagrams")).extend(views)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _resource_view(model: _Model, resource: dict, identifier: str) -> etree._Element:
    """A diagram of one data resource: it in the middle, what it is related to around it."""
    related = [r for r in model.relationships if identifier in (r[2], r[3])]
    others = list(dict.fromkeys(r[3] if r[2] == identifier else r[2] for r in related))
    view_id = f"id-view-{resource['key']}"
    view = etree.Element(_q("view"), {"identifier": view_id, f"{{{XSI}}}type": "Diagram"})
    model.texts(view, "name", f"{DATA_RESOURCE_PROPERTY}: {resource['name']}")
    nodes = {identifier: f"{view_id}-n0"}
    _node(view, nodes[identifier], identifier, 40 + 160 * max(len(others) - 1, 0) // 2, 40)
    for i, other in enumerate(others, start=1):
        nodes[other] = f"{view_id}-n{i}"
        _node(view, nodes[other], other, 40 + 160 * (i - 1), 200)
    for rel_id, _kind, source, target, _node_xml in related:
        etree.SubElement(
            view,
            _q("connection"),
            {
                "identifier": f"{view_id}-{rel_id}",
                "relationshipRef": rel_id,
                f"{{{XSI}}}type": "Relationship",
                "source": nodes[source],
                "target": nodes[target],
            },
        )
    return view


def _node(view: etree._Element, identifier: str, element: str, x: int, y: int) -> None:
    attributes = {"identifier": identifier, "elementRef": element, f"{{{XSI}}}type": "Element"}
    etree.SubElement(view, _q("node"), {**attributes, "x": str(x), "y": str(y), "w": "140", "h": "60"})
