"""Reads a publicity description page as published on a municipal website into the canonical
catalogue dict, reporting by line number what it classified and what it could not place.

The kind of page it reads (../shared/seeds/imatra-tietovarannot.txt is one):

    Tietovarannot                               page title, intro paragraphs
    KONSERNIPALVELUT                            section heading in capitals,
    IMATRAN SEUDUN YMPÄRISTÖTOIMI (Imatra, …)   optionally with member municipalities
    Talous, Vastuu: konsernitalouspäällikkö     data resource heading with its responsible
    - Käyttötarkoitus: …                        labelled field bullets
    …                                           a paragraph in a section: its description
    * Päivitetty 21.2.2023 *                    the update date; after it, texts
    Petri Kejonen / title / phone               and the contact persons

Nothing is dropped: a bullet without a known label, or text in an unexpected place, goes
into the notes of where it stands and is reported with its line number.
"""

from __future__ import annotations

import datetime
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from varanto.core.keys import make_key

from ..canonical import FORMAT
from ..validation import CatalogError
from .labels import match_label
from .opendata import parse_open_data
from .source import Line, split_lines
from .systems import parse_systems
from .wording import (
    classify_api,
    classify_disclosure,
    classify_retention,
    find_data_flows,
    find_partners,
    parse_responsible,
    split_items,
)

BULLET = re.compile(r"^\s*[-–•*]\s+(?!Päivitetty)")
UPDATED = re.compile(r"^\**\s*(?:Päivitetty|Uppdaterad|Updated)\s*:?\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*\**$", re.I)
RESOURCE_HEADING = re.compile(r"^(?P<name>.*?)[\s,:;–-]*\b(?:Vastuu\w*|Ansvar\w*)\s*:\s*(?P<responsible>.*)$", re.I)
PERSON = re.compile(
    r"^[A-ZÅÄÖ][a-zåäöéü]+(?:-[A-ZÅÄÖ][a-zåäöéü]+)?(?:\s+[A-ZÅÄÖ][a-zåäöéü]+(?:-[A-ZÅÄÖ][a-zåäöéü]+)?){1,2}$"
)
PHONE = re.compile(r"^\+?[\d][\d\s()-]{5,}$")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
SENTENCE_END = re.compile(r"[.!?)]\s*$")
ORGANIZATION_GENITIVE = re.compile(
    r"\b((?:[A-ZÅÄÖ][\w-]*\s+)?[A-ZÅÄÖ][\w-]*n)\s+(kaupungin|kunnan|kuntayhtymän|hyvinvointialueen)\b"
)
NOMINATIVE = {
    "kaupungin": ("kaupunki", "municipality"),
    "kunnan": ("kunta", "municipality"),
    "kuntayhtymän": ("kuntayhtymä", "joint_authority"),
    "hyvinvointialueen": ("hyvinvointialue", "wellbeing_county"),
}
ALL_MUNICIPALITIES = re.compile(r"^kaikki\s+(.+?)\s+kunnat$", re.I)
OPEN_DATA_SECTION = re.compile(r"avoin\s+data|avoimet\s+tiedot|öppna\s+data|open\s+data", re.I)


@dataclass
class Finding:
    line: int
    message: str
    level: str = "info"  # "info": how something was classified; "warning": text placed in notes

    def __str__(self) -> str:
        # line 0: something of the whole file, not of one line
        return f"line {self.line}: {self.message}" if self.line else self.message


@dataclass
class ParseResult:
    catalog: dict
    findings: list[Finding]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.level == "warning"]


@dataclass
class _Field:
    value: str
    line: int


@dataclass
class _Resource:
    name: str
    line: int
    responsible: str
    fields: dict[str, _Field] = field(default_factory=dict)
    extra_notes: list[str] = field(default_factory=list)
    last: str | None = None  # the field a continuation paragraph belongs to


@dataclass
class _Section:
    heading: str
    line: int
    members_text: str = ""
    paragraphs: list[tuple[int, str]] = field(default_factory=list)
    resources: list[_Resource] = field(default_factory=list)


def _is_section_heading(text: str) -> bool:
    main = re.sub(r"\s*\([^()]*\)\s*$", "", text)
    letters = [ch for ch in main if ch.isalpha()]
    return len(letters) >= 4 and all(ch.isupper() for ch in letters) and len(main.split()) <= 12


def _is_continuation(previous: str, text: str) -> bool:
    """A CMS paragraph break in the middle of a sentence: the text goes on."""
    return not SENTENCE_END.search(previous) or text[:1].islower()


