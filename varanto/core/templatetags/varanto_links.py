"""`href`: a stored address as a link target, only if it is http(s) or mailto.

The write rules refuse other schemes; this filter is the second line, so a `javascript:` link
that reached the database (or a publication) before them is never rendered as a link target.
"""

from django import template

from varanto.core.text import link_scheme_allowed

register = template.Library()

REFUSED = "#"


@register.filter
def href(url) -> str:
    """`url` if a page may link to it, else "#" (a link to nowhere)."""
    return url if isinstance(url, str) and link_scheme_allowed(url) else REFUSED
