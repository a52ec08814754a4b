"""The preview of an import (esikatselu): what was recognised, beside the source, and what importing would change.

`import_preview` is the one entry the back office and `varanto import --dry-run` use: read the sources
(`reading.catalog_read`), apply the corrections and the organisation's remembered labels
(`corrections`), and make the import as a dry run through `interchange.services.catalog_import`, so the
change set shown is exactly what importing does. Nothing is written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from varanto.catalog.models import DataResource, Organization
from varanto.catalog.selectors import organization_name_taken

from ..documents import Recognition
from ..documents.blocks import Kind
from ..models import ImportLabelMapping
from ..services import ImportSummary, catalog_import
from ..textpage.labels import match_label
from ..validation import CatalogError
from .corrections import UnknownLabel, corrections_apply, hints_of, unknown_labels
from .reading import Finding, Reading, Source, catalog_read

BULLET = re.compile(r"^\s*(?:[-–•*]|\d+[.)])\s+")


@dataclass
class SourceLine:
    number: int
    text: str
    kind: str = ""  # "resource" (a heading recognised as one), "field", "unplaced" or ""
    note: str = ""  # what the reader said of the line
    anchor: str = ""  # its id on the page
    block: int | None = None  # a recognised description's heading block, which may be taken as a resource


@dataclass
class SourceView:
    name: str
    lines: list[SourceLine]


@dataclass
class ResourceView:
    """A recognised data resource as the preview shows it."""

    key: str
    name: str
    responsible: str
    purpose: str
    key_datasets: list[str]
    systems: list[str]
    notes: str
    source: str = ""  # the file where its heading stands, when found
    source_index: int = 0
    line: int = 0
    where: str = ""  # its place in words ("kuvaus.html, page 2")
    anchor: str = ""  # the id of its heading in the source view
    block: int | None = None  # its heading block, in a recognised description
    confidence: float | None = None


@dataclass
class SectionView:
    key: str
    name: str
    resources: list[ResourceView]
    paragraphs: list[str]  # its description's paragraphs: text a heading of which may be a resource


@dataclass
class Preview:
    organization: Organization | None  # the existing organisation imported into; None: a new one
    organization_name: str = ""
    problems: list[str] = field(default_factory=list)  # why nothing can be imported
    sections: list[SectionView] = field(default_factory=list)
    sources: list[SourceView] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    unknown: list[UnknownLabel] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # corrections that no longer apply
    summary: ImportSummary | None = None  # the dry run's
    catalog: dict | None = None
    cut_short: bool = False  # refused as looking cut short: an official may read it as it is
    recognition: Recognition | None = None  # what the recogniser found, where a description went to it

    @property
    def ok(self) -> bool:
        return not self.problems and self.summary is not None

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.level == "warning"]

    @property
    def resource_count(self) -> int:
        return sum(len(s.resources) for s in self.sections)


def organization_labels(organization: Organization | None) -> dict[str, str]:
    """The labels the organisation's documents use, as mapped before (folded label → field)."""
    if organization is None:
        return {}
    return dict(ImportLabelMapping.objects.filter(organization=organization).values_list("label", "field"))


def import_preview(
    sources: list[Source],
    *,
    organization: Organization | None,
    organization_name: str = "",
    corrections: list[dict] | None = None,
    acting_user=None,
) -> Preview:
    """The preview of importing `sources` into `organization` (None: a new organisation, named
    `organization_name` or as the document names itself). Never raises CatalogError: its problems are
    the preview's."""
    name = organization.name if organization else organization_name.strip() or None
    preview = Preview(organization=organization, organization_name=name or "")
    labels = organization_labels(organization)
    try:
        reading = catalog_read(sources, organization_name=name, hints=hints_of(corrections or [], labels))
    except CatalogError as exc:
        preview.problems = list(exc.problems)
        preview.cut_short = any("cut short" in p for p in exc.problems)
        preview.sources = [_source_view(s, [], {}, i) for i, s in enumerate(sources)]
        return preview
    catalog, preview.skipped = catalog_corrected(reading, organization, corrections or [], labels)
    return catalog_preview(preview, reading, catalog, sources, acting_user=acting_user)


