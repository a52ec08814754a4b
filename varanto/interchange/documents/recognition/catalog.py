"""A recognition into the canonical catalogue dict that `interchange.services.catalog_import` writes."""

from __future__ import annotations

import re
from typing import Any

from varanto.core.keys import make_key

from ...canonical import FORMAT
from ...textpage.wording import classify_api, classify_disclosure, classify_retention, parse_responsible, split_items
from .model import RecognisedResource, Recognition

URL = re.compile(r"https?://[^\s)>\]]+")
DEFAULT_SECTION = "Tietovarannot"
NAME_LENGTH, USAGE_LENGTH = 200, 300  # the model's limits; a longer text is kept whole in notes


def _fits(text: str, limit: int) -> bool:
    return len(text) <= limit


def _clipped(name: str) -> str:
    return name if _fits(name, NAME_LENGTH) else name[: NAME_LENGTH - 1].rstrip() + "…"


def _list(resource: RecognisedResource, fld: str) -> list[str]:
    located = resource.fields.get(fld)
    if located is None:
        return []
    if located.items:
        return [item.rstrip(".,;") for item in located.items]
    return [item for line in located.text.split("\n") for item in split_items(line)]


def _text(resource: RecognisedResource, fld: str) -> str:
    located = resource.fields.get(fld)
    return located.text.strip() if located else ""


def resource_entry(resource: RecognisedResource, section_key: str, keys: set[str]) -> dict[str, Any]:
    """One resource in the canonical format. A description paragraph is its purpose when no purpose is
    labelled; text no field claimed goes into its notes."""
    purpose = _text(resource, "purpose")
    description = _text(resource, "description")
    notes = [n.text for n in resource.notes]
    if description and not purpose:
        purpose = description
    elif description:
        notes.insert(0, description)
    for fld, label in (("notes", ""), ("information_requests", "Tietopyynnöt"), ("privacy_notice", "Selosteet")):
        text = _text(resource, fld)
        if text and (fld != "privacy_notice" or not URL.search(text)):
            notes.append(f"{label}: {text}" if label else text)
    if not _fits(resource.name, NAME_LENGTH):
        notes.insert(0, resource.name)
    responsible = resource.responsible.text if resource.responsible else ""
    if not _fits(responsible, NAME_LENGTH):
        notes.append(f"Vastuu: {responsible}")
        responsible = ""
    systems = []
    for system in resource.systems:
        if _fits(system.name, NAME_LENGTH) and _fits(system.usage, USAGE_LENGTH):
            systems.append({"name": system.name, "usage": system.usage})
        else:
            notes.append(f"Tietojärjestelmä: {system.name} {system.usage}".strip())
    disclosure_text = _text(resource, "disclosure")
    level, recipients, _ = classify_disclosure(disclosure_text) if disclosure_text else (None, [], "")
    api_text = _text(resource, "api")
    availability = classify_api(api_text)[0] if api_text else None
    retention_text = "\n".join(t for t in (_text(resource, "retention"), _text(resource, "archiving")) if t)
    links = [
        {"title": "Tietosuojaseloste", "url": url, "kind": "privacy_notice"}
        for url in URL.findall(_text(resource, "privacy_notice"))
    ] + [{"title": url, "url": url, "kind": "web"} for url in URL.findall(_text(resource, "links"))]
    personal = _text(resource, "personal_data").casefold()
    privacy = _text(resource, "privacy_notice").casefold()
    return {
        "key": make_key(_clipped(resource.name), keys),
        "name": _clipped(resource.name),
        "section": section_key,
        "responsible": parse_responsible(responsible) if responsible else {},
        "purpose": purpose,
        "key_datasets": _list(resource, "key_datasets"),
        "disclosure": {"level": level, "recipients": recipients, "text": disclosure_text},
        "api": {"availability": availability, "text": api_text},
        "notes": "\n\n".join(n for n in notes if n),
        "systems": systems,
        "search_criteria": _list(resource, "search_criteria"),
        "keywords": _list(resource, "keywords"),
        "partners": [],
        "data_flows": [],
        "links": links,
        "personal_data": (
            True
            if re.match(r"^(kyllä|on|ja|yes)\b", personal)
            or "henkilö" in privacy
            or links
            and links[0]["kind"] == "privacy_notice"
            else False
            if re.match(r"^(ei|nej|no)\b", personal)
            else None
        ),
        "retention": classify_retention(retention_text)
        if retention_text
        else {"period": "", "archiving": None, "text": ""},
    }


def recognition_catalog(recognition: Recognition, organization_name: str | None = None) -> dict[str, Any]:
    """The canonical catalogue dict of what was recognised (organisation named by `organization_name`
    or by the recognition)."""
    name = organization_name or recognition.organization or ""
    section_keys: set[str] = set()
    sections: dict[str, dict[str, Any]] = {}
    descriptions: list[dict[str, str]] = []
    for section in recognition.sections:
        text = "\n\n".join(d.text for d in section.description)
        if not section.name:
            if text:
                descriptions.append({"title": "", "text": text})
            continue
        if section.name in sections:
            sections[section.name]["description"] = "\n\n".join(
                t for t in (sections[section.name]["description"], text) if t
            )
            continue
        sections[section.name] = {
            "key": make_key(_clipped(section.name), section_keys),
            "name": _clipped(section.name),
            "kind": "sector",
            "members": [],
            "description": text,
        }
    resources: list[dict[str, Any]] = []
    keys: set[str] = set()
    for resource in recognition.resources:
        section_name = resource.section or DEFAULT_SECTION
        if section_name not in sections:
            sections[section_name] = {
                "key": make_key(_clipped(section_name), section_keys),
                "name": _clipped(section_name),
                "kind": "sector",
                "members": [],
                "description": "",
            }
        resources.append(resource_entry(resource, sections[section_name]["key"], keys))
    # Sections that only held text keep it; the organisation's descriptions say what they said.
    used = {r["section"] for r in resources}
    for entry in list(sections.values()):
        if entry["key"] not in used:
            if entry["description"]:
                descriptions.append({"title": entry["name"], "text": entry["description"]})
            del sections[entry["name"]]
    system_names: dict[str, str] = {}
    for entry in resources:
        for system in entry["systems"]:
            system_names.setdefault(system["name"].casefold(), system["name"])
    system_keys: set[str] = set()
    return {
        "format": FORMAT,
        "organization": {"name": name, "updated": None, "descriptions": descriptions, "contacts": []},
        "sections": list(sections.values()),
        "resources": resources,
        "systems": [{"key": make_key(s, system_keys), "name": s} for s in system_names.values()],
        "open_data": {"datasets": [], "services": []},
    }
