"""What the recogniser found in a description (tunnistettu kuvaus), as plain data.

Every recognised thing carries the `Location` of the text it came from, so a preview can show it
beside the source, and every piece of text the recogniser could not place is kept in `unplaced`
(and goes into notes on import): nothing is dropped. `Recognition.as_dict()` is the same in
JSON-ready form (for a page, an API or a test).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..blocks import Block, Document, Location


@dataclass
class Located:
    """A piece of text as written, with where it stands."""

    text: str
    where: Location
    items: tuple[str, ...] = ()  # the list items the text was written as, when it was a list

    def as_dict(self) -> dict:
        return {"text": self.text, "where": self.where.as_dict(), "items": list(self.items)}


@dataclass
class RecognisedSystem:
    """An information system (tietojärjestelmä) a resource uses, with what for ("usage") when the text says."""

    name: str
    usage: str
    where: Location

    def as_dict(self) -> dict:
        return {"name": self.name, "usage": self.usage, "where": self.where.as_dict()}


@dataclass
class RecognisedResource:
    """A data resource (tietovaranto) found in the text.

    `fields` maps canonical field names (purpose, key_datasets, disclosure, api, search_criteria,
    privacy_notice, retention, archiving, personal_data, keywords, links, notes, description,
    information_requests) to the text written under that label. `confidence` (0–1) says how
    sure the recogniser is that this is a data resource with the right name: a name followed by
    labelled fields is sure; a bare name in a list is less so. `reasons` says why, in words.
    `block` is the index of the block that named it in `Recognition.blocks`.
    """

    name: str
    where: Location
    block: int
    section: str = ""
    fields: dict[str, Located] = field(default_factory=dict)
    systems: list[RecognisedSystem] = field(default_factory=list)
    responsible: Located | None = None
    notes: list[Located] = field(default_factory=list)  # text inside the resource no label claimed
    confidence: float = 0.0
    reasons: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "name": self.name,
            "where": self.where.as_dict(),
            "block": self.block,
            "section": self.section,
            "fields": {k: v.as_dict() for k, v in self.fields.items()},
            "systems": [s.as_dict() for s in self.systems],
            "responsible": self.responsible.as_dict() if self.responsible else None,
            "notes": [n.as_dict() for n in self.notes],
            "confidence": self.confidence,
            "reasons": list(self.reasons),
        }


@dataclass
class RecognisedSection:
    """A group of resources under one heading (osio), with the text written under the heading itself."""

    name: str
    where: Location | None
    description: list[Located] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "name": self.name,
            "where": self.where.as_dict() if self.where else None,
            "description": [d.as_dict() for d in self.description],
        }


@dataclass
class Unplaced:
    """Text the recogniser could not place in any field, with why; it goes into notes and is reported."""

    text: str
    where: Location
    reason: str
    resource: str = ""  # the resource whose notes keep it, or "" for the organisation's description

    def as_dict(self) -> dict:
        return {"text": self.text, "where": self.where.as_dict(), "reason": self.reason, "resource": self.resource}


@dataclass
class Recognition:
    """Everything recognised in one organisation's description (one or more documents).

    `blocks` are all documents' blocks in order (resources point into it by index); `warnings`
    are what an importing official should check; `cut_short` lists the documents that look
    truncated, with why (import refuses them unless partial files are allowed).
    """

    organization: str | None
    documents: list[Document]
    blocks: list[Block]
    sections: list[RecognisedSection] = field(default_factory=list)
    resources: list[RecognisedResource] = field(default_factory=list)
    unplaced: list[Unplaced] = field(default_factory=list)
    warnings: list[Located] = field(default_factory=list)
    cut_short: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "organization": self.organization,
            "documents": [{"name": d.name, "title": d.title, "cut_short": d.cut_short} for d in self.documents],
            "blocks": [
                {"kind": str(b.kind), "text": b.text, "level": b.level, "where": b.where.as_dict()} for b in self.blocks
            ],
            "sections": [s.as_dict() for s in self.sections],
            "resources": [r.as_dict() for r in self.resources],
            "unplaced": [u.as_dict() for u in self.unplaced],
            "warnings": [w.as_dict() for w in self.warnings],
            "cut_short": list(self.cut_short),
        }


@dataclass
class Corrections:
    """An official's corrections to a recognition, applied when recognising again.

    `labels` maps a label as written (any case, with or without its colon) to a canonical field
    name, or to "" to make it no label at all; an organisation's remembered mappings come here.
    `resources` and `not_resources` are block indexes (`Recognition.blocks`) to take, or never to
    take, as a data resource's name.
    """

    labels: dict[str, str] = field(default_factory=dict)
    resources: set[int] = field(default_factory=set)
    not_resources: set[int] = field(default_factory=set)
