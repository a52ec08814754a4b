"""A JHS 191 file, or a task classification (a CSV of code and title), read into a whole canonical
catalogue: the organisation's present catalogue with the file's records management plan in it, so
that the import writes the plan and changes nothing else.

Classes the organisation has and the file does not are kept in the plan (a classification imported
before, its heading classes), and give the file's classes their parents; a document type's system
is the organisation's system of that name when there is one.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from varanto.catalog.models import Organization, TaskClass
from varanto.catalog.selectors import organization_find
from varanto.core.keys import make_key

from .canonical import FORMAT, catalog_export
from .formats.jhs191 import parents_set, plan_sorted, read_plan
from .formats.notes import Note
from .limits import decode_bom, file_size_check
from .validation import CatalogError

CODE = re.compile(r"^\d+([ .]\d+)*$")  # "10", "10 03", "10 03 03" (or with dots)


def _organization(name: str) -> Organization | None:
    return organization_find(name) if name else None


def _catalog_of(organization: Organization | None, name: str) -> dict:
    if organization is not None:
        return catalog_export(organization)
    return {"format": FORMAT, "organization": {"name": name}, "sections": [], "resources": [], "systems": []}


def looks_like_classification(path: Path) -> bool:
    """Whether a CSV file's first row is a task class: a code such as "00 01" and a title."""
    with path.open("rb") as file:
        head = file.read(500)
    text = (decode_bom(head) or (head.decode("utf-8", "replace"), ""))[0]
    first = next(csv.reader(io.StringIO(text)), [])
    return len(first) == 2 and bool(CODE.match(first[0].strip()))


def read_classification(path: Path, organization_name: str | None) -> tuple[dict, list[Note]]:
    """A task classification (tehtäväluokitus) as rows of code and title, no heading row."""
    file_size_check(path)
    raw = path.read_bytes()
    text = (decode_bom(raw) or (raw.decode("utf-8", "replace"), ""))[0]
    if not organization_name:
        raise CatalogError([f"{path}: a task classification names no organisation; give it with --organization"])
    organization = _organization(organization_name)
    catalog = _catalog_of(organization, organization_name)
    plan = catalog.setdefault("records_management", {"task_classes": [], "actions": [], "document_types": []})
    by_code = {c["code"]: c for c in plan["task_classes"]}
    keys = {c["key"] for c in plan["task_classes"]}
    errors, read = [], []
    for line, row in enumerate(csv.reader(io.StringIO(text)), start=1):
        if not any(cell.strip() for cell in row):
            continue
        code, title = (row[0].strip(), row[1].strip()) if len(row) == 2 else ("", "")
        if not CODE.match(code) or not title:
            errors.append(f"{path}, line {line}: expected a code (e.g. 00 01) and a title, got {','.join(row)[:80]!r}")
            continue
        item = by_code.get(code)
        if item is None:
            key = make_key(code, keys)
            keys.add(key)
            item = by_code[code] = {"key": key, "code": code, "name": title, "parent": None}
        item["name"] = title
        read.append(item)
    if errors:
        raise CatalogError(errors)
    parents_set(read, list(by_code.values()))
    plan["task_classes"] = plan_sorted(list(by_code.values()))
    return catalog, []


def read_jhs191(path: Path, organization_name: str | None) -> tuple[dict, list[Note]]:
    file_size_check(path)
    found: dict[str, Organization | None] = {}

    def class_keys(named: str) -> dict[str, str]:
        found["organization"] = organization = _organization(organization_name or named)
        if organization is None:
            return {}
        return dict(TaskClass.objects.filter(organization=organization).values_list("code", "key"))

    plan, named, notes = read_plan(path.read_bytes(), str(path), class_keys=class_keys)
    catalog = _catalog_of(found.get("organization"), organization_name or named or path.stem)
    held = {c["code"] for c in plan["task_classes"]}
    kept = [c for c in (catalog.get("records_management") or {}).get("task_classes", []) if c["code"] not in held]
    parents_set(plan["task_classes"], [*kept, *plan["task_classes"]])
    systems = {s["name"].casefold(): s["name"] for s in catalog["systems"]}
    for document in plan["document_types"]:
        system = systems.get(document["system_name"].casefold())
        document["system"] = system
        if system:
            document["system_name"] = ""
    plan["task_classes"] = plan_sorted([*kept, *plan["task_classes"]])
    catalog["records_management"] = plan
    return catalog, notes
