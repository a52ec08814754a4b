"""The recogniser (tunnistin): one walk over a description's blocks finding its data resources.

A data resource starts at
- a heading (or a page's title) followed by labelled fields, as "Label: value" (or "Label – value")
  paragraphs or items or as field headings ("Käyttötarkoitus", "Mitä tietoja … sisältää?"), with
  at most two description paragraphs between (or more, when no other heading comes before the fields);
- a paragraph or item that names it before its labels ("Hallintoasioiden tietovaranto. Käyttötarkoitus: …"),
  or after a name label ("Tietovaranto: Rakennusvalvonta");
- a list item whose sub-items are its fields;
- an item of a list of names under a group heading ("Hallinnon tietovarantoja"), whose
  responsible may follow in one sentence for the whole group ("Vastuuhenkilönä toimii hallintojohtaja.");
- a table row whose header names the resource's column ("Tietovaranto").
Text no field claims goes into the notes of the resource it stands in (or the description of
its section) and is listed in `unplaced` with its location.
"""

from __future__ import annotations

import re

from ..blocks import Block, Kind, Location
from .inline import Labelled, labelled
from .model import Corrections, Located, RecognisedResource, RecognisedSection, Unplaced
from .vocabulary import Vocabulary, normalised

RESPONSIBLE_SENTENCE = re.compile(
    r"^(?:(?:vastuuhenkilö(?:nä|t)?|vastuutahona|vastuuyksikkönä|vastuussa|ansvarig(?:a)?|ansvarsperson(?:er)?)"
    r"\s+(?:toimii|toimivat|on|ovat|är|är\s+en)"
    # "Rekisteristä vastaa …", "Hallinnon tietovarannoista vastaa …", "För registret ansvarar …"
    r"|(?:\w+\s+){0,2}?(?:tietovarann\w*|tietovaran\w*|rekister\w*|tiedoista|aineisto\w*)\s+vastaa(?:vat)?"
    r"|(?:\w+\s+){0,3}?ansvarar\s+(?:\w+\s+)?för\s+\w+|för\s+\w+\s+ansvarar)"
    r"\s+(?P<who>[^.]{2,120}?)\.?$",
    re.I,
)
DISCLOSURE_SENTENCE = re.compile(r"salassa pidettäv|julkis|sekretessbelag|offentlig", re.I)
SECTION_COLUMN = ("toimiala", "palvelualue", "osio", "tulosalue", "sektor", "verksamhetsområde", "section")
LIST_FIELDS = ("key_datasets", "search_criteria", "keywords", "systems")
NAME_WORDS = 14
CONTACT = re.compile(r"@|https?://|www\.|\+?\d[\d ()-]{6,}\d")  # an address or a phone number is no resource
NAME_AND_WHAT = re.compile(r"^(?P<name>(?:\S+\s+){0,5}?\S+?)(?::|\s+[–-])\s+(?P<what>[a-zåäö].*)$")


class _Builder:
    """A resource being read: its fields as lists of (text, location, is an item)."""

    def __init__(self, name: str, where: Location, block: int, section: str, confidence: float, reason: str):
        self.resource = RecognisedResource(name=name, where=where, block=block, section=section)
        self.resource.confidence = confidence
        self.resource.reasons.append(reason)
        self.parts: dict[str, list[tuple[str, Location, bool]]] = {}
        self.open = True  # takes fields (a name in a list of names takes none)
        self.level = 0  # the level of the heading that named it (0: not known)

    def add(self, fld: str, text: str, where: Location, item: bool = False) -> None:
        if fld == "responsible":
            if text:
                self.resource.responsible = Located(text.rstrip("."), where)
            return
        self.parts.setdefault(fld, []).append((text, where, item))

    def finish(self) -> RecognisedResource:
        resource = self.resource
        for fld, parts in self.parts.items():
            items = tuple(t for t, _, item in parts if item and t)
            if fld in LIST_FIELDS and items:
                prose = [t for t, _, item in parts if not item and t]
                for text in prose:
                    resource.notes.append(Located(text, parts[0][1]))
                resource.fields[fld] = Located("\n".join(items), parts[0][1], items)
            else:
                text = "\n".join(t for t, _, _ in parts if t)
                if text:
                    resource.fields[fld] = Located(text, parts[0][1], items)
        labelled_fields = len(resource.fields) + (resource.responsible is not None)
        if labelled_fields >= 2:
            resource.confidence = max(resource.confidence, 0.9)
        return resource


