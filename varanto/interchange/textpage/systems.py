"""Reading a "Tietojärjestelmä/ympäristö" line into systems, each with its usage.

Officials write product names capitalised and what a product is used for in lower case,
before or after the name or in parentheses:

    "Vesikanta CGI, verkosto KeyPro, tuotanto ja raportointi Mipro, …"
    → Vesikanta CGI; KeyPro (verkosto); Mipro (tuotanto ja raportointi); …

A lower-case fragment with no product of its own is the usage of the next product
("projektit, dokumentointi ja työnohjaus Buildie"), or, when "ja" joins it to a product
that already has a usage after its name, more of that usage ("M365 pilvialusta ja
työkalut (…)"). Fragments left over at the end are systems named in words
("verkkosivut sekä rahoittajien järjestelmät").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .wording import split_with_separators

URL = re.compile(r"\(?\s*(https?://[^\s)]+)\s*\)?")
SEPARATOR = re.compile(r",\s*|\s+ja\s+|\s+sekä\s+|\s+och\s+")
DOMAIN = re.compile(r"^[\w-]+\.[a-z]{2,}$")


@dataclass
class Segment:
    prefix: list[str]
    name: str
    suffix: list[str]
    paren: str
    joiner: str  # the separator before this segment: "," "ja" "sekä" or ""


@dataclass
class ParsedSystems:
    systems: list[dict[str, str]] = field(default_factory=list)
    links: list[dict[str, str]] = field(default_factory=list)


def _is_name_word(word: str) -> bool:
    return any(ch.isupper() or ch.isdigit() for ch in word) or bool(DOMAIN.match(word))


def _segment(text: str, joiner: str) -> Segment:
    paren = ""
    match = re.search(r"\(([^()]*(?:\([^()]*\)[^()]*)*)\)\s*$", text)
    if match:
        paren = match.group(1).strip()
        text = text[: match.start()].strip()
    words = text.split()
    named = [i for i, w in enumerate(words) if _is_name_word(w)]
    if not named:
        return Segment(prefix=words, name="", suffix=[], paren=paren, joiner=joiner)
    first, last = named[0], named[-1]
    return Segment(
        prefix=words[:first],
        name=" ".join(words[first : last + 1]),
        suffix=[w.lstrip("-") for w in words[last + 1 :]],
        paren=paren,
        joiner=joiner,
    )


def _joined(fragments: list[tuple[str, str]]) -> str:
    """Rebuild "projektit, dokumentointi ja työnohjaus" from (joiner, text) pairs."""
    out = ""
    for joiner, text in fragments:
        if out:
            out += ", " if joiner == "," else f" {joiner} "
        out += text
    return out


def parse_systems(text: str) -> ParsedSystems:
    result = ParsedSystems()
    for url in URL.findall(text):
        result.links.append({"url": url})
    text = URL.sub("", text).strip().rstrip(".")

    pieces = split_with_separators(text, SEPARATOR)

    pending: list[tuple[str, str]] = []  # lower-case fragments waiting for their product
    found: list[dict[str, str]] = []
    last_had_suffix = False
    for joiner, part in pieces:
        if not part:
            continue
        seg = _segment(part, joiner)
        if not seg.name:
            words = " ".join(seg.prefix) + (f" ({seg.paren})" if seg.paren else "")
            if found and last_had_suffix and not pending and joiner in ("ja", "sekä", "och"):
                found[-1]["usage"] = f"{found[-1]['usage']} {joiner} {words}"
            else:
                pending.append((joiner, words))
            continue
        usage_parts = []
        if seg.prefix or pending:
            usage_parts.append(_joined(pending + [(joiner if pending else "", " ".join(seg.prefix))]).strip())
        if seg.suffix:
            usage_parts.append(" ".join(seg.suffix))
        if seg.paren:
            usage_parts.append(seg.paren)
        found.append({"name": seg.name, "usage": " ".join(p for p in usage_parts if p)})
        last_had_suffix = bool(seg.suffix)
        pending = []
    found.extend({"name": words, "usage": ""} for _, words in pending)

    merged: dict[str, dict[str, str]] = {}
    for item in found:
        known = merged.get(item["name"].casefold())
        if known is None:
            merged[item["name"].casefold()] = item
        elif item["usage"]:
            known["usage"] = "; ".join(u for u in (known["usage"], item["usage"]) if u)
    result.systems = list(merged.values())
    for link in result.links:
        link["title"] = result.systems[0]["name"] if len(result.systems) == 1 else link["url"]
    return result
