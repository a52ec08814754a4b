"""Checks a catalogue against the JSON Schema of `varanto.catalog/1`, with readable messages."""

import json
from functools import cache
from importlib import resources

from jsonschema import Draft202012Validator

SCHEMA_FILE = "catalog.schema.json"


class CatalogError(Exception):
    """A catalogue that cannot be imported; `problems` lists each one with where it is."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


@cache
def catalog_schema() -> dict:
    return json.loads(resources.files("varanto.interchange.schema").joinpath(SCHEMA_FILE).read_text("utf-8"))


@cache
def _validator() -> Draft202012Validator:
    return Draft202012Validator(catalog_schema(), format_checker=Draft202012Validator.FORMAT_CHECKER)


def json_path(path) -> str:
    """["resources", 3, "name"] → "resources[3].name"."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


def _describe(data, path) -> str:
    """Name the record an error sits in, so a person can find it: resources[3] ("Kirjasto")."""
    node, label = data, json_path(path)
    for part in list(path)[:2]:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return label
    if isinstance(node, dict) and isinstance(node.get("name"), str) and node["name"].strip():
        return f'{label} ("{node["name"]}")'
    return label


def validate_catalog(data) -> None:
    """Raise CatalogError listing every schema violation; return None when the catalogue is valid."""
    if not isinstance(data, dict):
        raise CatalogError(["(top level): a catalogue must be a JSON object"])
    errors = sorted(_validator().iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
    if errors:
        raise CatalogError([f"{_describe(data, e.absolute_path)}: {e.message}" for e in errors])
