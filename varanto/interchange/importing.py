"""Reading a catalogue file of any supported format into the canonical dict.

Each format's reader returns (catalog dict, findings); nothing is written here:
`interchange.services.catalog_import` writes the result in one transaction. Formats: a published page
(text), the canonical JSON, an Excel workbook (xlsx), CSV files (csv: a zip, a folder, or
one file of the folder) in the layout `varanto export` writes, and a JHS 191 records management
plan (jhs191, XML) or a task classification (classification: a CSV of code and title), both read
as the organisation's catalogue with the file's plan in it (`plan_reading`).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from .formats.csv import read_csv
from .formats.jhs191 import looks_like_plan
from .formats.notes import Note
from .formats.xlsx import read_xlsx
from .limits import json_parse
from .plan_reading import looks_like_classification, read_classification, read_jhs191
from .textpage import Finding, parse_page
from .textpage.source import read_text
from .validation import CatalogError

FORMATS = ("auto", "text", "json", "xlsx", "csv", "jhs191", "classification")
TABLE_READERS = {"xlsx": read_xlsx, "csv": read_csv}
PLAN_READERS = {"jhs191": read_jhs191, "classification": read_classification}  # the records management plan


def detect_format(path: Path, text: str | None = None) -> str:
    """The format by the file's name (a folder is CSV files), else by its text."""
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return "xlsx"
    if suffix == ".csv" and path.is_file() and looks_like_classification(path):
        return "classification"
    if suffix in (".csv", ".zip") or path.is_dir():
        return "csv"
    if suffix == ".xml" and path.is_file():
        with path.open("rb") as file:
            if looks_like_plan(file.read(2000)):
                return "jhs191"
    if suffix == ".json" or (text or "").lstrip().startswith("{"):
        return "json"
    return "text"


def read_catalog(
    path: Path, *, fmt: str = "auto", organization_name: str | None = None, allow_undated: bool = False
) -> tuple[dict, Sequence[Finding | Note]]:
    """The canonical dict in `path` and what the reader noticed. Raises CatalogError.

    `allow_undated` accepts a text page without its update date, which is otherwise taken as cut short.
    """
    if not path.exists():
        raise CatalogError([f"{path}: no such file"])
    if fmt == "auto" and detect_format(path) in TABLE_READERS:
        fmt = detect_format(path)
    if fmt == "auto" and detect_format(path) in PLAN_READERS:
        fmt = detect_format(path)
    if fmt in PLAN_READERS:
        plan_catalog, plan_notes = PLAN_READERS[fmt](path, organization_name)
        return plan_catalog, plan_notes
    if fmt in TABLE_READERS:
        catalog, notes = TABLE_READERS[fmt](path)
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
    if fmt == "text":
        try:
            result = parse_page(text, organization_name=organization_name, allow_undated=allow_undated)
        except CatalogError as exc:
            raise CatalogError([f"{path}: {p}" for p in exc.problems]) from None
        return result.catalog, findings + result.findings
    raise CatalogError([f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}"])


def _organization(catalog: dict, path: Path) -> dict:
    """The catalogue's organisation object, made when missing; CatalogError if it is something else."""
    organization = catalog.setdefault("organization", {})
    if not isinstance(organization, dict):
        raise CatalogError(
            [f"{path}: organization: must be an object with the organisation's name, not {organization!r:.40}"]
        )
    return organization
