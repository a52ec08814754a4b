"""Reading a catalogue file of any supported format into the canonical dict.

Each format's reader returns (catalog dict, findings); nothing is written here:
`interchange.services.catalog_import` writes the result in one transaction. Formats: a published page
(text), the canonical JSON, an Excel workbook (xlsx) and CSV files (csv: a zip, a folder, or
one file of the folder) in the layout `varanto export` writes, a description in any other
layout (text, HTML, DOCX, PDF, a table, a folder of them), which `documents` recognises, an
ArchiMate 3.x Model Exchange file (archimate, e.g. from Archi), and a
JHS 191 records management plan (jhs191, XML) or a task classification (classification: a CSV of
code and title), both read as the organisation's catalogue with the file's plan in it (`plan_reading`).
"""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .documents import Corrections, Recognition, recognise, recognition_catalog
from .documents.preview import preview_lines
from .formats.archimate.reading import read_archimate
from .formats.archimate.schema import NAMESPACE as ARCHIMATE_NAMESPACE
from .formats.csv import read_csv
from .formats.jhs191 import looks_like_plan
from .formats.notes import Note
from .formats.tables.layout import TABLES
from .formats.xlsx import read_xlsx
from .limits import file_size_check, json_parse, xml_parse, zip_size_check
from .plan_reading import looks_like_classification, read_classification, read_jhs191
from .textpage import Finding, is_page_style, parse_page
from .textpage.source import read_text
from .validation import CatalogError

FORMATS = (
    "auto",
    "text",
    "json",
    "xlsx",
    "csv",
    "html",
    "docx",
    "pdf",
    "table",
    "document",
    "jhs191",
    "classification",
    "archimate",
)
# A description in any layout, read by `documents`: by this format the command is told to read it so.
DOCUMENT_FORMATS = ("html", "docx", "pdf", "table", "document")
TABLE_READERS = {"xlsx": read_xlsx, "csv": read_csv}
# Formats read from the file's bytes by a reader of their own (not as text).
FILE_READERS = {**TABLE_READERS, "archimate": read_archimate}
PLAN_READERS = {"jhs191": read_jhs191, "classification": read_classification}  # the records management plan


def detect_format(path: Path, text: str | None = None) -> str:
    """The format by the file's name, else by its text. A workbook, CSV file or folder in Varanto's own
    layout is "xlsx" or "csv"; a table, page or folder of pages in any other layout is a description
    ("table", "html", "docx", "pdf", "document")."""
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return "xlsx" if _own_workbook(path) else "table"
    if suffix == ".xml" and path.is_file():
        with path.open("rb") as head:  # the root element's namespace, near the start
            if ARCHIMATE_NAMESPACE.encode() in head.read(4096):
                return "archimate"
    if suffix in (".html", ".htm", ".xhtml"):
        return "html"
    if suffix in (".docx", ".pdf"):
        return suffix[1:]
    if path.is_dir():
        return "csv" if _own_tables(path) else "document"
    if suffix == ".zip":
        return "csv"
    if suffix == ".csv":
        if _own_tables(path.parent) or path.name.casefold() in _own_files():
            return "csv"
        return "classification" if path.is_file() and looks_like_classification(path) else "table"
    if suffix == ".xml" and path.is_file():
        with path.open("rb") as file:
            if looks_like_plan(file.read(2000)):
                return "jhs191"
    if suffix == ".json" or (text or "").lstrip().startswith("{"):
        return "json"
    return "text"


def _own_files() -> set[str]:
    return {t.file_name.casefold() for t in TABLES}


def _own_tables(folder: Path) -> bool:
    """Whether a folder holds the CSV files `varanto export` writes."""
    return folder.is_dir() and any(p.name.casefold() in _own_files() for p in folder.iterdir())


def _own_workbook(path: Path) -> bool:
    """Whether a workbook has a sheet `varanto export` writes (its sheet names, read without openpyxl)."""
    try:
        file_size_check(path)
        with zipfile.ZipFile(path) as archive:
            zip_size_check(path, archive)
            root = xml_parse(archive.read("xl/workbook.xml"), f"{path}: xl/workbook.xml")
    except (zipfile.BadZipFile, KeyError, OSError, CatalogError):
        return True  # not a workbook that can be read: its own reader says why
    titles = {t.title.casefold() for t in TABLES}
    return any((sheet.get("name") or "").casefold() in titles for sheet in root.iter() if sheet.tag.endswith("sheet"))