def catalog_corrected(
    reading: Reading, organization: Organization | None, corrections: list[dict], labels: dict[str, str]
) -> tuple[dict, list[str]]:
    """The catalogue a reading imports as, the same on every path (the back office's preview and import,
    `varanto import` and its dry run): the corrections and the organisation's remembered labels applied
    and, into an existing organisation, a recognised resource whose description names no section kept
    where it is. What a description does not state its reader leaves out (`importing.read_description`),
    so the import keeps those fields; a catalogue in Varanto's own layouts states them all."""
    catalog, skipped = corrections_apply(reading.catalog, corrections, labels)
    if organization is not None:
        _sections_kept(catalog, reading, organization)
    return catalog, skipped


def _sections_kept(catalog: dict, reading: Reading, organization: Organization) -> None:
    """A recognised resource whose description names no section stays in the section it has (a web page of
    one resource rarely names its section); the placeholder section left with no resources goes."""
    unplaced = [
        r for r in catalog["resources"] if r["key"] in reading.recognised and not reading.recognised[r["key"]].section
    ]
    if not unplaced:
        return
    existing = {
        r.key: r.section for r in DataResource.objects.filter(organization=organization).select_related("section")
    }
    keys = {s["key"] for s in catalog["sections"]}
    for resource in unplaced:
        section = existing.get(resource["key"])
        if section is None:
            continue
        resource["section"] = section.key
        if section.key not in keys:
            keys.add(section.key)
            catalog["sections"].append({"key": section.key, "name": section.name})
    used = {r["section"] for r in catalog["resources"]}
    catalog["sections"] = [s for s in catalog["sections"] if s["key"] in used]


def catalog_preview(
    preview: Preview, reading: Reading, catalog: dict, sources: list[Source], *, acting_user=None, replace=False
) -> Preview:
    """Fill the preview from a read and corrected catalogue: the dry run, the sections and the source views."""
    preview.catalog = catalog
    preview.findings = reading.findings
    preview.recognition = reading.recognition
    preview.organization_name = preview.organization_name or catalog.get("organization", {}).get("name", "")
    try:
        if preview.organization is None and organization_name_taken(preview.organization_name):
            raise CatalogError(
                [_("An organisation named %(name)s already exists.") % {"name": preview.organization_name}]
            )
        preview.summary = catalog_import(
            catalog, acting_user=acting_user, organization=preview.organization, replace=replace, dry_run=True
        )
        # What the import's rules would change (characters removed, a short name that is a site address).
        preview.findings = [*preview.findings, *(Finding(0, 0, w, "warning") for w in preview.summary.warnings)]
    except CatalogError as exc:
        preview.problems = list(exc.problems)
    preview.unknown = unknown_labels(catalog)
    headings = _headings(catalog, reading, sources)
    preview.sections = [
        SectionView(
            section["key"],
            section["name"],
            [
                _resource_view(r, headings.get(r["key"]), sources, reading)
                for r in catalog["resources"]
                if r["section"] == section["key"]
            ],
            [p.strip() for p in re.split(r"\n\s*\n", section.get("description") or "") if p.strip()],
        )
        for section in catalog["sections"]
    ]
    documents = {d.name for d in reading.recognition.documents} if reading.recognition else set()
    preview.sources = [
        _blocks_view(source, reading)
        if source.safe_name in documents
        else _source_view(
            source,
            [f for f in reading.findings if f.source == index],
            {line: key for key, (i, line) in headings.items() if i == index},
            index,
        )
        for index, source in enumerate(sources)
    ]
    return preview


