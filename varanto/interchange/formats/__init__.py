"""The formats a catalogue is exported in, each made in one place from the canonical dict.

`render(catalog, fmt, links)` is what `varanto export`, the public downloads and the static
site all call; `FORMATS` says for each its media type and file-name ending.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

from varanto.core.text import scrubbed

from ..links import PublicLinks
from . import csv, dcat, xlsx
from .archimate.export import MEDIA_TYPE as ARCHIMATE_MEDIA_TYPE
from .archimate.export import catalog_archimate

# Raised whenever the output of a format changes for the same catalogue, so that download ETags change with it.
REVISION = "2"


def catalog_json(catalog: dict) -> bytes:
    return (json.dumps(catalog, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


@dataclass(frozen=True)
class Format:
    name: str
    label: str
    media_type: str
    suffix: str  # the ending of a file name: "kuvaus" + suffix
    render: Callable[[dict, PublicLinks], bytes]


def _dcat(fmt: str) -> Callable[[dict, PublicLinks], bytes]:
    return lambda catalog, links: dcat.catalog_dcat(catalog, links, fmt)


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("json", "JSON (varanto.catalog/1)", "application/json", ".json", lambda c, _: catalog_json(c)),
        Format("csv", "CSV", csv.ZIP_MEDIA_TYPE, ".csv.zip", lambda c, _: csv.catalog_csv_zip(c)),
        Format("xlsx", "Excel (XLSX)", xlsx.MEDIA_TYPE, ".xlsx", lambda c, _: xlsx.catalog_xlsx(c)),
        Format("dcat-ttl", "DCAT-AP (Turtle)", dcat.MEDIA_TYPES["dcat-ttl"], ".dcat.ttl", _dcat("dcat-ttl")),
        Format("dcat-rdf", "DCAT-AP (RDF/XML)", dcat.MEDIA_TYPES["dcat-rdf"], ".dcat.rdf", _dcat("dcat-rdf")),
        Format(
            "dcat-jsonld", "DCAT-AP (JSON-LD)", dcat.MEDIA_TYPES["dcat-jsonld"], ".dcat.jsonld", _dcat("dcat-jsonld")
        ),
        Format(
            "archimate",
            "ArchiMate 3.1 (Model Exchange)",
            ARCHIMATE_MEDIA_TYPE,
            ".archimate.xml",
            lambda c, _: catalog_archimate(c),
        ),
    )
}


def render(catalog: dict, fmt: str, links: PublicLinks) -> bytes:
    """The catalogue in format `fmt` (a key of FORMATS); `links` roots the addresses DCAT points to.

    Texts are scrubbed first: whatever a stored value holds, no format fails or comes out ill-formed.
    """
    return FORMATS[fmt].render(scrubbed(catalog), links)
