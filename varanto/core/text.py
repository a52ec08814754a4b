"""Text that every output can hold, and addresses that are safe to link to.

The write rules (`varanto.catalog.services.values`) keep bad characters and link schemes out of
the database; the exporters and templates use the same functions again on what they read, so a
value that got in before those rules (or past them) cannot break an export or a page.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

# C0 controls but tab and newline, DEL, C1 controls, lone surrogates and the two non-characters
# XML 1.0 forbids: none belongs in a text, and each breaks some output (openpyxl refuses them,
# XML cannot hold them, PostgreSQL refuses NUL, UTF-8 cannot encode a lone surrogate).
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
# Word's manual line break (vertical tab) and a page break are line breaks to the writer.
LINE_BREAKS = re.compile("\r\n?|[\x0b\x0c]")

# The only schemes a stored link may have, and a page may link to.
LINK_SCHEMES = ("http", "https", "mailto")


def without_controls(text: str) -> tuple[str, list[str]]:
    """The text with line breaks made newlines and control characters removed, and what was removed (as U+XXXX)."""
    text = LINE_BREAKS.sub("\n", text)
    found = CONTROL.findall(text)
    if not found:
        return text, []
    return CONTROL.sub("", text), sorted({f"U+{ord(c):04X}" for c in found})


def scrubbed(data):
    """`data` (a canonical dict, a list, a text) with every text made safe for any output."""
    if isinstance(data, str):
        return without_controls(data)[0]
    if isinstance(data, dict):
        return {scrubbed(k): scrubbed(v) for k, v in data.items()}
    if isinstance(data, list | tuple):
        return [scrubbed(v) for v in data]
    return data


def link_scheme_allowed(url: str) -> bool:
    """Whether `url` is a link a page may carry: http(s) with a host, or mailto with an address."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    if parts.scheme.lower() in ("http", "https"):
        return bool(parts.netloc)
    return parts.scheme.lower() == "mailto" and bool(parts.path)
