"""The records management plan of a canonical catalogue as JHS 191 XML, valid against the standard schema.

The standard requires of every class a handling process with its usage restrictions (publicity
class, personal data), its retention (period and reason) and at least one phase; a document type
takes what it does not give itself from its class (the lower level refines, JHS 191 7.4). A class
that lacks any of it is named in the export's report and left out, never written invalid; a class
with nothing of a handling process (a heading such as "10 Henkilöstöasiat") is counted apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree
from lxml.etree import Element, SubElement, indent, tostring

from .schema import NS, tree_errors

RESTRICTIONS = (  # (canonical key, element), in the schema's order
    ("publicity_class", "JulkisuusluokkaKoodi"),
    ("protection_level", "SuojaustasoKoodi"),
    ("security_class", "TurvallisuusluokkaKoodi"),
    ("personal_data", "HenkilotietoluonneKoodi"),
    ("secrecy_period", "SalassapitoAikaArvo"),
    ("secrecy_ground", "SalassapitoPerusteTeksti"),
    ("secrecy_counting", "SalassapidonLaskentaperusteTeksti"),
)
RETENTION = (
    ("period", "SailytysajanPituusArvo"),
    ("reason", "SailytysajanPerusteTeksti"),
    ("counting", "SailytysajanLaskentaperusteTeksti"),
)
REQUIRED = (  # what the standard requires of a handling process, with how the report names it
    ("restrictions", "publicity_class", "publicity class"),
    ("restrictions", "personal_data", "personal data"),
    ("retention", "period", "retention period"),
    ("retention", "reason", "retention reason"),
)


@dataclass
class PlanExport:
    """The XML, and what was left out of it and why (each class named)."""

    xml: bytes
    written: int = 0
    headings: list[str] = field(default_factory=list)  # classes with no handling process at all
    incomplete: list[str] = field(default_factory=list)  # "10 03 03 Title: no retention period, …"

    def report(self) -> list[str]:
        lines = [f"{self.written} task classes written."]
        if self.headings:
            lines.append(f"{len(self.headings)} heading classes without a handling process left out.")
        lines += [f"Left out, incomplete for the JHS 191 schema: {c}" for c in self.incomplete]
        return lines


def _q(name: str) -> str:
    return f"{{{NS}}}{name}"


def _text(parent: etree._Element, name: str, value) -> None:
    if value not in (None, ""):
        SubElement(parent, _q(name)).text = str(value)


def _title(parent: etree._Element, item: dict) -> None:
    title = SubElement(parent, _q("Nimeke"))
    texts = {"fi": item["name"]} | {
        lang: t["name"] for lang, t in (item.get("translations") or {}).items() if t.get("name")
    }
    for language, text in texts.items():
        kielella = SubElement(title, _q("NimekeKielella"), {_q("kieliKoodi"): language})
        SubElement(kielella, _q("NimekeTeksti")).text = text


def _merged(own: dict, inherited: dict) -> dict:
    """A document type's restrictions or retention: its own values, the class's where it gives none."""
    return {k: own.get(k) if own.get(k) not in (None, "") else inherited.get(k) for k in {*own, *inherited}}


def _restrictions(parent: etree._Element, values: dict) -> None:
    element = SubElement(parent, _q("Kayttorajoitustiedot"))
    for key, name in RESTRICTIONS:
        _text(element, name, values.get(key))


def _retention(parent: etree._Element, values: dict) -> None:
    element = SubElement(parent, _q("Sailytysaikatiedot"))
    for key, name in RETENTION:
        _text(element, name, values.get(key))


def _missing(task_class: dict, phases: list[dict]) -> list[str]:
    missing = [label for group, key, label in REQUIRED if (task_class.get(group) or {}).get(key) in (None, "")]
    if not phases:
        missing.append("no phase")
    return missing


def _is_heading(task_class: dict, phases: list[dict]) -> bool:
    held = [v for group in ("restrictions", "retention") for v in (task_class.get(group) or {}).values()]
    return not phases and all(v in (None, "") for v in held)


def plan_xml(catalog: dict, *, validate: bool = True) -> PlanExport:
    """The catalogue's plan as JHS 191 XML (with the classes it could not write named); the file is
    checked against the standard schema, and a failure there is a bug, raised as AssertionError."""
    plan = catalog.get("records_management") or {}
    organization = catalog["organization"]
    actions_in: dict[str | None, list[dict]] = {}
    phases_of: dict[str, list[dict]] = {}
    for action in plan.get("actions", []):
        if action.get("parent"):
            actions_in.setdefault(action["parent"], []).append(action)
        else:
            phases_of.setdefault(action["task_class"], []).append(action)
    documents_in: dict[str, list[dict]] = {}
    for document in plan.get("document_types", []):
        documents_in.setdefault(document["action"], []).append(document)

    root = Element(_q("Tos"), nsmap={"tos": NS})
    info = SubElement(root, _q("TosTiedot"), {_q("id"): "tos"})
    _title(info, {"name": f"{organization['name']}: tiedonohjaussuunnitelma"})
    registry = (organization.get("information_requests") or {}).get("registry_office") or {}
    SubElement(info, _q("YhteyshenkiloNimi")).text = registry.get("name") or organization["name"]
    SubElement(info, _q("TosVersio")).text = "1"
    _text(info, "OrganisaatioNimi", organization["name"])
    export = PlanExport(xml=b"")

    def action_element(parent: etree._Element, action: dict, task_class: dict) -> None:
        element = SubElement(parent, _q("Toimenpidetiedot"), {_q("id"): action["key"]})
        _text(element, "ToimenpideluokkaTeksti", action.get("action_class") or action["name"])
        _text(element, "ToimenpiteenKuvausTeksti", action.get("description"))
        _text(element, "TietojarjestelmaNimi", action.get("system_name"))
        for child in actions_in.get(action["key"], []):
            action_element(element, child, task_class)
        if actions_in.get(action["key"]):
            return  # the schema lets an action hold actions or document types, not both
        for document in documents_in.get(action["key"], []):
            record = SubElement(element, _q("Asiakirjatieto"), {_q("id"): document["key"]})
            _restrictions(record, _merged(document.get("restrictions") or {}, task_class.get("restrictions") or {}))
            _retention(record, _merged(document.get("retention") or {}, task_class.get("retention") or {}))
            SubElement(record, _q("AsiakirjaluokkaTeksti")).text = document["document_class"]
            if document["name"] != document["document_class"]:
                _text(record, "AsiakirjaluokkaTarkenneTeksti", document["name"])
            _text(record, "TietojarjestelmaNimi", document.get("system") or document.get("system_name"))

    for task_class in plan.get("task_classes", []):
        phases = phases_of.get(task_class["key"], [])
        if _is_heading(task_class, phases):
            export.headings.append(f"{task_class['code']} {task_class['name']}")
            continue
        if missing := _missing(task_class, phases):
            export.incomplete.append(f"{task_class['code']} {task_class['name']}: {', '.join(missing)}")
            continue
        luokka = SubElement(root, _q("Luokka"), {_q("id"): task_class["key"]})
        SubElement(luokka, _q("Luokitustunnus")).text = task_class["code"]
        _title(luokka, task_class)
        _text(luokka, "LuokitusKuvausTeksti", task_class.get("description"))
        process = SubElement(luokka, _q("KasittelyprosessiTiedot"), {_q("id"): f"{task_class['key']}-kasittely"})
        _text(process, "TietojarjestelmaNimi", task_class.get("system_name"))
        _restrictions(process, task_class.get("restrictions") or {})
        _retention(process, task_class.get("retention") or {})
        for phase in phases:
            action_element(process, phase, task_class)
        export.written += 1
    indent(root)
    export.xml = tostring(root, encoding="utf-8", xml_declaration=True)
    if validate and export.written:
        errors = tree_errors(root)
        assert not errors, f"the JHS 191 export is invalid: {errors[:5]}"
    return export
