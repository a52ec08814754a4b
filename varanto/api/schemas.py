"""The API's OpenAPI 3.1 schemas, derived from the canonical JSON Schema (catalog.schema.json).

A record in the API is the record of the canonical format, so its schema is taken from there
rather than written again: the public variant leaves out every property the JSON Schema marks
"x-internal" (the same marks the model's `internal()` fields carry, checked by a test), the
working-model variant keeps them. API items add a few links beside the record (`url` …),
declared here. `add_components` adds them to the schema drf-spectacular makes (a
postprocessing hook in SPECTACULAR_SETTINGS).
"""

from __future__ import annotations

import copy
import functools

from jsonschema import Draft202012Validator

from varanto.accounts.permissions import WORKFLOW
from varanto.catalog.models import ReviewStatus
from varanto.interchange.validation import catalog_schema

REF = "#/components/schemas/"
RECORDS = {  # canonical $defs name -> component name
    "key": "Key",
    "text": "Text",
    "name": "Name",
    "strings": "Strings",
    "date": "Date",
    "translations": "Translations",
    "responsible": "Responsible",
    "link": "Link",
    "organization": "Organization",
    "section": "Section",
    "resource": "Resource",
    "system": "System",
    "process": "Process",
    "interface": "Interface",
    "task_class": "TaskClass",
    "action": "Action",
    "document_type": "DocumentType",
    "restrictions": "Restrictions",
}
URL = {"type": "string", "format": "uri", "description": "The record's page on the public site."}


def _rewrite(node, *, public: bool):
    """A copy of a JSON Schema node with $refs pointing at components (and internal properties dropped)."""
    if isinstance(node, list):
        return [_rewrite(n, public=public) for n in node]
    if not isinstance(node, dict):
        return node
    out: dict = {}
    for key, value in node.items():
        if key == "$ref":
            name = value.removeprefix("#/$defs/")
            out[key] = REF + _component(name, public=public)
        elif key == "properties" and public:
            out[key] = {p: _rewrite(s, public=public) for p, s in value.items() if not s.get("x-internal")}
        else:
            out[key] = _rewrite(value, public=public)
    return out


WRITTEN = (
    "organization",
    "section",
    "resource",
    "system",
    "process",
    "interface",
    "task_class",
    "action",
    "document_type",
)  # kinds the working-model API reads and writes


# Parts of working records that hold internal fields themselves, so have a working variant too.
WORKING_PARTS = ("restrictions",)


def _component(def_name: str, *, public: bool) -> str:
    name = RECORDS.get(def_name, def_name)
    return name if public or def_name not in (*WRITTEN, *WORKING_PARTS) else f"Working{name}"


def _defs() -> dict:
    defs = copy.deepcopy(catalog_schema()["$defs"])
    open_data = defs.pop("open_data")["properties"]
    defs["OpenDataset"] = open_data["datasets"]["items"]
    defs["DataService"] = open_data["services"]["items"]
    return defs


def _with(schema: dict, extra: dict, description: str = "") -> dict:
    """A record schema with extra properties beside the canonical ones."""
    out = copy.deepcopy(schema)
    out["properties"] = {**out["properties"], **extra}
    if description:
        out["description"] = description
    return out


def ref(name: str) -> dict:
    return {"$ref": REF + name}


def _list(schema: dict) -> dict:
    return {"type": "array", "items": schema}


NOT_WRITABLE = {
    "resource": ("key", "review.last_reviewed"),
    "system": ("key", "review.last_reviewed"),
    "section": ("key",),
    "process": ("key",),
    "interface": ("key",),
    "task_class": ("key",),
    "action": ("key",),
    "document_type": ("key",),
    # Kept by imports and the description's own editing, not by the organisation's contact details.
    "organization": ("languages", "updated", "descriptions"),
}


def record_body(def_name: str, *, new: bool) -> dict:
    """The JSON Schema of a body that adds a record (`new`) or changes one: its writable fields.

    Refs still point at the catalogue's $defs; `body_validator` checks bodies with it and the
    API documents it (with refs rewritten).
    """
    schema = copy.deepcopy(catalog_schema()["$defs"][def_name])
    for path in NOT_WRITABLE[def_name]:
        *parents, last = path.split(".")
        node = schema
        for part in parents:
            node = node["properties"][part]
        node["properties"].pop(last)
    schema["required"] = [r for r in schema.get("required", []) if r != "key"] if new else []
    schema["description"] = (
        "A new record; its key is made from its name."
        if new
        else "The fields to change; those left out stay as they are."
    )
    return schema


@functools.cache
def body_validator(def_name: str, *, new: bool) -> Draft202012Validator:
    schema = {"$defs": catalog_schema()["$defs"], **record_body(def_name, new=new)}
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


REVIEW_MOVE = {
    "type": "object",
    "required": ["move"],
    "additionalProperties": False,
    "description": "A review move on a data resource: send it for review, approve it, or return it with a comment.",
    "properties": {
        "move": {"enum": [str(action) for action in WORKFLOW]},
        "comment": {"type": "string", "description": "What should be changed; required when returning."},
    },
}
PUBLISHING = {
    "type": "object",
    "additionalProperties": False,
    "description": "Publish the working model's public view as the next publication.",
    "properties": {
        "note": {"type": "string", "description": "What changed, shown with the publication."},
        "include_unapproved": {
            "type": "boolean",
            "default": False,
            "description": "Publish even though data resources await review or were returned (as they are now).",
        },
    },
}
BODIES = {"ReviewMove": REVIEW_MOVE, "Publishing": PUBLISHING}


