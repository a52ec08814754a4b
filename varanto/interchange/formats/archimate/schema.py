"""Validation against the Open Group's ArchiMate 3.1 exchange schemas, read from the package, never the network."""

from __future__ import annotations

from functools import cache
from importlib import resources

from lxml import etree

NAMESPACE = "http://www.opengroup.org/xsd/archimate/3.0/"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
SCHEMAS = resources.files("varanto.interchange.schema").joinpath("archimate3")


class _LocalSchemas(etree.Resolver):
    """`archimate3_Model.xsd` imports the W3C's xml.xsd by URL: answer with the copy beside it."""

    def resolve(self, url, pubid, context):
        name = url.rsplit("/", 1)[-1]
        if name in ("xml.xsd", "archimate3_Model.xsd", "archimate3_View.xsd"):
            return self.resolve_string(SCHEMAS.joinpath(name).read_bytes(), context)
        return None


@cache
def exchange_schema() -> etree.XMLSchema:
    """The schema of a whole exchange file with views (archimate3_Diagram.xsd includes the others)."""
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    parser.resolvers.add(_LocalSchemas())
    root = SCHEMAS.joinpath("archimate3_Diagram.xsd")
    document = etree.fromstring(root.read_bytes(), parser, base_url=str(root))
    return etree.XMLSchema(document)


def schema_errors(document: bytes) -> list[str]:
    """What the schema finds wrong with an exchange file, each with its line; [] when it is valid."""
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    schema = exchange_schema()
    if schema.validate(etree.fromstring(document, parser)):
        return []
    return [f"line {e.line}: {e.message}" for e in schema.error_log]
