"""Varanto: a public organisation's information management model (tiedonhallintamalli)
and its published publicity description (asiakirjajulkisuuskuvaus)."""

import os

# openpyxl parses a workbook with lxml whenever lxml is installed (the JHS 191 schema checks need it),
# and lxml would expand a workbook's entities; this keeps openpyxl on defusedxml, which refuses them.
os.environ.setdefault("OPENPYXL_LXML", "False")
