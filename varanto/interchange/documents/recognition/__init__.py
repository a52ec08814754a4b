"""Recognising a description's data resources in its blocks (tunnistus)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from ..blocks import Block, Document, Kind, Location
from ..readers import read_document, read_path
from ..truncation import cut_short
from .catalog import recognition_catalog
from .model import Corrections, Located, RecognisedResource, RecognisedSystem, Recognition
from .recogniser import Recogniser
from .systems import resource_systems
from .vocabulary import vocabulary

__all__ = ["Corrections", "Recognition", "recognise", "recognition_catalog"]

Source = Path | tuple[str, bytes]
ORGANIZATION_GENITIVE = re.compile(
    r"\b((?:[A-ZÅÄÖ][\w-]*\s+)?[A-ZÅÄÖ][\w-]*n)\s+(kaupungin|kunnan|kuntayhtymän|hyvinvointialueen|liiton)\b"
)
NOMINATIVE = {
    "kaupungin": "kaupunki",
    "kunnan": "kunta",
    "kuntayhtymän": "kuntayhtymä",
    "hyvinvointialueen": "hyvinvointialue",
    "liiton": "liitto",
}
TITLE_SEPARATOR = re.compile(r"\s+[-–|:]\s+")


def recognise(
    sources: Sequence[Source], *, organization_name: str | None = None, corrections: Corrections | None = None
) -> Recognition:
    """What one organisation's description says, read from `sources`, as a `Recognition`.

    `sources` are paths (a file, or a folder read file by file) or (name, bytes) pairs for an
    upload or pasted text; their documents are read in order as one description, each starting
    a page. `corrections` are an official's: label mappings and headings to take or not take as
    resources. Raises CatalogError only when a file cannot be read; a recognition with no
    resources is returned as it is (the import refuses it).

    The result (`model.Recognition`, all plain dataclasses, `as_dict()` for JSON):
    - `resources`: each `RecognisedResource` with `name`, `where` (a `blocks.Location`: file,
      line, page, row or element), `section`, `fields` (canonical field → `Located` text and
      where), `systems` (name, usage, where), `responsible`, `notes`, `confidence` (0–1) and
      `reasons`, and `block`, its index in `blocks`;
    - `sections`: group headings with the text written under them;
    - `unplaced`: every text no field claimed, with its location, why, and the resource whose
      notes keep it ("" for the organisation's description);
    - `warnings`: what an official should check; `cut_short`: documents that look truncated;
    - `documents` and `blocks`: the source as read, for showing beside what was found.
    """
    documents: list[Document] = []
    for source in sources:
        if isinstance(source, Path):
            documents += read_path(source)
        else:
            documents.append(read_document(*source))
    blocks: list[Block] = []
    for document in documents:
        blocks.append(Block(Kind.PAGE, document.title, Location(document.name)))
        blocks += document.blocks
        document.cut_short = document.cut_short or cut_short(document.blocks)
    words = vocabulary().with_labels((corrections or Corrections()).labels)
    recogniser = Recogniser(blocks, words, corrections)
    recogniser.run()
    resources = recogniser.resources
    _named_by_page_titles(resources, {d.name: d.title for d in documents})
    before = [r.name for r in resources]
    _shared_title_parts(resources)
    renamed = {old: r.name for old, r in zip(before, resources, strict=True) if old != r.name}
    for unplaced in recogniser.unplaced:
        unplaced.resource = renamed.get(unplaced.resource, unplaced.resource)
    resources = _once_each(resources)
    for resource in resources:
        resource_systems(resource)
    _entries_per_system(resources)
    warnings = [Located(note, Location(document.name)) for document in documents for note in document.notes]
    warnings += [Located(f"{u.reason}: {u.text[:80]!r}", u.where) for u in recogniser.unplaced]
    for resource in resources:
        if resource.confidence < 0.7:
            warnings.append(
                Located(f"{resource.name}: recognised only by its place in a list; check it", resource.where)
            )
    return Recognition(
        organization=organization_name or _organization(blocks),
        documents=documents,
        blocks=blocks,
        sections=recogniser.sections,
        resources=resources,
        unplaced=recogniser.unplaced,
        warnings=warnings,
        cut_short=[f"{d.name}: {d.cut_short}" for d in documents if d.cut_short],
    )


def _named_by_page_titles(resources: list[RecognisedResource], titles: dict[str, str]) -> None:
    """Pages that all head their resource alike ("Asiakirjajulkisuuskuvaus") name it in their titles."""
    by_name: dict[str, list[RecognisedResource]] = {}
    for resource in resources:
        by_name.setdefault(resource.name.casefold(), []).append(resource)
    for same in by_name.values():
        files = [r.where.file for r in same]
        named = [titles.get(f, "") for f in files]
        if len(same) > 1 and len(set(files)) == len(files) and all(named) and len(set(named)) == len(named):
            for resource, title in zip(same, named, strict=True):
                resource.reasons.append(f"named by its page's title, not its heading {resource.name!r}")
                resource.name = title


def _shared_title_parts(resources: list[RecognisedResource]) -> None:
    """Names taken from page titles lose what every title shares ("Tietojen ja asiakirjojen julkisuus - …")."""
    split = [TITLE_SEPARATOR.split(r.name) for r in resources]
    titled = [(r, parts) for r, parts in zip(resources, split, strict=True) if len(parts) > 1]
    if len(titled) < 2:
        return
    for position in (0, -1):
        common = Counter(parts[position] for _, parts in titled)
        shared, count = common.most_common(1)[0]
        if count >= 2 and count == len(titled):
            for resource, parts in titled:
                rest = parts[1:] if position == 0 else parts[:-1]
                resource.name = " - ".join(rest)
            return


def _once_each(resources: list[RecognisedResource]) -> list[RecognisedResource]:
    """A resource named twice (in an index page's list and on its own page) is the better-recognised
    one, with the responsible the other gives when it gives none, where it was first named."""
    best: dict[str, RecognisedResource] = {}
    for resource in resources:
        key = resource.name.casefold()
        known = best.get(key)
        if known is None:
            best[key] = resource
            continue
        keep, other = (resource, known) if resource.confidence > known.confidence else (known, resource)
        if keep.responsible is None:
            keep.responsible = other.responsible
        keep.reasons.append(f"also named at {other.where}")
        best[key] = keep
    return list(best.values())  # in the order they were first named


def _entries_per_system(resources: list[RecognisedResource]) -> None:
    """Where most entries are named by their system ("Hellewi - kansalaisopiston hallintaohjelma"), an
    entry named by one word alone ("Effica-varhaiskasvatus") is a system too."""
    named = [r for r in resources if r.systems and r.systems[0].where == r.where]
    if len(named) * 2 <= len(resources):
        return
    for resource in resources:
        if not resource.systems and " " not in resource.name and resource.name[:1].isupper():
            resource.systems = [RecognisedSystem(resource.name, "", resource.where)]
            resource.reasons.append("an entry per system: its one-word name is the system")


def _organization(blocks: list[Block]) -> str | None:
    counts = Counter((m.group(1), m.group(2)) for b in blocks for m in ORGANIZATION_GENITIVE.finditer(b.text))
    if not counts:
        return None
    (genitive, kind), _ = counts.most_common(1)[0]
    return f"{genitive} {NOMINATIVE[kind]}"
