"""The uploaded files of an import (a Source each) read into one canonical catalogue.

`catalog_read` is the one place that chooses the reader: every file goes through
`interchange.importing.read_catalog` (and with it `interchange.limits`), and several files are
combined into one organisation's catalogue. Switching to another recogniser changes this module only.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path, PurePath

from django.utils.translation import gettext as _

from varanto.core.keys import make_key

from ..canonical import catalog_validate
from ..documents import Corrections, Recognition
from ..documents.recognition.model import RecognisedResource
from ..importing import DOCUMENT_FORMATS, detect_format, read_catalog, read_description
from ..importing import Preview as RecognitionNote
from ..limits import max_file_bytes, max_unpacked_bytes
from ..textpage import is_page_style
from ..textpage.source import read_text
from ..validation import CatalogError

MAX_SOURCES = 50  # files in one import; a description of one web page per resource has a few dozen


@dataclass(frozen=True)
class Source:
    """One uploaded file, or the pasted text (lähde)."""

    name: str
    data: bytes

    @property
    def safe_name(self) -> str:
        """The file's own name without any folder, so that it cannot point outside the reading folder."""
        name = PurePath(self.name.replace("\\", "/")).name.strip() or "kuvaus.txt"
        return name if not name.startswith(".") else f"kuvaus{name}"

    def text(self) -> str:
        return self.data.decode("utf-8", errors="replace")


@dataclass
class Finding:
    """Something a reader noticed, where: the source (its index), its line (0: the whole file)."""

    source: int
    line: int
    message: str
    level: str = "info"


@dataclass
class Reading:
    catalog: dict
    findings: list[Finding] = field(default_factory=list)
    origin: dict[str, int] = field(default_factory=dict)  # resource key → index of the source it came from
    recognition: Recognition | None = None  # of the descriptions the recogniser read
    recognised: dict[str, RecognisedResource] = field(default_factory=dict)  # resource key → what it came from

    @classmethod
    def of(cls, catalog: dict, notes, source: int = 0) -> Reading:
        """One reader's result (`importing.read_catalog`): its catalogue and what it noticed."""
        findings = [
            Finding(source, getattr(n, "line", 0), str(getattr(n, "message", n)), getattr(n, "level", "warning"))
            for n in notes
            if not isinstance(n, RecognitionNote)
        ]
        origin = {r["key"]: source for r in catalog.get("resources", []) if isinstance(r, dict) and "key" in r}
        reading = cls(catalog, findings, origin)
        reading.recognition = next((n.recognition for n in notes if isinstance(n, RecognitionNote)), None)
        if reading.recognition is not None:
            # recognition_catalog keeps the recognition's order: the n-th resource is the n-th recognised one.
            for entry, recognised in zip(catalog["resources"], reading.recognition.resources, strict=False):
                reading.recognised[entry["key"]] = recognised
        return reading