def read_catalog(
    path: Path,
    *,
    fmt: str = "auto",
    organization_name: str | None = None,
    allow_undated: bool = False,
    allow_partial: bool = False,
) -> tuple[dict, Sequence[Finding | Note | Preview]]:
    """The canonical dict in `path` and what the reader noticed. Raises CatalogError.

    A text page in the City of Imatra's style is read by `textpage`, which takes a page without its
    update date as cut short unless `allow_undated`; any other description (text, HTML, DOCX, PDF,
    a folder of them) by `documents`, which refuses a file that looks cut short unless `allow_partial`.
    """
    if not path.exists():
        raise CatalogError([f"{path}: no such file"])
    if fmt == "auto":
        # Detected once: telling a workbook, table or plan apart opens the file. JSON and text are
        # told apart by the text, read below.
        detected = detect_format(path)
        if detected in FILE_READERS or detected in PLAN_READERS or detected in DOCUMENT_FORMATS:
            fmt = detected
    if fmt in PLAN_READERS:
        plan_catalog, plan_notes = PLAN_READERS[fmt](path, organization_name)
        return plan_catalog, plan_notes
    if fmt in DOCUMENT_FORMATS:
        return read_description([path], organization_name=organization_name, allow_partial=allow_partial)
    if fmt in FILE_READERS:
        catalog, notes = FILE_READERS[fmt](path)
        if organization_name:
            _organization(catalog, path)["name"] = organization_name
        return catalog, notes
    if path.is_dir():
        raise CatalogError([f"{path}: is a directory, not a file"])
    text, encoding_notes = read_text(path)
    findings = [Finding(0, note, "warning") for note in encoding_notes]
    fmt = detect_format(path, text) if fmt == "auto" else fmt
    if fmt == "json":
        data = json_parse(text, str(path))
        if isinstance(data, dict) and organization_name:
            _organization(data, path)["name"] = organization_name
        return data, findings
    if fmt == "text" and not is_page_style(text):
        return read_description([path], organization_name=organization_name, allow_partial=allow_partial)
    if fmt == "text":
        try:
            result = parse_page(text, organization_name=organization_name, allow_undated=allow_undated)
        except CatalogError as exc:
            raise CatalogError([f"{path}: {p}" for p in exc.problems]) from None
        return result.catalog, findings + result.findings
    raise CatalogError([f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}"])


def read_description(
    sources: Sequence,
    *,
    organization_name: str | None = None,
    allow_partial: bool = False,
    corrections: Corrections | None = None,
) -> tuple[dict, list[Finding | Note | Preview]]:
    """The canonical dict of a description in any layout (`documents.recognise`) and what was found.

    CatalogError when nothing at all is recognised, when the organisation is not known, or when a
    file looks cut short and `allow_partial` is not given; anything less is a warning. `corrections`
    are an official's (the back office's preview): label mappings and headings taken or not as resources.
    """
    recognition = recognise(sources, organization_name=organization_name, corrections=corrections)
    findings: list[Finding | Note | Preview] = [
        Finding(0, f"{w.where}: {w.text}", "warning") for w in recognition.warnings
    ]
    if recognition.cut_short:
        if not allow_partial:
            raise CatalogError(
                [
                    f"{reason}; the file may be cut short. If it is all there is, import it with --allow-partial."
                    for reason in recognition.cut_short
                ]
            )
        findings += [
            Finding(0, f"{reason}; imported as it is (--allow-partial)", "warning") for reason in recognition.cut_short
        ]
    if not recognition.resources:
        names = ", ".join(d.name for d in recognition.documents)
        raise CatalogError(
            [
                f"{names}: no structure recognised: no data resources found (a heading followed by labelled "
                "fields such as 'Käyttötarkoitus:', a list of names under a heading, or a table with a "
                "'Tietovaranto' column). Is this a publicity description?"
            ]
        )
    if not (organization_name or recognition.organization):
        raise CatalogError(["the description does not say whose it is; give the organisation with --organization NAME"])
    findings += [
        Finding(0, f"{r.where}: {r.name}: confidence {r.confidence:.2f} ({'; '.join(r.reasons)})")
        for r in recognition.resources
    ]
    findings.append(Preview(recognition))
    return _stated(recognition_catalog(recognition, organization_name)), findings


def _empty(value) -> bool:
    return value is None or value == "" or value == [] or (isinstance(value, dict) and all(map(_empty, value.values())))


def _stated(catalog: dict) -> dict:
    """Only what the description states: a field it does not mention is left out (not emptied), so that an
    import into an existing organisation keeps the field's value (its contacts, a resource's disclosure or
    retention), whichever path imports it. The canonical JSON and Varanto's tables state every field and
    replace them all."""
    for item in (catalog["organization"], *catalog["resources"]):
        for name in [k for k, v in item.items() if k not in ("key", "name", "section") and _empty(v)]:
            del item[name]
        for name, value in list(item.items()):
            if isinstance(value, dict):
                item[name] = {k: v for k, v in value.items() if not _empty(v)}
    return catalog


@dataclass(frozen=True)
class Preview:
    """What the recogniser found, passed with the findings so that a dry run can show it."""

    recognition: Recognition
    level: str = "preview"

    def __str__(self) -> str:
        return "\n".join(preview_lines(self.recognition))


def _organization(catalog: dict, path: Path) -> dict:
    """The catalogue's organisation object, made when missing; CatalogError if it is something else."""
    organization = catalog.setdefault("organization", {})
    if not isinstance(organization, dict):
        raise CatalogError(
            [f"{path}: organization: must be an object with the organisation's name, not {organization!r:.40}"]
        )
    return organization
