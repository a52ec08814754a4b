"""Reading the free wording of a description into structure.

Each function takes the text as an official wrote it and returns the structured value;
callers keep the original wording beside it.
"""

from __future__ import annotations

import re

ORG_SUFFIX = re.compile(r"\b(Oy|Oyj|Ab|Abp|Ky|Ay|ry|rf|Osk|kuntayhtymä|säätiö|sr)\.?$")


def split_with_separators(text: str, separators: re.Pattern) -> list[tuple[str, str]]:
    """Split on `separators` except inside parentheses: [(separator before, part), …]."""
    parts: list[tuple[str, str]] = []
    depth, start, before, i = 0, 0, "", 0
    while i < len(text):
        ch = text[i]
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            match = separators.match(text, i)
            if match and match.end() > i:
                parts.append((before, text[start:i].strip()))
                before = match.group().strip() or " "
                start = i = match.end()
                continue
        i += 1
    parts.append((before, text[start:].strip()))
    return parts


def split_outside_parens(text: str, separators: re.Pattern) -> list[str]:
    return [part for _, part in split_with_separators(text, separators)]


# --- lists of data sets and search criteria ------------------------------------------------

LIST_SEPARATORS = re.compile(r"\s*[;,]\s*|\s+sekä\s+")
FINAL_AND = re.compile(r"(?<![-\s])\s+ja\s+")
NUMBERS_ONLY = re.compile(r"^[\d\s.,–-]+(ja\s+[\d\s.,–-]+)?$")


def _is_lone_genitive(text: str) -> bool:
    """A single word in the genitive ("johtoryhmien", "Kilpailutuksen") modifies what follows it."""
    return " " not in text and text.endswith("n") and not text[:1].isdigit()


def split_items(text: str) -> list[str]:
    """ "Hakijat, työsopimukset, työsuhteet ja palkkatiedot" → four items.

    Semicolons, commas and "sekä" separate items (not inside parentheses); the last item's
    final "ja" does too, unless it joins compound halves ("asumisterveys- ja huoneistovalvonta"),
    genitive modifiers ("Kilpailutuksen ja hankinnan tietoaineistot") or years ("2020 ja 2021").
    """
    raw = [p for p in split_outside_parens(text.strip().rstrip(".;"), LIST_SEPARATORS) if p]
    items: list[str] = []
    for part in raw:
        if items and (NUMBERS_ONLY.match(part) or _is_lone_genitive(items[-1].split(", ")[-1])):
            items[-1] = f"{items[-1]}, {part}"
        else:
            items.append(part)
    if items and "(" not in items[-1]:
        head, sep, tail = _rpartition(FINAL_AND, items[-1])
        if sep and not _is_lone_genitive(head) and not NUMBERS_ONLY.match(tail) and "," not in head:
            items[-1:] = [head, tail]
    return items


def _rpartition(pattern: re.Pattern, text: str) -> tuple[str, str, str]:
    matches = list(pattern.finditer(text))
    if not matches:
        return text, "", ""
    m = matches[-1]
    return text[: m.start()], m.group(), text[m.end() :]


# --- responsible -------------------------------------------------------------------------


def parse_responsible(text: str) -> dict[str, str]:
    """ "vesihuoltopäällikkö (Imatran Vesi liikelaitos)" → title and unit;
    "Imatra Base Camp Oy" → an outside organisation."""
    text = text.strip().rstrip(".")
    unit = ""
    match = re.search(r"\(([^()]+)\)\s*$", text)
    if match:
        unit = match.group(1).strip()
        text = text[: match.start()].strip()
    if ORG_SUFFIX.search(text):
        return {"title": "", "organization": text, "unit": unit}
    return {"title": text, "organization": "", "unit": unit}


# --- disclosure --------------------------------------------------------------------------

PARTLY = re.compile(r"soveltuvi|soveltuvien|osittain|osin\b|osa tiedoista|delvis|i tillämpliga delar", re.I)
PARTLY_AND = re.compile(r"^(?:soveltuvin osin|soveltuvien osien|osittain)\s+(?:ja|sekä)\s+([^,.;(]+)", re.I)
INTERNAL = re.compile(r"sisäi|internt|organisaatiossa", re.I)
PUBLIC = re.compile(r"julkise\w* verko|julkinen|julkiset|julkisesti|avoimesti|saatavilla|offentlig", re.I)
CONFIDENTIAL = re.compile(r"salassa pidett|sekretess", re.I)
NO = re.compile(r"^(ei|nej)\b", re.I)
RECIPIENT_WORDS = re.compile(r"asianosai|henkilökun|henkilöstö|huoltaj|viranomai|parter", re.I)


