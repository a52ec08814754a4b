"""The preview of an import and its corrections (esikatselu ja korjaukset), for the back office and the command."""

from .build import Preview, catalog_corrected, catalog_preview, import_preview, organization_labels
from .corrections import corrections_apply, label_fold
from .reading import Source, catalog_read, sources_check
from .text import preview_lines

__all__ = [
    "Preview",
    "Source",
    "catalog_corrected",
    "catalog_preview",
    "catalog_read",
    "corrections_apply",
    "import_preview",
    "label_fold",
    "organization_labels",
    "preview_lines",
    "sources_check",
]