class _PageParser:
    def __init__(self, lines: list[Line]):
        self.lines = lines
        self.findings: list[Finding] = []
        self.preamble: list[tuple[int, str]] = []
        self.sections: list[_Section] = []
        self.trailer: list[Line] = []
        self.updated: datetime.date | None = None
        self.resource: _Resource | None = None
        self.casing = self._casing_dictionary()

    # -- the walk over the lines ---------------------------------------------------------

    def parse(self) -> None:
        in_trailer = False
        for index, line in enumerate(self.lines):
            text = line.text
            if not text:
                continue
            match = UPDATED.match(text)
            if match:
                day, month, year = (int(g) for g in match.groups())
                try:
                    self.updated = datetime.date(year, month, day)
                except ValueError:
                    raise CatalogError([f"line {line.number}: {text!r} is not a valid date"]) from None
                self.resource = None
                in_trailer = True
                continue
            if in_trailer:
                self.trailer.append(line)
            elif _is_section_heading(text):
                self._start_section(line)
            elif BULLET.match(text):
                self._bullet(line, BULLET.sub("", text))
            elif self._is_resource_heading(index):
                self._start_resource(line)
            else:
                self._prose(line)

    def _next_text(self, index: int) -> str:
        for line in self.lines[index + 1 :]:
            if line.text:
                return line.text
        return ""

    def _is_resource_heading(self, index: int) -> bool:
        text = self.lines[index].text
        if RESOURCE_HEADING.match(text):
            return True
        following = self._next_text(index)
        return (
            len(text) < 150
            and not SENTENCE_END.search(text)
            and bool(BULLET.match(following))
            and match_label(BULLET.sub("", following).partition(":")[0]) is not None
        )

    def _section(self, line: Line) -> _Section:
        if not self.sections:
            title = self.preamble[0][1] if self.preamble else "Tietovarannot"
            self.findings.append(
                Finding(line.number, f"no section heading before the first data resource; using {title!r}", "warning")
            )
            self.sections.append(_Section(heading=title, line=line.number))
        return self.sections[-1]

    def _start_section(self, line: Line) -> None:
        self.resource = None
        members = ""
        heading = line.text
        match = re.search(r"\(([^()]*)\)\s*$", heading)
        if match:
            members = match.group(1).strip()
            heading = heading[: match.start()].strip()
        self.sections.append(_Section(heading=heading, line=line.number, members_text=members))

    def _start_resource(self, line: Line) -> None:
        match = RESOURCE_HEADING.match(line.text)
        name, responsible = (match["name"], match["responsible"]) if match else (line.text, "")
        name = name.strip().rstrip(",:;")
        if not name:
            raise CatalogError([f"line {line.number}: a data resource without a name ({line.text!r})"])
        self.resource = _Resource(name=name, line=line.number, responsible=responsible.strip())
        self._section(line).resources.append(self.resource)

    def _bullet(self, line: Line, text: str) -> None:
        label, sep, value = text.partition(":")
        key = match_label(label) if sep else None
        if self.resource is None:
            self.findings.append(
                Finding(
                    line.number, "a list item outside any data resource: kept in the section description", "warning"
                )
            )
            self._prose(Line(line.number, text))
            return
        if key is None:
            self.resource.extra_notes.append(text.strip())
            self.resource.last = None
            self.findings.append(
                Finding(
                    line.number,
                    f"{self.resource.name}: {text.split(':')[0].strip()!r} is not a known field; kept in notes",
                    "warning",
                )
            )
            return
        value = value.strip()
        existing = self.resource.fields.get(key)
        if existing:
            existing.value = f"{existing.value}\n{value}"
        else:
            self.resource.fields[key] = _Field(value, line.number)
        self.resource.last = key

    def _prose(self, line: Line) -> None:
        resource = self.resource
        if resource and resource.last:
            last = resource.fields[resource.last]
            if _is_continuation(last.value, line.text):
                last.value = f"{last.value} {line.text}"
                self.findings.append(
                    Finding(line.number, f"{resource.name}: paragraph continues the field on line {last.line}")
                )
                return
        self.resource = None
        if self.sections:
            self.sections[-1].paragraphs.append((line.number, line.text))
        else:
            self.preamble.append((line.number, line.text))

    # -- building the catalogue ----------------------------------------------------------

    def _casing_dictionary(self) -> dict[str, str]:
        """How words are written inside sentences, to undo ALL-CAPS headings. A word that
        starts a line or a sentence is capitalised anyway, so it does not count."""
        counts: Counter = Counter()
        for line in self.lines:
            if not line.text or _is_section_heading(line.text):
                continue
            for sentence in re.split(r"(?<=[.!?:])\s+", BULLET.sub("", line.text)):
                for word in re.findall(r"[\w-]+", sentence)[1:]:
                    if not word.isupper():
                        counts[word] += 1
        casing: dict[str, str] = {}
        for word, _ in counts.most_common():
            casing.setdefault(word.casefold(), word)
        return casing

    def _section_name(self, heading: str) -> str:
        """ "HYVINVOINTI - JA KOULUTUS" → "Hyvinvointi- ja koulutus"; proper nouns keep the
        casing the page uses elsewhere ("ETELÄ-KARJALAN" → "Etelä-Karjalan")."""
        heading = re.sub(r"(\w)\s+-\s+(ja|tai|sekä|och)\b", r"\1- \2", heading, flags=re.I)
        words = []
        for i, word in enumerate(heading.split()):
            known = self.casing.get(word.casefold())
            if known and known[:1].isupper():
                words.append(known)
            elif i == 0:
                words.append("-".join(part.capitalize() for part in word.split("-")))
            else:
                words.append(word.lower())
        return " ".join(words)

    def _members(self, section: _Section) -> list[str]:
        text = section.members_text
        match = ALL_MUNICIPALITIES.match(text)
        if match:
            region = _regions().get(match.group(1).casefold())
            if region:
                self.findings.append(
                    Finding(
                        section.line,
                        f"{text!r}: the {len(region['municipalities'])} municipalities of {region['name']}",
                    )
                )
                return list(region["municipalities"])
            self.findings.append(Finding(section.line, f"{text!r}: region not recognised; kept as written", "warning"))
        return [m for m in split_items(text) if m] if text else []

    def _organization(self, name: str | None) -> tuple[str, str]:
        if name:
            return name, _organization_type(name)
        counts = Counter(
            (m.group(1), m.group(2)) for line in self.lines for m in ORGANIZATION_GENITIVE.finditer(line.text)
        )
        if not counts:
            raise CatalogError(
                ["the page does not say whose description it is; give the organisation with --organization NAME"]
            )
        (genitive_name, genitive_kind), _ = counts.most_common(1)[0]
        nominative, kind = NOMINATIVE[genitive_kind]
        return f"{genitive_name} {nominative}", kind

    def build(self, organization_name: str | None) -> dict:
        name, kind = self._organization(organization_name)
        resources: list[dict] = []
        systems: dict[str, str] = {}
        keys: set[str] = set()
        sections_out: list[dict] = []
        section_keys: set[str] = set()
        datasets, services = [], []
        for section in self.sections:
            section_name = self._section_name(section.heading)
            description = "\n\n".join(text for _, text in section.paragraphs)
            members = self._members(section)
            if ALL_MUNICIPALITIES.match(section.members_text):
                # The page's own wording of the membership stays with the expanded list.
                phrase = section.members_text[:1].upper() + section.members_text[1:] + "."
                description = "\n\n".join(p for p in (phrase, description) if p)
            is_open_data = bool(OPEN_DATA_SECTION.search(section_name))
            section_out: dict[str, Any] = {
                "key": make_key(section_name, section_keys),
                "name": section_name,
                "kind": "regional" if members else "theme" if is_open_data else "sector",
                "members": members,
                "description": description,
            }
            sections_out.append(section_out)
            for resource in section.resources:
                resources.append(self._resource(resource, section_out["key"], systems, keys))
            if description and (is_open_data or "avoindata" in description.lower()):
                found = parse_open_data(description, section.paragraphs[0][0])
                datasets += found.datasets
                services += found.services
                self.findings += [Finding(line, message) for line, message in found.notes]

        dataset_keys: set[str] = set()
        for entry in resources:
            for link in entry["links"]:
                if "avoindata.fi" in link["url"]:
                    datasets.insert(0, {"name": entry["name"], "url": link["url"], "resource": entry["key"]})
        for dataset in datasets:
            dataset["key"] = make_key(dataset["name"], dataset_keys)
        service_keys: set[str] = set()
        for service in services:
            service["key"] = make_key(service["name"], service_keys)

        descriptions, contacts = self._texts()
        if not resources:
            raise CatalogError(
                [
                    "no data resources found: expected headings such as 'Talous, Vastuu: talouspäällikkö' followed by "
                    "'- Käyttötarkoitus: …' lines"
                ]
            )
        return {
            "format": FORMAT,
            "organization": {
                "name": name,
                "type": kind,
                "updated": self.updated.isoformat() if self.updated else None,
                "descriptions": descriptions,
                "contacts": contacts,
            },
            "sections": sections_out,
            "resources": resources,
            "systems": [{"key": make_key(s, set()), "name": s} for s in systems.values()],
            "open_data": {"datasets": datasets, "services": services},
        }

    def _resource(self, resource: _Resource, section_key: str, systems: dict[str, str], keys: set[str]) -> dict:
        fields = resource.fields
        if not fields and not resource.extra_notes:
            raise CatalogError(
                [f"line {resource.line}: data resource {resource.name!r} has no fields (is the file cut short?)"]
            )
        where = resource.name

        def text(key: str) -> str:
            return fields[key].value.strip() if key in fields else ""

        out: dict = {
            "key": make_key(resource.name, keys),
            "name": resource.name,
            "section": section_key,
            "responsible": parse_responsible(resource.responsible) if resource.responsible else {},
            "purpose": text("purpose"),
            "key_datasets": split_items(text("key_datasets")) if "key_datasets" in fields else [],
        }
        if not resource.responsible:
            self.findings.append(Finding(resource.line, f"{where}: no responsible given", "warning"))

        notes = "\n\n".join([text("notes"), *resource.extra_notes]).strip()
        out["notes"] = notes

        disclosure: dict[str, Any] = {"level": None, "recipients": [], "text": text("disclosure")}
        if "disclosure" in fields:
            level, recipients, why = classify_disclosure(disclosure["text"])
            disclosure.update(level=level, recipients=recipients)
            self._classified(fields["disclosure"], where, "disclosure", level, why)
        out["disclosure"] = disclosure

        api: dict[str, Any] = {"availability": None, "text": text("api")}
        if "api" in fields:
            availability, why = classify_api(api["text"])
            api["availability"] = availability
            self._classified(fields["api"], where, "technical interface", availability, why)
        out["api"] = api

        links = [
            {"title": label, "url": url, "kind": kind}
            for key, label, kind in (("privacy_notice", "Tietosuojaseloste", "privacy_notice"), ("links", "", "web"))
            for url in re.findall(r"https?://[^\s)>]+", text(key))
        ]
        for url in re.findall(r"https?://[^\s)>]+", notes):
            links.append({"title": url.split("//", 1)[1].split("/", 1)[0], "url": url, "kind": "web"})

        resource_systems = []
        if "systems" in fields:
            parsed = parse_systems(text("systems"))
            for item in parsed.systems:
                name = systems.setdefault(item["name"].casefold(), item["name"])
                resource_systems.append({"name": name, "usage": item["usage"]})
            links += [{"title": link["title"], "url": link["url"], "kind": "web"} for link in parsed.links]
            described = ", ".join(f"{s['name']} ({s['usage']})" if s["usage"] else s["name"] for s in parsed.systems)
            self.findings.append(Finding(fields["systems"].line, f"{where}: systems {described}"))
        out["systems"] = resource_systems
        for link in links:
            link["title"] = link["title"] or link["url"]
        out["links"] = links
        out["search_criteria"] = split_items(text("search_criteria")) if "search_criteria" in fields else []
        out["keywords"] = split_items(text("keywords")) if "keywords" in fields else []
        out["partners"] = find_partners(notes)
        out["data_flows"] = find_data_flows(notes)
        out["personal_data"] = (
            _yes_no(text("personal_data"))
            if "personal_data" in fields
            else (True if any(link["kind"] == "privacy_notice" for link in links) else None)
        )
        retention_text = "\n".join(t for t in (text("retention"), text("archiving")) if t)
        out["retention"] = (
            classify_retention(retention_text) if retention_text else {"period": "", "archiving": None, "text": ""}
        )
        return out

    def _classified(self, fld: _Field, where: str, what: str, value: str | None, why: str) -> None:
        if value is None:
            self.findings.append(
                Finding(fld.line, f"{where}: {what} {fld.value!r} not recognised; level left empty", "warning")
            )
        else:
            self.findings.append(Finding(fld.line, f"{where}: {what} {fld.value!r} → {value} ({why})"))

    def _texts(self) -> tuple[list[dict], list[dict]]:
        """The page's own texts (before the first section and after the update date) and its contacts."""
        descriptions: list[dict] = []
        for _number, text in self.preamble:
            if not descriptions and len(text) < 80 and not SENTENCE_END.search(text):
                descriptions.append({"title": text, "text": ""})
            elif descriptions:
                sep = "\n\n" if descriptions[-1]["text"] else ""
                descriptions[-1]["text"] += sep + text
            else:
                descriptions.append({"title": "", "text": text})

        contacts: list[dict] = []
        paragraphs = _paragraphs(self.trailer)
        i = 0
        while i < len(paragraphs):
            block = paragraphs[i]
            first = block[0].text
            details = block[1:] if len(block) > 1 else (paragraphs[i + 1] if i + 1 < len(paragraphs) else [])
            if PERSON.match(first) and any(PHONE.match(line.text) or EMAIL.search(line.text) for line in details):
                contacts.append(_contact(first, details))
                i += 1 if len(block) > 1 else 2
                continue
            if len(block) == 1 and len(first) < 80 and not SENTENCE_END.search(first):
                descriptions.append({"title": first, "text": ""})
            else:
                text = " ".join(line.text for line in block)
                if descriptions:
                    sep = "\n\n" if descriptions[-1]["text"] else ""
                    descriptions[-1]["text"] += sep + text
                else:
                    descriptions.append({"title": "", "text": text})
            i += 1
        for d in descriptions:
            if not d["text"]:
                self.findings.append(Finding(0, f"heading {d['title']!r} has no text under it", "warning"))
        return [d for d in descriptions if d["text"] or d["title"]], contacts