def _headings(catalog: dict, reading: Reading, sources: list[Source]) -> dict[str, tuple[int, int]]:
    """Where each resource's heading stands: (source index, line number), by its name, in order."""
    lines = {i: s.text().splitlines() for i, s in enumerate(sources)}
    after: dict[int, int] = {}
    out = {}
    for resource in catalog["resources"]:
        index = reading.origin.get(resource["key"], 0)
        if resource["key"] in reading.recognised:
            continue  # the recogniser says where it stands
        name = resource["name"].casefold()
        start = after.get(index, 0)
        for number, text in enumerate(lines.get(index, [])[start:], start=start + 1):
            if name in text.casefold():
                out[resource["key"]] = (index, number)
                after[index] = number
                break
    return out


def _resource_view(
    resource: dict, heading: tuple[int, int] | None, sources: list[Source], reading: Reading
) -> ResourceView:
    responsible = resource.get("responsible") or {}
    view = ResourceView(
        key=resource["key"],
        name=resource["name"],
        responsible=responsible.get("title") or responsible.get("organization") or "",
        purpose=resource.get("purpose", ""),
        key_datasets=list(resource.get("key_datasets", [])),
        systems=[s["name"] + (f" ({s['usage']})" if s.get("usage") else "") for s in resource.get("systems", [])],
        notes=resource.get("notes", ""),
    )
    recognised = reading.recognised.get(resource["key"])
    if recognised is not None:
        view.block, view.confidence = recognised.block, recognised.confidence
        view.source_index = reading.origin.get(resource["key"], 0)
        view.source, view.line, view.where = recognised.where.file, recognised.where.line or 0, str(recognised.where)
        view.anchor = f"b{recognised.block}"
    elif heading:
        view.source_index, view.line = heading
        view.source = sources[heading[0]].safe_name
        view.where = f"{view.source}, {view.line}"
        view.anchor = f"l{view.source_index}-{view.line}"
    return view


def _blocks_view(source: Source, reading: Reading) -> SourceView:
    """A recognised document as the recogniser read it, block by block, each marked with what became of it."""
    recognition = reading.recognition
    assert recognition is not None
    names = {r.block for r in recognition.resources}
    unplaced = {u.where: u.reason for u in recognition.unplaced}
    placed = {located.where for r in recognition.resources for located in r.fields.values()}
    placed |= {r.responsible.where for r in recognition.resources if r.responsible}
    placed |= {s.where for r in recognition.resources for s in r.systems}
    lines = []
    for index, block in enumerate(recognition.blocks):
        if block.where.file != source.safe_name or block.kind == Kind.PAGE:
            continue
        if index in names:
            kind = "resource"
        elif block.where in unplaced:
            kind = "unplaced"
        elif block.where in placed:
            kind = "field"
        else:
            kind = ""
        heading = index if block.kind == Kind.HEADING and index not in names else None
        number = block.where.line or block.where.row or index
        lines.append(SourceLine(number, block.text, kind, unplaced.get(block.where, ""), f"b{index}", heading))
    return SourceView(source.safe_name, lines)


def _source_view(source: Source, findings: list[Finding], headings: dict[int, str], index: int = 0) -> SourceView:
    """The source's lines, each marked with what the reader made of it (text files; others by name only)."""
    if source.safe_name.lower().endswith((".xlsx", ".xlsm", ".zip", ".json")) or b"\x00" in source.data[:8192]:
        return SourceView(source.safe_name, [])
    notes = {f.line: f for f in findings if f.line}
    out = []
    for number, text in enumerate(source.text().splitlines(), start=1):
        finding = notes.get(number)
        label = BULLET.sub("", text).partition(":")
        if number in headings:
            kind = "resource"
        elif finding is not None and finding.level == "warning":
            kind = "unplaced"
        elif label[1] and match_label(label[0]):
            kind = "field"
        else:
            kind = ""
        out.append(SourceLine(number, text, kind, finding.message if finding else "", f"l{index}-{number}"))
    return SourceView(source.safe_name, out)
