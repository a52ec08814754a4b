"""Information systems (tietojärjestelmät) in the forms officials write them, each with its usage.

"Effica Varhaiskasvatus, Muksunetti, Läsnä-sovellus"   a list: three systems
"verot ja tullimaksut (Veroreskontra, Massi)"         "function (Product)": two, used for the function
"Tullin yritysasiakasrekisteri (ASKARE)"              a name with its abbreviation: one
"Varda-järjestelmä (kansallinen)"                     a name with a qualifier: one
"Hellewi, kansalaisopiston hallintaohjelma"           "Product, description": one, with its usage
"tiedot tallennetaan asianhallintajärjestelmään"      inside a sentence: the system named in it
"""

from __future__ import annotations

import re

from ...textpage.wording import split_outside_parens
from ..blocks import Location
from .model import RecognisedResource, RecognisedSystem

COMMA = re.compile(r"\s*[,;]\s*")
# "Dynasty ja Excel": two products; "tutkintopalvelu ja sähköinen asiointipalvelu" stays one.
AND_PRODUCT = re.compile(r"\s+(?:ja|sekä|och)\s+(?=[A-ZÅÄÖ])")
TRAILING_PAREN = re.compile(r"^(?P<before>.*?)\s*\((?P<inside>[^()]*)\)\s*$")
STORED_IN = re.compile(
    r"\b(?:tallenne\w*|tallentuu\w*|kirjataan|käsitellään|ylläpidetään|säilytetään|hallinnoidaan|"
    r"lagras|registreras|behandlas|förvaras)\s+(?:\S+\s+){0,3}?"
    r"(?:(?P<name>[\w-]*järjestelm)(?:ään|ässä|iin|issä)|(?P<swedish>[\w-]*systemet))\b"
    r"(?:\s*\((?P<product>[^()]+)\))?",
    re.I,
)
# "Hellewi - kansalaisopiston hallintaohjelma", "MultiPrimus, Kurre, Wilma - opetustoimen järjestelmät"
NAMED_BY_PRODUCT = re.compile(
    r"^(?P<products>.+?)\s+[-–]\s+(?P<what>.*(?:ohjelm|järjestelm|sovellu|system)\w*)\s*$", re.I
)
PRODUCT_THEN_KIND = re.compile(
    r"(?P<product>[A-ZÅÄÖ][\w.]*(?:-[A-ZÅÄÖ][\w.]*)*)\s+-(?P<kind>\w*(?:järjestelmä|ohjelma))\b"
)


def _capitalised(text: str) -> bool:
    return bool(text) and (text[0].isupper() or text[0].isdigit() or any(ch.isupper() for ch in text.split()[0][1:]))


def function_of_product(text: str) -> bool:
    """Whether `text` is written "function (Product)"."""
    paren = TRAILING_PAREN.match(text.strip().rstrip(".;"))
    return bool(paren and paren["before"] and not _capitalised(paren["before"]) and _capitalised(paren["inside"]))


def item_systems(text: str) -> list[tuple[str, str]]:
    """(name, usage) pairs in one list item or one comma-separated value."""
    text = text.strip().rstrip(".;")
    if not text:
        return []
    found: list[tuple[str, str]] = []
    parts = [
        q
        for p in split_outside_parens(text, COMMA)
        for q in (split_outside_parens(p, AND_PRODUCT) if _capitalised(p) else [p])
        if q
    ]
    for part in parts:
        paren = TRAILING_PAREN.match(part)
        if paren and function_of_product(part):
            # "function (Product, Product)": the products, used for the function
            for product in split_outside_parens(paren["inside"], COMMA):
                if product:
                    found.append((product.strip(), paren["before"].strip()))
        elif found and not _capitalised(part) and len(part.split()) >= 2 and len(parts) == 2:
            # "Product, description"
            name, _ = found[-1]
            found[-1] = (name, part)
        else:
            found.append((part, ""))
    return found


def sentence_systems(text: str) -> list[tuple[str, str]]:
    """Systems named inside a sentence ("tiedot tallennetaan asianhallintajärjestelmään (Dynasty)")."""
    out = []
    for match in STORED_IN.finditer(text):
        system = f"{match['name']}ä" if match["name"] else match["swedish"]
        product = (match["product"] or "").strip()
        if product and _capitalised(product):
            out.append((product, system.lower()))
        else:
            out.append((system.lower(), ""))
    return out


def name_systems(name: str) -> list[tuple[str, str]]:
    """Systems a resource's own name gives, where an entry is written per system
    ("Hellewi - kansalaisopiston hallintaohjelma", "…, Pallas-Kirjasto -kirjastotietojärjestelmä")."""
    match = NAMED_BY_PRODUCT.match(name)
    if match:
        products = [p.strip() for p in split_outside_parens(match["products"], COMMA) if p.strip()]
        if products and all(_capitalised(p) and len(p.split()) <= 3 for p in products):
            return [(p, match["what"].strip()) for p in products]
    return [(m["product"], m["kind"]) for m in PRODUCT_THEN_KIND.finditer(name)]


def resource_systems(resource: RecognisedResource) -> None:
    """Fill `resource.systems` from its systems field, or else from sentences in it and from its name."""
    found: list[tuple[str, str, Location]] = []
    systems = resource.fields.get("systems")
    if systems is not None:
        pieces = systems.items or tuple(systems.text.split("\n"))
        for piece in pieces:
            found += [(n, u, systems.where) for n, u in item_systems(piece)]
    description = resource.fields.get("description")
    if systems is None and description is not None and function_of_product(description.text):
        found += [(n, u, description.where) for n, u in item_systems(description.text)]  # "– asiakastiedot (Lifecare)"
    for fld, located in resource.fields.items():
        if fld != "systems":
            found += [(n, u, located.where) for n, u in sentence_systems(located.text)]
    for note in resource.notes:
        found += [(n, u, note.where) for n, u in sentence_systems(note.text)]
    if not found:
        found = [(n, u, resource.where) for n, u in name_systems(resource.name)]
    seen: dict[str, RecognisedSystem] = {}
    for name, usage, where in found:
        name = name.strip().rstrip(".")
        if not name:
            continue
        known = seen.get(name.casefold())
        if known is None:
            seen[name.casefold()] = RecognisedSystem(name, usage, where)
        elif usage and usage not in known.usage:
            known.usage = "; ".join(u for u in (known.usage, usage) if u)
    resource.systems = list(seen.values())
