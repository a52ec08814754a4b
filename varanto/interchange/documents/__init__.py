"""Importing a publicity description in any common layout and format (kuvauksen tuonti).

`recognise(sources)` reads one organisation's description (one or more files, a folder, or
pasted text) into a `Recognition`: plain data saying which data resources were found, with each
field's text, the systems and responsible, a confidence per resource, every source location,
and the text that could not be placed. Nothing is written; `recognition_catalog` turns it into
the canonical dict that `interchange.services.catalog_import` imports.
"""

from .recognition import Corrections, Recognition, recognise, recognition_catalog

__all__ = ["Corrections", "Recognition", "recognise", "recognition_catalog"]
