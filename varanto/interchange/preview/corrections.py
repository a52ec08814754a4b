"""Corrections to what was recognised in a document (korjaukset), applied to its canonical catalogue.

They work on the canonical dict, whichever reader made it, so they survive a change of reader:

- {"kind": "not_resource", "resource": key}: the heading was no data resource; its name and texts go
  to its section's description (nothing is dropped);
- {"kind": "resource", "section": key, "paragraph": n}: paragraph n of the section's description is
  the heading of a data resource; the paragraph after it, if any, becomes its purpose;
- {"kind": "merge", "resource": key}: the resource is a part of the one before it;
- {"kind": "split", "resource": key, "name": str, "datasets": [n…], "systems": [n…]}: a new resource
  after it, taking the key data sets and systems chosen (by position);
- {"kind": "label", "label": str, "field": LabelField}: the organisation's documents use this label for
  the field (remembered as an ImportLabelMapping); a "Label: value" paragraph of a resource's notes
  goes to that field.

Two more go to the readers rather than the dict (`hints_of`): {"kind": "block", "block": n, "resource":
bool}, a heading block of a recognised description taken, or never taken, as a resource's name; and
{"kind": "allow_partial"}, read a description that looks cut short as it is.

A correction that no longer finds what it names is skipped and reported.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from varanto.core.keys import make_key

from ..models import LabelField
from ..textpage.systems import parse_systems
from ..textpage.wording import parse_responsible, split_items
from .reading import Hints

KINDS = ("not_resource", "resource", "merge", "split", "label", "block", "allow_partial")
READER_KINDS = ("block", "allow_partial")
MAX_CORRECTIONS = 500
LABELLED = re.compile(r"^\s*(?P<label>[^:\n/]{1,80}?)\s*:\s*(?P<value>\S.*)$", re.S)
LIST_FIELDS = {LabelField.KEY_DATASETS, LabelField.SEARCH_CRITERIA, LabelField.KEYWORDS}
TEXT_FIELDS = {LabelField.DISCLOSURE: "disclosure", LabelField.RETENTION: "retention"}


def label_fold(label: str) -> str:
    """A label as mappings keep it: lower case, single spaces, without its colon or list mark."""
    return " ".join(label.strip().lstrip("-–•*").strip().rstrip(":").split()).casefold()[:100]


@dataclass(frozen=True)
class UnknownLabel:
    """A "Label: value" paragraph in a resource's notes: a field the reader did not know."""

    label: str  # as written
    resource: str  # the resource's name
    value: str


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", text or "") if p.strip()]


def unknown_labels(catalog: dict) -> list[UnknownLabel]:
    """The labelled paragraphs left in the resources' notes, first occurrence of each label."""
    seen: set[str] = set()
    out = []
    for resource in catalog.get("resources", []):
        for paragraph in _paragraphs(resource.get("notes", "")):
            match = LABELLED.match(paragraph)
            if not match or not any(ch.isalpha() for ch in match["label"]) or match["label"].endswith("http"):
                continue
            folded = label_fold(match["label"])
            if folded not in seen:
                seen.add(folded)
                out.append(UnknownLabel(match["label"].strip(), resource["name"], match["value"].strip()))
    return out


def corrections_clean(corrections) -> list[dict]:
    """The corrections that are well formed (a draft's are stored as the back office posted them)."""
    out = []
    for item in corrections if isinstance(corrections, list) else []:
        if isinstance(item, dict) and item.get("kind") in KINDS:
            out.append(item)
    return out[:MAX_CORRECTIONS]


