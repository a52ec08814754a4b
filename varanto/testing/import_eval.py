"""Scoring an import against what a careful reader finds in a description (the `X.gold.json` files).

Names match when equal after case, spacing and end punctuation are set aside. For each resource
found under a gold name, its systems and responsible are compared with the gold's.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

REAL = Path(__file__).parent / "data" / "import-real"
DOCUMENTS = ("kiuruvesi", "pohjanmaan-hyvinvointialue", "savonlinna", "tulli")


def comparable(text: str | None) -> str:
    return re.sub(r"\s+", " ", (text or "").casefold()).strip(" .,:;")


def f1(found: set[str], expected: set[str]) -> float:
    if not found and not expected:
        return 1.0
    hits = len(found & expected)
    if not hits:
        return 0.0
    precision, recall = hits / len(found), hits / len(expected)
    return 2 * precision * recall / (precision + recall)


@dataclass
class Score:
    names: float
    systems: float  # mean systems F1 over the gold resources found
    responsible: float  # share of gold resources with a responsible that were found with it
    missing: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)


def score(catalog: dict, gold: dict) -> Score:
    found = {comparable(r["name"]): r for r in catalog["resources"]}
    expected = {comparable(r["name"]): r for r in gold["resources"]}
    systems, responsible = [], []
    for key, want in expected.items():
        got = found.get(key)
        if got is None:
            continue
        systems.append(f1({comparable(s["name"]) for s in got["systems"]}, {comparable(s) for s in want["systems"]}))
        if want["responsible"]:
            who = got.get("responsible") or {}
            stated = who.get("title") or who.get("organization") or ""
            responsible.append(comparable(stated) == comparable(want["responsible"]))
    return Score(
        names=f1(set(found), set(expected)),
        systems=sum(systems) / len(systems) if systems else 1.0,
        responsible=sum(responsible) / len(responsible) if responsible else 1.0,
        missing=sorted(set(expected) - set(found)),
        extra=sorted(set(found) - set(expected)),
    )


def stripped(name: str) -> bytes:
    """A development document without its `# ` lines (source, pages, cut marks), as its README says."""
    lines = (REAL / f"{name}.txt").read_bytes().splitlines(keepends=True)
    return b"".join(line for line in lines if not line.startswith(b"# "))


def gold(name: str) -> dict:
    return json.loads((REAL / f"{name}.gold.json").read_text("utf-8"))
