"""Downloads (language-independent): the latest publication in each format, and the blank template.

Addresses end in the file's own name, so that a static copy of the site (`varanto site`) can
serve the same paths as plain files:

- /<org>/lataa/kuvaus.json, .csv.zip, .xlsx, .dcat.ttl, .dcat.rdf, .dcat.jsonld  (`downloads:file`, org + fmt)
- /<org>/lataa/tietovarannot.csv and the other tables one by one                (`downloads:csv_table`)
- /<org>/dcat/catalog.ttl, .rdf, .jsonld: the stable address for a DCAT harvester (`downloads:dcat_catalog`)
- /lataa/tietovarannot-pohja.xlsx: the blank template                           (`downloads:template`)
"""

import re

from django.urls import path, register_converter

from . import views
from .downloads import CSV_TABLES
from .formats import FORMATS
from .formats.dcat import RDF_FORMATS

app_name = "downloads"


def choices(values: dict[str, str]) -> type:
    """A path converter matching a fixed set of URL parts, each standing for a value."""
    to_part = {v: k for k, v in values.items()}

    class Choices:
        regex = "|".join(sorted((re.escape(p) for p in values), key=len, reverse=True))

        def to_python(self, part: str) -> str:
            return values[part]

        def to_url(self, value: str) -> str:
            return to_part[value]

    return Choices


register_converter(choices({f.suffix: f.name for f in FORMATS.values()}), "download_format")
register_converter(choices({fmt.removeprefix("dcat-"): fmt for fmt in RDF_FORMATS}), "rdf_format")
register_converter(choices({name: name for name in CSV_TABLES}), "csv_table")

urlpatterns = [
    path("<slug:org>/lataa/kuvaus<download_format:fmt>", views.publication_file, name="file"),
    path("<slug:org>/lataa/<csv_table:table>", views.csv_table, name="csv_table"),
    path("<slug:org>/dcat/catalog.<rdf_format:fmt>", views.publication_file, name="dcat_catalog"),
    path("lataa/tietovarannot-pohja.xlsx", views.template, name="template"),
]
