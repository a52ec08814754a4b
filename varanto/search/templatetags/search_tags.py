"""Where a result matched, in words, on the results page (never its points: scores are the engine's own)."""

from django import template
from django.utils.translation import gettext_lazy as _

from ..documents import DATASETS, KEYWORDS, NAME, NOTES, OTHER

register = template.Library()

FIELD_NAMES = {
    NAME: _("Name"),
    KEYWORDS: _("Keywords"),
    DATASETS: _("Key data sets"),
    OTHER: _("Description"),
    NOTES: _("Other information"),
}


@register.filter
def matched_fields(contributions) -> list[str]:
    """The parts of the resource the search words were found in, the weightiest first, each once."""
    ordered = sorted(contributions, key=lambda match: match.points, reverse=True)
    return list(dict.fromkeys(str(FIELD_NAMES.get(match.field, match.field)) for match in ordered))
