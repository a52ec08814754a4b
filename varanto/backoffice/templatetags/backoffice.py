"""Template filters for the back office: labels for codes kept in saved reports, a record's declared fields."""

from django import template

from varanto.catalog.declarations import kind_of
from varanto.catalog.models import DisclosureLevel

from ..selectors.fields import detail_entries
from ..selectors.impact import PERSON_ROLES

register = template.Library()


@register.filter
def disclosure_label(code: str) -> str:
    return str(dict(DisclosureLevel.choices).get(code, code or "–"))


@register.simple_tag
def record_fields(record, *groups: str) -> list:
    """`{% record_fields resource "disclosure" "api" as fields %}`: the entries of the record's declared groups."""
    return detail_entries(kind_of(type(record)), record, groups)


@register.filter
def person_role(code: str) -> str:
    return str(PERSON_ROLES.get(code, code))


@register.filter
def joined(values, separator: str = ", ") -> str:
    return separator.join(str(v) for v in values or [])


@register.filter
def for_resource(by_resource: dict, resource):
    """`editor_of|for_resource:resource`: the entry of a table kept by resource id."""
    return by_resource.get(resource.pk)