def sources_check(sources: list[Source]) -> None:
    """CatalogError unless the sources are within the import's bounds (IMPORT_MAX_FILE_MB each,
    IMPORT_MAX_UNPACKED_MB together, at most MAX_SOURCES) and hold something."""
    if not sources or not any(s.data.strip() for s in sources):
        raise CatalogError([_("Choose a file or paste the text of the description.")])
    if len(sources) > MAX_SOURCES:
        raise CatalogError([_("At most %(count)s files can be imported at once.") % {"count": MAX_SOURCES}])
    problems = [
        _("%(name)s: the file is larger than an import may be (%(mb)s MB).")
        % {"name": s.safe_name, "mb": max_file_bytes() // 1_000_000}
        for s in sources
        if len(s.data) > max_file_bytes()
    ]
    if not problems and sum(len(s.data) for s in sources) > max_unpacked_bytes():
        problems.append(
            _("The files are larger together than an import may be (%(mb)s MB).")
            % {"mb": max_unpacked_bytes() // 1_000_000}
        )
    if problems:
        raise CatalogError(problems)


@dataclass(frozen=True)
class Hints:
    """What an official told the readers: labels mapped to fields (folded label → field), heading blocks
    of a recognised description to take or not take as a resource, and whether a description that
    looks cut short is read as it is."""

    labels: dict[str, str] = field(default_factory=dict)
    resources: frozenset[int] = frozenset()
    not_resources: frozenset[int] = frozenset()
    allow_partial: bool = False


def _is_description(path: Path) -> bool:
    """Whether the file is a description for the recogniser (`documents`), not a catalogue in Varanto's
    own layout or a page in the style `textpage` reads."""
    fmt = detect_format(path)
    if fmt in DOCUMENT_FORMATS:
        return True
    if fmt != "text":
        return False
    try:
        text = read_text(path)[0]
    except CatalogError:
        return False  # its reader says why
    return detect_format(path, text) == "text" and not is_page_style(text)


def catalog_read(sources: list[Source], *, organization_name: str | None, hints: Hints | None = None) -> Reading:
    """The sources as one canonical catalogue with what the readers noticed. Raises CatalogError naming
    each file's problems; nothing is written.

    A page in Imatra's style, Varanto's JSON, workbook or CSV files are read each by its own reader
    (`importing.read_catalog`); every other description (text, HTML, DOCX, PDF, a table in another
    layout) is recognised together as one (`documents.recognise`), so that a description of one page per
    resource is one organisation's."""
    sources_check(sources)
    hints = hints or Hints()
    readings: list[Reading] = []
    problems: list[str] = []
    described: list[int] = []
    with tempfile.TemporaryDirectory(prefix="varanto-import-") as folder:
        for index, source in enumerate(sources):
            path = Path(folder) / f"{index}" / source.safe_name
            path.parent.mkdir()
            path.write_bytes(source.data)
            if _is_description(path):
                described.append(index)
                continue
            try:
                # A page without its update date is read with a warning: a description need not have one.
                catalog, notes = read_catalog(path, organization_name=organization_name, allow_undated=True)
                catalog_validate(catalog)
            except CatalogError as exc:
                problems += [p.replace(str(path), source.safe_name) for p in exc.problems]
                continue
            readings.append(Reading.of(catalog, notes, index))
    if described:
        try:
            readings.append(_recognised([sources[i] for i in described], described, organization_name, hints))
        except CatalogError as exc:
            problems += exc.problems
    if problems:
        raise CatalogError(problems)
    return readings[0] if len(readings) == 1 else _combined(readings)


def _recognised(sources: list[Source], indexes: list[int], organization_name: str | None, hints: Hints) -> Reading:
    corrections = Corrections(dict(hints.labels), set(hints.resources), set(hints.not_resources))
    catalog, notes = read_description(
        [(s.safe_name, s.data) for s in sources],
        organization_name=organization_name,
        allow_partial=hints.allow_partial,
        corrections=corrections,
    )
    catalog_validate(catalog)
    reading = Reading.of(catalog, notes, indexes[0])
    file_index = {s.safe_name: i for s, i in zip(sources, indexes, strict=True)}
    for key, recognised in reading.recognised.items():
        reading.origin[key] = file_index.get(recognised.where.file, indexes[0])
    return reading


def _combined(readings: list[Reading]) -> Reading:
    """Several files' catalogues as one organisation's: sections with the same name are one, records get
    keys unique across the files (references follow), systems with the same name are one."""
    first = readings[0].catalog
    out: dict = {
        "format": first.get("format"),
        "organization": first.get("organization"),
        "sections": [],
        "resources": [],
        "systems": [],
        "processes": [],
        "open_data": {"datasets": [], "services": []},
    }
    findings: list[Finding] = []
    origin: dict[str, int] = {}
    recognised: dict[str, RecognisedResource] = {}
    recognition = next((r.recognition for r in readings if r.recognition is not None), None)
    taken: dict[str, set] = {kind: set() for kind in ("sections", "resources", "processes", "datasets", "services")}
    section_by_name: dict[str, str] = {}
    system_names: set[str] = set()
    for index, reading in enumerate(readings):
        catalog = reading.catalog
        findings += reading.findings
        sections: dict[str, str] = {}
        for section in catalog.get("sections", []):
            folded = section["name"].casefold()
            if folded not in section_by_name:
                section_by_name[folded] = make_key(section["key"], taken["sections"])
                out["sections"].append({**section, "key": section_by_name[folded]})
            sections[section["key"]] = section_by_name[folded]
        processes = {}
        for process in catalog.get("processes", []):
            processes[process["key"]] = make_key(process["key"], taken["processes"])
            out["processes"].append({**process, "key": processes[process["key"]]})
        resources = {}
        for resource in catalog.get("resources", []):
            key = resources[resource["key"]] = make_key(resource["key"], taken["resources"])
            item = {**resource, "key": key, "section": sections.get(resource["section"], resource["section"])}
            if "processes" in item:
                item["processes"] = [processes.get(p, p) for p in item["processes"]]
            out["resources"].append(item)
            origin[key] = reading.origin.get(resource["key"], index)
            if resource["key"] in reading.recognised:
                recognised[key] = reading.recognised[resource["key"]]
        for system in catalog.get("systems", []):
            if system["name"].casefold() not in system_names:
                system_names.add(system["name"].casefold())
                out["systems"].append(system)
        open_data = catalog.get("open_data") or {}
        for dataset in open_data.get("datasets", []):
            resource = dataset.get("resource")
            out["open_data"]["datasets"].append(
                {**dataset, "key": make_key(dataset["key"], taken["datasets"]), "resource": resources.get(resource)}
            )
        for service in open_data.get("services", []):
            out["open_data"]["services"].append({**service, "key": make_key(service["key"], taken["services"])})
    system_keys: set[str] = set()
    for system in out["systems"]:
        system["key"] = make_key(system["key"], system_keys)
    return Reading(out, findings, origin, recognition, recognised)
