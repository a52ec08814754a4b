"""Reading the open data paragraph of a description into data sets and data services.

    "Avoindata.fi -palvelussa myös ulkoisista lähteistä tuotettuna Imatran opaskartta, …
    ja hydrologiset havaintopaikat sekä Imatran WMS rajapintapalvelu. Imatran WMS palvelu on
    WMS-rajapintapalvelu, jonka kautta on saatavilla seuraavat karttatasot (suluissa tekninen
    nimi): Opaskartta (Opaskartta), … ja Rakentamisrajoitusalueet (Rakennuskieltoalueet) sekä
    (Suunnittelutarvealueet)."

The sentence naming avoindata.fi lists data sets and services; a service is an item naming
an interface (WMS, WFS, rajapinta). A sentence listing "karttatasot"/"tasot" after a colon
gives the layers of the service, each "Title (technical name)"; a bare "(name)" is one more
technical layer under the previous title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .wording import split_with_separators

SENTENCES = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ])")
LIST_CUE = re.compile(r"\b(?:tuotettuna|saatavilla|saatavana|julkaistu|julkaistaan|lisäksi|myös)\s+", re.I)
RELATIVE_CLAUSE = re.compile(r",\s*(?:jotka|joka|joiden|jonka)\b.*$")
ITEM_SEPARATORS = re.compile(r",\s*|\s+ja\s+|\s+sekä\s+")
SERVICE = re.compile(r"\b(WMS|WFS|WMTS|API)\b|rajapinta", re.I)
LAYER = re.compile(r"^(?P<title>[^()]*?)\s*\((?P<name>[^()]+)\)$")


@dataclass
class OpenData:
    datasets: list[dict] = field(default_factory=list)
    services: list[dict] = field(default_factory=list)
    notes: list[tuple[int, str]] = field(default_factory=list)


def _service_type(name: str) -> str:
    match = re.search(r"\b(WMS|WFS|WMTS|API)\b", name, re.I)
    return match.group(1).upper() if match else ""


def parse_open_data(text: str, line: int) -> OpenData:
    found = OpenData()
    sentences = SENTENCES.split(text)
    for sentence in sentences:
        if "avoindata" not in sentence.lower():
            continue
        listed = RELATIVE_CLAUSE.sub("", sentence.rstrip("."))
        cues = list(LIST_CUE.finditer(listed))
        if not cues:
            continue
        external = bool(re.search(r"ulkoisista lähteistä|ulkopuolisista lähteistä", sentence, re.I))
        for _, item in split_with_separators(listed[cues[-1].end() :], ITEM_SEPARATORS):
            if not item:
                continue
            if SERVICE.search(item):
                found.services.append(
                    {"name": item, "type": _service_type(item), "url": "", "description": "", "layers": []}
                )
            else:
                found.datasets.append({"name": item, "produced_externally": external})
        break

    for sentence in sentences:
        head, colon, tail = sentence.partition(":")
        if not colon or not re.search(r"tasot|lager|layers", head, re.I):
            continue
        layers: list[dict] = []
        for _, item in split_with_separators(tail.strip().rstrip("."), ITEM_SEPARATORS):
            match = LAYER.match(item.strip())
            if match:
                title = match["title"].strip() or (layers[-1]["title"] if layers else match["name"].strip())
                layers.append({"title": title, "name": match["name"].strip()})
            elif item.strip():
                layers.append({"title": item.strip(), "name": ""})
        if not found.services:
            name = re.split(r"\s+on\s+", head)[0].strip()
            found.services.append(
                {"name": name, "type": _service_type(head), "url": "", "description": "", "layers": []}
            )
        found.services[0]["layers"] = layers
        if not found.services[0]["type"]:
            found.services[0]["type"] = _service_type(head)
        found.notes.append((line, f"{found.services[0]['name']}: {len(layers)} layers"))

    if found.datasets or found.services:
        names = ", ".join(d["name"] for d in found.datasets)
        found.notes.append(
            (
                line,
                f"open data sets: {names or 'none'}; services: {', '.join(s['name'] for s in found.services) or 'none'}",
            )
        )
    return found
