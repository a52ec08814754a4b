"""The tabular form of a catalogue (one table per kind of record), shared by CSV and XLSX."""

from .reading import RawSheet, catalog_from_sheets
from .sheets import Sheet, catalog_sheets

__all__ = ["RawSheet", "Sheet", "catalog_from_sheets", "catalog_sheets"]
