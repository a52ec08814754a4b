"""Words for the parts of a score, on the results page."""

from django import template
from django.utils.translation import gettext_lazy as _

from ..analysis.text import COMPOUND, PART, ROOT, WHOLE
from ..documents import DATASETS, KEYWORDS, NAME, NOTES, OTHER

register = template.Library()

FIELD_NAMES = {
    NAME: _("Name"),
    KEYWORDS: _("Keywords"),
    DATASETS: _("Key data sets"),
    OTHER: _("Description"),
    NOTES: _("Other information"),
}
KIND_NAMES = {
    WHOLE: _("whole word"),
    COMPOUND: _("inside a compound word"),
    PART: _("part of a compound word"),
    ROOT: _("a word derived from it"),
}


@register.filter
def search_field(field: str) -> str:
    return str(FIELD_NAMES.get(field, field))


@register.filter
def search_kind(kind: str) -> str:
    return str(KIND_NAMES.get(kind, kind))