def hints_of(corrections: list[dict], labels: dict[str, str]) -> Hints:
    """What of the corrections the readers apply: the labels (the organisation's, then the draft's), the
    heading blocks taken or not as resources (the last word on a block counts), partial files allowed."""
    labels = dict(labels)
    blocks: dict[int, bool] = {}
    allow_partial = False
    for correction in corrections_clean(corrections):
        if correction["kind"] == "label" and correction.get("field") in LabelField.values:
            labels[label_fold(str(correction.get("label", "")))] = correction["field"]
        elif correction["kind"] == "block" and isinstance(correction.get("block"), int):
            blocks[correction["block"]] = bool(correction.get("resource"))
        elif correction["kind"] == "allow_partial":
            allow_partial = True
    return Hints(
        labels,
        frozenset(b for b, taken in blocks.items() if taken),
        frozenset(b for b, taken in blocks.items() if not taken),
        allow_partial,
    )


def corrections_apply(catalog: dict, corrections: list[dict], labels: dict[str, str]) -> tuple[dict, list[str]]:
    """A corrected copy of the catalogue, and what could not be applied. `labels` are the organisation's
    remembered label mappings (folded label → field); the corrections' own label mappings add to them."""
    catalog = copy.deepcopy(catalog)
    skipped: list[str] = []
    labels = dict(labels)
    for correction in corrections_clean(corrections):
        kind = correction["kind"]
        if kind == "label":
            if correction.get("field") in LabelField.values:
                labels[label_fold(str(correction.get("label", "")))] = correction["field"]
            continue
        if kind in READER_KINDS:
            continue  # applied by the readers (`hints_of`)
        done = {"not_resource": _not_resource, "resource": _resource, "merge": _merge, "split": _split}[kind](
            catalog, correction
        )
        if not done:
            skipped.append(
                _("A correction (%(kind)s) no longer matches the document; it was skipped.") % {"kind": kind}
            )
    if labels:
        _labels_apply(catalog, labels)
    return catalog, skipped


def _index(catalog: dict, key) -> int | None:
    for i, resource in enumerate(catalog["resources"]):
        if resource["key"] == key:
            return i
    return None


def _section(catalog: dict, key) -> dict | None:
    return next((s for s in catalog["sections"] if s["key"] == key), None)


def _texts(resource: dict) -> list[str]:
    """The resource's own words, to keep wherever it goes."""
    texts = [resource.get("purpose", "")]
    texts += resource.get("key_datasets", [])
    texts += [s["name"] + (f" ({s['usage']})" if s.get("usage") else "") for s in resource.get("systems", [])]
    texts.append(resource.get("notes", ""))
    return [t for t in texts if t]


def _not_resource(catalog: dict, correction: dict) -> bool:
    index = _index(catalog, correction.get("resource"))
    if index is None:
        return False
    resource = catalog["resources"].pop(index)
    section = _section(catalog, resource["section"])
    if section is not None:
        section["description"] = "\n\n".join(
            p for p in (section.get("description", ""), resource["name"], *_texts(resource)) if p
        )
    _datasets_forget(catalog, {resource["key"]})
    return True


def _resource(catalog: dict, correction: dict) -> bool:
    section = _section(catalog, correction.get("section"))
    paragraphs = _paragraphs(section.get("description", "")) if section else []
    n = correction.get("paragraph")
    if section is None or not isinstance(n, int) or not 0 <= n < len(paragraphs):
        return False
    name = paragraphs[n][:200]
    purpose = paragraphs[n + 1] if n + 1 < len(paragraphs) else ""
    section["description"] = "\n\n".join(paragraphs[:n] + paragraphs[n + 2 if purpose else n + 1 :])
    key = make_key(name, {r["key"] for r in catalog["resources"]})
    new = {"key": key, "name": name, "section": section["key"], "purpose": purpose}
    # After the section's last resource, so that the section's order stays.
    last = max((i for i, r in enumerate(catalog["resources"]) if r["section"] == section["key"]), default=None)
    catalog["resources"].insert(len(catalog["resources"]) if last is None else last + 1, new)
    return True