def _paragraphs(lines: list[Line]) -> list[list[Line]]:
    """Runs of consecutive non-empty lines (line numbers tell where the blank lines were)."""
    out: list[list[Line]] = []
    previous = None
    for line in lines:
        if out and previous is not None and line.number == previous + 1:
            out[-1].append(line)
        else:
            out.append([line])
        previous = line.number
    return out


def _contact(name: str, details: list[Line]) -> dict:
    contact = {"name": name, "title": "", "phone": "", "email": ""}
    for line in details:
        email = EMAIL.search(line.text)
        if email:
            contact["email"] = email.group(0)
        elif PHONE.match(line.text):
            contact["phone"] = line.text
        elif not contact["title"]:
            contact["title"] = line.text
    return contact


def _yes_no(text: str) -> bool | None:
    lower = text.strip().lower()
    if re.match(r"^(kyllä|on|ja|yes)\b", lower):
        return True
    if re.match(r"^(ei|nej|no)\b", lower):
        return False
    return None


def _organization_type(name: str) -> str:
    lower = name.lower()
    for nominative, kind in NOMINATIVE.values():
        if lower.endswith(nominative):
            return kind
    return "other"


@cache
def _regions() -> dict[str, dict]:
    """Regions of Finland by their genitive ("etelä-karjalan") with their municipalities."""
    data = json.loads(resources.files(__package__).joinpath("regions.json").read_text("utf-8"))
    return {r["genitive"].casefold(): r for r in data["regions"]}