def _recipients(text: str) -> list[str]:
    """A list of recipients; where semicolons separate them, "ja" stays inside a name
    ("oppilaat ja opiskelijat")."""
    separators = r"\s*[;,]\s*" if ";" in text else r"\s*[;,]\s*|\s+ja\s+|\s+sekä\s+"
    return [p for p in split_outside_parens(text.strip().rstrip("."), re.compile(separators)) if p]


def classify_disclosure(text: str) -> tuple[str | None, list[str], str]:
    """(level, recipients, how it was decided) for a disclosure wording (tietojen luovutus)."""
    t = text.strip()
    if NO.match(t):
        if re.match(r"^ei\s+ulos", t, re.I):
            return "internal", [], '"ei ulos": used inside the organisation only'
        return "none", [], '"ei": not disclosed'
    if CONFIDENTIAL.search(t) and PUBLIC.search(t):
        return "partial", [], "public data is disclosed, confidential data is not"
    if INTERNAL.search(t) and not PUBLIC.search(t):
        return "internal", [], "visible inside the organisation only"
    if PARTLY.search(t):
        match = PARTLY_AND.match(t)
        named = _recipients(match.group(1)) if match else []
        return "partial", named, "disclosed as applicable" + (f", also to {', '.join(named)}" if named else "")
    if PUBLIC.search(t):
        return "public", [], "public on the web"
    if ";" in t or RECIPIENT_WORDS.search(t):
        recipients = _recipients(t)
        return "restricted", recipients, f"to named recipients only: {', '.join(recipients)}"
    return None, [], "wording not recognised"


# --- technical interface -----------------------------------------------------------------


def classify_api(text: str) -> tuple[str | None, str]:
    """(availability, how it was decided) for the technical interface wording."""
    lower = text.strip().lower()
    if re.match(r"^(kyllä|on|ja)\b", lower):
        return "yes", '"kyllä"'
    if re.match(r"^(ei|nej)\b", lower):
        return "no", '"ei"'
    if re.match(r"^(osittain|osin|delvis)\b", lower) or re.search(r"\bvoi hakea|\bomaan asiaan|rajoitetusti", lower):
        return "partial", "partly, or only for one's own matters"
    return None, "wording not recognised"


# --- retention and archiving -------------------------------------------------------------

PERIOD = re.compile(r"\b(\d+\s*(?:vuotta|vuoden|v\.|kuukautta|år|years?))|\b(pysyvästi|varaktigt|permanently)", re.I)


def classify_retention(text: str) -> dict[str, str | None]:
    lower = text.lower()
    permanent = bool(re.search(r"pysyv|varaktig|permanent", lower))
    destroy = bool(re.search(r"hävit|tuhot|förstör|destroy", lower))
    archiving = "mixed" if permanent and destroy else "permanent" if permanent else "destroy" if destroy else None
    period = PERIOD.search(text)
    return {"period": period.group(0) if period else "", "archiving": archiving, "text": text.strip()}


# --- notes: partners and data flows ------------------------------------------------------

PARTNER = re.compile(r"[Yy]hteistyötaho(?:na|t)?\s+((?:[A-ZÅÄÖ][\w-]*)(?:\s+(?:Oy|Oyj|Ab|ry|[A-ZÅÄÖ][\w-]*))*)")
DATA_FLOW = re.compile(r"[Ss]iirretään\s+tietoa?\s+([A-ZÅÄÖ][\w-]*)\s*-?\s*tietovarantoon[^.]*\.?")


def find_partners(text: str) -> list[str]:
    return list(dict.fromkeys(m.group(1) for m in PARTNER.finditer(text)))


def find_data_flows(text: str) -> list[dict[str, str]]:
    flows: dict[str, str] = {}
    for m in DATA_FLOW.finditer(text):
        flows.setdefault(m.group(1), m.group(0).strip())
    return [{"target": target, "description": description} for target, description in flows.items()]