@functools.cache
def request_validator(name: str) -> Draft202012Validator:
    """The validator of a request body that is not a record (`BODIES`)."""
    return Draft202012Validator(BODIES[name])


PUBLICATION = {
    "type": "object",
    "required": ["number", "published_at"],
    "additionalProperties": False,
    "properties": {
        "number": {"type": "integer", "minimum": 1},
        "published_at": {"type": "string", "format": "date-time"},
        "note": {"type": "string"},
    },
}


def components() -> dict:
    """Every schema component the API's answers refer to, by name."""
    defs = _defs()
    out: dict = {}
    for def_name, schema in defs.items():
        out[RECORDS.get(def_name, def_name)] = _rewrite(schema, public=True)
    for def_name in (*WRITTEN, *WORKING_PARTS):
        out[_component(def_name, public=False)] = _rewrite(defs[def_name], public=False)

    out["PublicationHeader"] = PUBLICATION
    out["PublicationSummary"] = _with(
        PUBLICATION, {"url": {"type": "string", "format": "uri"}}, "A publication (julkaisu)."
    )
    catalog = catalog_schema()
    out["Catalog"] = {
        "description": "A whole catalogue in the canonical format (varanto.catalog/1): a publication's public content.",
        **_rewrite(
            {k: v for k, v in catalog.items() if not k.startswith("$") and k not in ("title", "description")},
            public=True,
        ),
    }
    out["OpenDataCatalog"] = {
        "type": "object",
        "additionalProperties": False,
        "properties": {"datasets": _list(ref("OpenDataset")), "services": _list(ref("DataService"))},
    }
    out["ResourceItem"] = _with(
        out["Resource"],
        {
            "url": URL,
            "score": {"type": "number", "description": "Relevance to the text query `q`; only when searching."},
        },
        "Tietovaranto: a data resource of the latest publication.",
    )
    out["SectionItem"] = _with(
        out["Section"],
        {
            "url": URL,
            "resources": {**_list(ref("Key")), "description": "Keys of the section's data resources, in order."},
        },
        "Toimiala: a grouping of data resources.",
    )
    out["SystemItem"] = _with(
        out["System"],
        {
            "url": URL,
            "resources": _list(
                {
                    "type": "object",
                    "required": ["key", "name"],
                    "additionalProperties": False,
                    "properties": {"key": ref("Key"), "name": {"type": "string"}, "usage": {"type": "string"}},
                }
            ),
            "interfaces": {
                **_list(ref("Interface")),
                "description": "Its interfaces (liittymät) to and from other systems.",
            },
        },
        "Tietojärjestelmä: an information system, with the data resources that use it and its interfaces.",
    )
    out["OrganizationItem"] = _with(
        out["Organization"],
        {
            "slug": ref("Key"),
            "url": URL,
            "publication": ref("PublicationHeader"),
            "downloads": {
                "type": "object",
                "additionalProperties": {"type": "string", "format": "uri"},
                "description": "The latest publication as files: json, csv, xlsx, dcat-ttl, dcat-rdf, dcat-jsonld.",
            },
        },
        "Tiedonhallintayksikkö: an organisation as its latest publication describes it.",
    )
    out["OrganizationSummary"] = {
        "type": "object",
        "required": ["slug", "name", "publication"],
        "additionalProperties": False,
        "properties": {
            "slug": ref("Key"),
            "name": {"type": "string"},
            "updated": ref("Date"),
            "url": URL,
            "publication": ref("PublicationHeader"),
        },
    }
    review = {
        "review_status": {"enum": [str(status) for status in ReviewStatus]},
        "review_comment": {"type": "string", "description": "Why the resource was returned, until it is approved."},
    }
    for def_name in WRITTEN:
        item = RECORDS[def_name]
        out[f"Working{item}Item"] = _with(
            out[f"Working{item}"],
            {
                "version": {
                    "type": "integer",
                    "minimum": 1,
                    "description": 'Raised by every saved change; the ETag is "v<version>".',
                },
                **(review if def_name == "resource" else {}),
            },
            "A record of the working model, internal fields included.",
        )
        out[f"{item}Change"] = _rewrite(record_body(def_name, new=False), public=False)
        if def_name != "organization":  # one record per organisation, made when it is set up
            out[f"{item}New"] = _rewrite(record_body(def_name, new=True), public=False)
    out.update(BODIES)
    out["Error"] = {
        "type": "object",
        "description": "What was wrong: `detail`, or each query parameter with its messages.",
        "additionalProperties": {"oneOf": [{"type": "string"}, _list({"type": "string"})]},
    }
    return out


def paginated(name: str) -> dict:
    """A page of items, as DRF's PageNumberPagination answers."""
    return {
        "type": "object",
        "required": ["count", "results"],
        "additionalProperties": False,
        "properties": {
            "count": {"type": "integer", "minimum": 0},
            "next": {"type": ["string", "null"], "format": "uri"},
            "previous": {"type": ["string", "null"], "format": "uri"},
            "results": _list(ref(name)),
        },
    }


def add_components(result: dict, generator, request, public) -> dict:
    """drf-spectacular postprocessing hook: the record schemas beside the ones it made itself."""
    result.setdefault("components", {}).setdefault("schemas", {}).update(components())
    return result
