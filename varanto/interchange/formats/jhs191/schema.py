"""Validation against the JHS 191 schemas (lxml), kept in `interchange/schema/jhs191` (sources in its README)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from lxml import etree

NS = "http://skeemat.jhs-suositukset.fi/tos/2015/01/15"
SCHEMAS = Path(__file__).resolve().parents[2] / "schema" / "jhs191"
STANDARD = "Skeema_TOS_kooste.xsd"
HELSINKI = "Skeema_TOS_kooste_HKI_custom.xsd"  # helerm's relaxed variant


def _parser() -> etree.XMLParser:
    # The input was read once by `limits.xml_parse` already (no DTD, no entities); this parser
    # still resolves nothing and reaches nothing outside, whatever it is given.
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


@cache
def _schema(name: str) -> etree.XMLSchema:
    # The schemas include and import each other by relative path, beside them in SCHEMAS.
    return etree.XMLSchema(etree.parse(str(SCHEMAS / name), _parser()))


def schema_errors(data: bytes, *, relaxed: bool = False, limit: int = 50) -> list[str]:
    """What makes `data` invalid against the standard schema (or helerm's relaxed one), line by line."""
    return tree_errors(etree.fromstring(data, _parser()), relaxed=relaxed, limit=limit)


def tree_errors(document, *, relaxed: bool = False, limit: int = 50) -> list[str]:
    """`schema_errors` of a document built in memory."""
    schema = _schema(HELSINKI if relaxed else STANDARD)
    if schema.validate(document):
        return []
    return [f"line {e.line}: {e.message}" for e in list(schema.error_log)[:limit]]