def _merge(catalog: dict, correction: dict) -> bool:
    index = _index(catalog, correction.get("resource"))
    if not index:  # None, or the first: nothing before it to merge into
        return False
    part = catalog["resources"].pop(index)
    whole = catalog["resources"][index - 1]
    whole["purpose"] = "\n\n".join(p for p in (whole.get("purpose", ""), part.get("purpose", "")) if p)
    for name in ("key_datasets", "search_criteria", "keywords", "links"):
        if part.get(name):
            whole[name] = [*whole.get(name, []), *(v for v in part[name] if v not in whole.get(name, []))]
    known = {s["name"].casefold() for s in whole.get("systems", [])}
    whole["systems"] = [
        *whole.get("systems", []),
        *(s for s in part.get("systems", []) if s["name"].casefold() not in known),
    ]
    whole["notes"] = "\n\n".join(p for p in (whole.get("notes", ""), part["name"], part.get("notes", "")) if p)
    for dataset in catalog.get("open_data", {}).get("datasets", []):
        if dataset.get("resource") == part["key"]:
            dataset["resource"] = whole["key"]
    return True


def _split(catalog: dict, correction: dict) -> bool:
    index = _index(catalog, correction.get("resource"))
    name = " ".join(str(correction.get("name", "")).split())[:200]
    if index is None or not name:
        return False
    resource = catalog["resources"][index]

    def taken(values: list, chosen) -> tuple[list, list]:
        chosen = {n for n in chosen if isinstance(n, int)} if isinstance(chosen, list) else set()
        return [v for i, v in enumerate(values) if i not in chosen], [v for i, v in enumerate(values) if i in chosen]

    resource["key_datasets"], datasets = taken(resource.get("key_datasets", []), correction.get("datasets"))
    resource["systems"], systems = taken(resource.get("systems", []), correction.get("systems"))
    new = {
        "key": make_key(name, {r["key"] for r in catalog["resources"]}),
        "name": name,
        "section": resource["section"],
        "responsible": dict(resource.get("responsible") or {}),
        "key_datasets": datasets,
        "systems": systems,
    }
    catalog["resources"].insert(index + 1, new)
    return True


def _datasets_forget(catalog: dict, keys: set[str]) -> None:
    for dataset in catalog.get("open_data", {}).get("datasets", []):
        if dataset.get("resource") in keys:
            dataset["resource"] = None


def _labels_apply(catalog: dict, labels: dict[str, str]) -> None:
    """Move each mapped "Label: value" paragraph of a resource's notes to the field it names."""
    systems = {s["name"].casefold(): s for s in catalog["systems"]}
    for resource in catalog["resources"]:
        kept = []
        for paragraph in _paragraphs(resource.get("notes", "")):
            match = LABELLED.match(paragraph)
            target = labels.get(label_fold(match["label"])) if match else None
            if match is None or target is None or target == LabelField.NOTES:
                kept.append(paragraph)
                continue
            _field_set(resource, target, match["value"].strip(), systems)
        resource["notes"] = "\n\n".join(kept)
    catalog["systems"] = list(systems.values())
    keys: set[str] = set()
    for system in catalog["systems"]:
        system["key"] = make_key(system.get("key") or system["name"], keys)


def _field_set(resource: dict, target: str, value: str, systems: dict[str, dict]) -> None:
    if target in LIST_FIELDS:
        resource[target] = [*resource.get(target, []), *split_items(value)]
    elif target == LabelField.PURPOSE:
        resource["purpose"] = "\n\n".join(p for p in (resource.get("purpose", ""), value) if p)
    elif target == LabelField.RESPONSIBLE:
        resource["responsible"] = resource.get("responsible") or parse_responsible(value)
    elif target == LabelField.SYSTEMS:
        links = resource.setdefault("systems", [])
        for item in parse_systems(value).systems:
            system = systems.setdefault(item["name"].casefold(), {"name": item["name"]})
            if all(link["name"].casefold() != system["name"].casefold() for link in links):
                links.append({"name": system["name"], "usage": item["usage"]})
    else:
        part = resource.setdefault(TEXT_FIELDS[LabelField(target)], {})
        part["text"] = "\n".join(p for p in (part.get("text", ""), value) if p)