def is_page_style(text: str) -> bool:
    """Whether a page is written in the style this parser reads: section headings in capitals and
    data resources under them ("Talous, Vastuu: …" with "- Käyttötarkoitus: …" bullets). A page in
    another layout goes to `documents`, which reads any."""
    parser = _PageParser(split_lines(text))
    try:
        parser.parse()
    except CatalogError:
        failed = True  # a bad line in this style: this parser says where
    else:
        failed = False
    headed = [section for section in parser.sections if _is_section_heading(section.heading)]
    return bool(headed) and (failed or any(section.resources for section in headed))


def parse_page(text: str, *, organization_name: str | None = None, allow_undated: bool = False) -> ParseResult:
    """The canonical catalogue dict of a published page, and what was found on the way.

    A page in this style states its update date ("Päivitetty …") after its data resources, so a
    page without one is most likely cut short; it is refused unless `allow_undated`.
    """
    lines = split_lines(text)
    parser = _PageParser(lines)
    parser.parse()
    if not parser.sections:
        raise CatalogError(
            [
                "no structure recognised: expected section headings in capitals and data resources with "
                "'- Käyttötarkoitus: …' style fields (is this a publicity description page?)"
            ]
        )
    catalog = parser.build(organization_name)
    findings = list(parser.findings)
    if not parser.updated:
        if not allow_undated:
            last = next(line for line in reversed(lines) if line.text)
            raise CatalogError(
                [
                    f"no 'Päivitetty' date found: a published description gives its update date after the data "
                    f"resources, so the file may be cut short (it ends at line {last.number}: {last.text[:60]!r}). "
                    "If the page really has no date, import it with --allow-undated."
                ]
            )
        findings.append(Finding(0, "no 'Päivitetty' date found; the update date is left empty", "warning"))
    return ParseResult(catalog=catalog, findings=sorted(findings, key=lambda f: f.line))
