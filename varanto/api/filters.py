"""Query parameters of the public lists, checked by DRF serializers, and the filters they apply.

The public API lists records of a publication (a JSON snapshot), so filtering runs over those
records rather than a QuerySet; a text query `q` goes through the search engine of
`varanto.search`, which ranks by Finnish word analysis, and its score orders the results.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from varanto.catalog.models import ApiAvailability, DisclosureLevel
from varanto.publications.catalog import ResourceEntry, SystemEntry
from varanto.search.selectors import MAX_QUERY_LENGTH, search_resources

from .published import Published

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


def text_parameter(help_text: StrOrPromise, max_length: int = MAX_QUERY_LENGTH) -> serializers.RegexField:
    """Free text in a query parameter; the schema says a NUL character is not text, as DRF refuses it."""
    return serializers.RegexField(r"^[^\x00]+$", required=False, max_length=max_length, help_text=help_text)


class ResourceQuery(serializers.Serializer):
    section = text_parameter(_("Only data resources of the section with this key."))
    system = text_parameter(_("Only data resources that use this system (its key or name)."))
    disclosure = serializers.ChoiceField(
        choices=DisclosureLevel.choices, required=False, help_text=_("Only data resources with this disclosure level.")
    )
    api = serializers.ChoiceField(
        choices=ApiAvailability.choices,
        required=False,
        help_text=_("Only data resources whose data is (or is not) available through a technical interface."),
    )
    q = text_parameter(_("Text search in Finnish (inflected words and compounds are understood); best match first."))


class TextQuery(serializers.Serializer):
    q = text_parameter(_("Text the record contains."))


def query_params(serializer_class: type[serializers.Serializer], request) -> dict:
    """The request's query parameters checked by the serializer; a 400 names each bad one."""
    # A plain dict, not the QueryDict: DRF would read "?q=" from an HTML form as "not given", where the schema says invalid.
    serializer = serializer_class(data=request.query_params.dict())
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data


def _uses(entry: ResourceEntry, system: str) -> bool:
    wanted = system.casefold()
    return any(use.name.casefold() == wanted or (use.system or {}).get("key") == system for use in entry.systems)


def resources_filtered(published: Published, params: dict) -> list[tuple[ResourceEntry, float | None]]:
    """The data resources that match every given filter, with their search score when `q` is given."""
    entries = published.catalog.resources
    if params.get("section"):
        entries = [e for e in entries if e.section["key"] == params["section"]]
    if params.get("system"):
        entries = [e for e in entries if _uses(e, params["system"])]
    if params.get("disclosure"):
        entries = [e for e in entries if (e.record.get("disclosure") or {}).get("level") == params["disclosure"]]
    if params.get("api"):
        entries = [e for e in entries if (e.record.get("api") or {}).get("availability") == params["api"]]
    query = (params.get("q") or "").strip()
    if not query:
        return [(e, None) for e in entries]
    organization = published.publication.organization
    hits = search_resources(query=query, organization=organization).hits
    by_key = {e.key: e for e in entries}
    return [(by_key[h.document.resource_key], h.score) for h in hits if h.document.resource_key in by_key]


def _contains(record: dict, fields: tuple[str, ...], text: str) -> bool:
    return any(text in (record.get(f) or "").casefold() for f in fields)


def systems_filtered(published: Published, params: dict) -> list[SystemEntry]:
    text = (params.get("q") or "").strip().casefold()
    systems = published.catalog.systems
    return (
        [s for s in systems if _contains(s.record, ("name", "vendor", "purpose", "description"), text)]
        if text
        else systems
    )