class Recogniser:
    def __init__(self, blocks: list[Block], words: Vocabulary, corrections: Corrections | None = None):
        self.blocks = blocks
        self.words = words
        self.corrections = corrections or Corrections()
        self.labels = [self._labelled(b) for b in blocks]
        self.sections: list[RecognisedSection] = []
        self.resources: list[RecognisedResource] = []
        self.unplaced: list[Unplaced] = []
        self.current: _Builder | None = None
        self.field: str | None = None  # the field a field heading opened
        self.group: list[_Builder] = []  # the resources of a list of names, awaiting their responsible
        self.in_list = False
        self.group_responsible: Located | None = None  # a sentence before a list of names, for each of them
        self.section_block: int | None = None  # the heading that began the last section, if it may yet be a resource

    # -- what each block is -------------------------------------------------------------

    def _labelled(self, block: Block) -> Labelled | None:
        if block.kind in (Kind.PARAGRAPH, Kind.ITEM):
            return labelled(block.text, self.words)
        return None

    def _field_heading(self, index: int) -> str | None:
        block = self.blocks[index]
        if block.kind != Kind.HEADING or index in self.corrections.resources:
            return None
        return self.words.heading_field(block.text)

    def _names_resource(self, index: int) -> bool:
        """Whether fields follow this heading (a description paragraph may come between)."""
        if index in self.corrections.resources:
            return True
        if index in self.corrections.not_resources:
            return False
        paragraphs = 0
        for j in range(index + 1, min(len(self.blocks), index + 6)):
            block, found = self.blocks[j], self.labels[j]
            if self._field_heading(j):
                return True
            if found is not None:
                # a "Lisätietoja: …" line alone makes no resource of the heading above it
                return not found.name and found.fields[0][0] not in ("name", "notes", "links", "")
            if block.kind == Kind.PARAGRAPH and paragraphs < 2:
                paragraphs += 1
                continue
            return False
        return False

    def _names_follow(self, index: int) -> bool:
        """Whether a list of names follows this heading (a group of resources, "Hallinnon tietovarantoja")."""
        if index in self.corrections.not_resources or self.words.lists_no_resources(self.blocks[index].text):
            return False
        first = index + 1
        if first < len(self.blocks) and self.blocks[first].kind == Kind.PARAGRAPH:
            first += 1  # a sentence may stand before the names ("Tietovarannoista vastaa hallintojohtaja.")
        items = []
        for j in range(first, len(self.blocks)):
            block = self.blocks[j]
            if block.kind != Kind.ITEM:
                break
            items.append(block)
        if not items or any(self.labels[first + k] for k in range(len(items))):
            return False
        names = [b for b in items if _looks_like_name(b.text)]
        if len(names) < max(1, round(0.8 * len(items))):
            return False
        heading = normalised(self.blocks[index].text)
        grouped = any(word in self.words.not_labels for word in re.split(r"[\s,:]+", heading))
        after = first + len(items)
        sentence = any(
            j < len(self.blocks) and RESPONSIBLE_SENTENCE.match(self.blocks[j].text) for j in (index + 1, after)
        )
        return grouped or sentence or self.current is None

    # -- the walk ----------------------------------------------------------------------

    def run(self) -> None:
        for index, block in enumerate(self.blocks):
            if block.kind == Kind.PAGE:
                self._close()
                self.sections.append(RecognisedSection("", None))  # a page's headings are its own
                if block.text and self._names_resource(index):
                    self._start(block.text, block.where, index, 0.8, "a page whose title is followed by fields")
            elif block.kind == Kind.HEADING:
                self._heading(index, block)
            elif block.kind == Kind.ROW:
                self._row(index, block)
            else:
                self._text(index, block)
        self._close()

    def _section(self) -> str:
        return self.sections[-1].name if self.sections else ""

    def _start(self, name: str, where: Location, index: int, confidence: float, reason: str) -> _Builder:
        self._close()
        builder = _Builder(_clean_name(name), where, index, self._section(), confidence, reason)
        self.current = builder
        return builder

    def _close(self) -> None:
        if self.current is not None:
            self.resources.append(self.current.finish())
        self.current = None
        self.field = None

    def _heading(self, index: int, block: Block) -> None:
        fld = self._field_heading(index)
        self.in_list = False
        if fld and self.current is not None and self.current.open:
            self.field = fld
            return
        if self.field and block.text.rstrip().endswith(":") and self.current is not None:
            self.current.add(self.field, block.text, block.where)  # "… seuraavia tietoja:" introduces the list
            return
        if fld and self.current is None and self._promote_section():
            self.field = fld
            return
        if self._names_resource(index):
            # "Talous, Vastuu: talousjohtaja": a heading may carry fields after the name
            inline = labelled(block.text, self.words)
            name = inline.name if inline is not None and inline.name else block.text
            builder = self._start(name, block.where, index, 0.85, "a heading followed by labelled fields")
            builder.level = block.level
            if inline is not None and inline.name:
                self._fields(builder, inline, block)
            return
        if self._names_follow(index):
            self._close()
            self.sections.append(RecognisedSection(_clean_name(block.text), block.where))
            self.section_block = None
            self.group = []
            self.group_responsible = None
            self.in_list = True
            return
        current = self.current
        if current is not None and current.open and self._sub_heading(index, current):
            self.field = None
            self._note(block)  # a sub-heading inside the resource
            return
        self._close()
        self.group = []
        self.sections.append(RecognisedSection(_clean_name(block.text), block.where))
        self.section_block = index

    def _sub_heading(self, index: int, current: _Builder) -> bool:
        """Whether a heading with no fields after it belongs inside the resource being read: one of a
        lower level, or, where levels are not known, one that introduces a list ("… voit:") or
        comes before the resource has any field."""
        block = self.blocks[index]
        if block.level:
            return block.level > (current.level or 6)
        following = self.blocks[index + 1] if index + 1 < len(self.blocks) else None
        introduces = block.text.rstrip().endswith(":") or (following is not None and following.kind == Kind.ITEM)
        return introduces or not current.parts

    def _promote_section(self) -> bool:
        """A field heading after a heading with more text than a description under it: that heading
        named a resource after all ("Rakennusvalvonta", three paragraphs, "Tietojärjestelmät")."""
        section = self.sections[-1] if self.sections else None
        if section is None or section.where is None or self.section_block is None:
            return False
        where = section.where
        if any(r.section == section.name for r in self.resources):
            return False
        self.sections.pop()
        builder = self._start(section.name, where, self.section_block, 0.75, "a heading whose fields follow")
        for located in section.description:
            builder.add("description", located.text, located.where)
        placed = {(d.where, d.text) for d in section.description}
        self.unplaced = [u for u in self.unplaced if u.resource or (u.where, u.text) not in placed]
        self.section_block = None
        return True

    def _text(self, index: int, block: Block) -> None:
        found = self.labels[index]
        sentence = RESPONSIBLE_SENTENCE.match(block.text) if block.kind == Kind.PARAGRAPH else None
        if sentence and self.in_list and not self.group:
            self.group_responsible = Located(sentence["who"].strip().rstrip("."), block.where)  # for the names below
            return
        if sentence and (self.group or (self.current is not None and self.current.resource.responsible is None)):
            self._responsible(sentence["who"], block.where)
            return
        if found is not None and found.fields[0][0] == "name":
            builder = self._start(found.fields[0][2], block.where, index, 0.9, "a name after its label")
            self._fields(builder, Labelled("", found.fields[1:]), block)
            return
        if found is not None and found.name and len(found.name.split()) <= NAME_WORDS:
            builder = self._start(found.name, block.where, index, 0.85, "a name followed by its labelled fields")
            self._fields(builder, found, block)
            return
        following = self.blocks[index + 1] if index + 1 < len(self.blocks) else None
        sub_fields = self.labels[index + 1] if following is not None else None
        if (
            block.kind == Kind.ITEM
            and found is None
            and following is not None
            and following.kind == Kind.ITEM
            and following.level > block.level
            and sub_fields is not None
            and not sub_fields.name
        ):
            self._start(block.text, block.where, index, 0.85, "a list item whose sub-items are its fields")
            return
        if block.kind == Kind.ITEM and self.in_list and found is None and _looks_like_name(block.text):
            self._close()
            # "Asianhallinta: asioiden käsittely", "Lastensuojelu – asiakastiedot": a name and what it is for
            parts = NAME_AND_WHAT.match(block.text)
            name, description = (parts["name"], parts["what"]) if parts else (block.text, "")
            builder = _Builder(_clean_name(name), block.where, index, self._section(), 0.6, "a name in a list")
            if description:
                builder.resource.fields["description"] = Located(description.strip(), block.where)
            builder.open = False
            if self.group_responsible is not None:
                builder.resource.responsible = self.group_responsible
                builder.resource.confidence = 0.7
                builder.resource.reasons.append("the group's responsible sentence")
            self.resources.append(builder.resource)
            self.group.append(builder)
            return
        if self.in_list and not self.group and block.kind == Kind.PARAGRAPH:
            self._outside(block)  # an introduction before the names
            return
        self.in_list = False
        if self.current is None or not self.current.open:
            if found is not None and any(f == "responsible" for f, _, _ in found.fields) and self.group:
                self._responsible(found.fields[0][2], block.where)
                return
            self._outside(block)
            return
        if found is not None:
            self._fields(self.current, found, block)
            return
        if self.field:
            self.current.add(self.field, block.text, block.where, block.kind == Kind.ITEM)
            return
        if not self.current.parts and block.kind == Kind.PARAGRAPH:
            self.current.add("description", block.text, block.where)
            return
        if (
            block.kind == Kind.PARAGRAPH
            and DISCLOSURE_SENTENCE.search(block.text)
            and "disclosure" not in self.current.parts
        ):
            self.current.add("disclosure", block.text, block.where)
            return
        self._note(block)

    def _fields(self, builder: _Builder, found: Labelled, block: Block) -> None:
        self.field = None
        for fld, label, value in found.fields:
            if not fld:
                self._note(Block(block.kind, f"{label}: {value}", block.where))
                continue
            builder.add(fld, value, block.where)
            if not value or value.endswith(":"):
                self.field = fld  # "Keskeiset tietojärjestelmät:" and the list below

    def _responsible(self, who: str, where: Location) -> None:
        targets = [b for b in self.group if b.resource.responsible is None] or [
            b for b in (self.current,) if b is not None and b.resource.responsible is None
        ]
        for builder in targets:
            builder.resource.responsible = Located(who.strip().rstrip("."), where)
            builder.resource.confidence = max(builder.resource.confidence, 0.7)
            builder.resource.reasons.append("the group's responsible sentence")
        self.group = []

    def _row(self, index: int, block: Block) -> None:
        columns = [self._column(h) for h in block.header]
        if "name" not in columns:
            self._outside(block)
            return
        cells = dict(zip(columns, block.cells, strict=False))
        name = cells.get("name", "").strip()
        if not name:
            self.unplaced.append(Unplaced(" | ".join(block.cells), block.where, "a table row without a name"))
            return
        if cells.get("section") and cells["section"] != self._section():
            self.sections.append(RecognisedSection(cells["section"], block.where))
        builder = self._start(name, block.where, index, 0.9, "a table row")
        for column, header, cell in zip(columns, block.header, block.cells, strict=False):
            if column in ("name", "section") or not cell.strip():
                continue
            if column:
                builder.add(column, cell.strip(), block.where)
            else:
                self._note(Block(Kind.PARAGRAPH, f"{header}: {cell}", block.where))
        self._close()

    def _column(self, header: str) -> str:
        text = normalised(header)
        if text in SECTION_COLUMN:
            return "section"
        return self.words.label_field(text) or ""

    def _note(self, block: Block) -> None:
        if self.current is None:
            self._outside(block)
            return
        self.current.resource.notes.append(Located(block.text, block.where))
        self.unplaced.append(Unplaced(block.text, block.where, "no field label", self.current.resource.name))

    def _outside(self, block: Block) -> None:
        text = " | ".join(block.cells) if block.kind == Kind.ROW else block.text
        if not self.sections:
            self.sections.append(RecognisedSection("", None))
        self.sections[-1].description.append(Located(text, block.where))
        self.unplaced.append(Unplaced(text, block.where, "text outside any data resource"))


def _looks_like_name(text: str) -> bool:
    text = text.strip().rstrip(".,;")
    if CONTACT.search(text):
        return False
    return (
        bool(text) and (text[0].isupper() or text[0].isdigit()) and len(text.split()) <= NAME_WORDS and "." not in text
    )


def _clean_name(text: str) -> str:
    """A name as written, without its chapter number ("3.2 Rakennusvalvonta") or end punctuation."""
    text = re.sub(r"^\d{1,2}(?:\.\d{1,2})*[.)]?\s+(?=\w)", "", text.strip())
    return re.sub(r"\s+", " ", text).strip().rstrip(":,;.").strip()
