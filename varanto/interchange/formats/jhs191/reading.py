"""Reading a JHS 191 records management plan into the canonical "records_management" part.

The file is read once safely (`limits.xml_parse`: no DTD, no entities) and checked against helerm's
relaxed schema, which every standard file also meets. Classes are flat in JHS 191; their parents
follow from the codes ("10 03" is above "10 03 03"). Keys are the file's ids where they make good
keys, so that a plan read back from Varanto's own export keeps them; a class already in the
organisation keeps its key by its code.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from xml.etree.ElementTree import Element

from varanto.core.keys import make_key

from ...limits import xml_parse
from ...validation import CatalogError
from ..notes import Note
from .schema import NS, schema_errors

KEY = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
MAX_DEPTH = 3  # phases, actions, and actions within those (`ProcessAction`)
LANGUAGES = {"fi": "fi", "sv": "sv", "se": "sv", "en": "en"}  # JHS 191 suggests "se" for Swedish
HELSINKI_PERSONAL_DATA = {"4": "3", "5": "3"}  # helerm's special and criminal categories: special categories
RESTRICTIONS = {
    "JulkisuusluokkaKoodi": "publicity_class",
    "SuojaustasoKoodi": "protection_level",
    "TurvallisuusluokkaKoodi": "security_class",
    "HenkilotietoluonneKoodi": "personal_data",
    "SalassapitoAikaArvo": "secrecy_period",
    "SalassapitoPerusteTeksti": "secrecy_ground",
    "SalassapidonLaskentaperusteTeksti": "secrecy_counting",
}
RETENTION = {
    "SailytysajanPituusArvo": "period",
    "SailytysajanPerusteTeksti": "reason",
    "SailytysajanLaskentaperusteTeksti": "counting",
}
NUMBERS = {"secrecy_period", "period"}


def _q(name: str) -> str:
    return f"{{{NS}}}{name}"


def looks_like_plan(data: bytes) -> bool:
    """Whether the start of a file is a JHS 191 plan (its root element in the TOS namespace)."""
    head = data[:2000].decode("utf-8", "replace")
    return NS in head and "Tos" in head


def _text(element: Element | None, name: str) -> str:
    found = element.find(_q(name)) if element is not None else None
    return (found.text or "").strip() if found is not None else ""


def _titles(element: Element) -> tuple[str, dict]:
    """The Finnish title and the translations of the others (sv, en)."""
    title = element.find(_q("Nimeke"))
    if title is None:
        return "", {}
    plain = _text(title, "NimekeTeksti")
    texts: dict[str, str] = {}
    for kielella in title.findall(_q("NimekeKielella")):
        language = LANGUAGES.get((kielella.get(_q("kieliKoodi")) or "fi").lower())
        if language:
            texts.setdefault(language, _text(kielella, "NimekeTeksti"))
    finnish = plain or texts.pop("fi", "") or next(iter(texts.values()), "")
    return finnish, {lang: {"name": text} for lang, text in texts.items() if lang != "fi" and text}


class _Reader:
    def __init__(self, place: str, class_keys: dict[str, str]):
        self.place = place
        self.class_keys = class_keys  # code -> key of a class the organisation has already
        self.notes: list[Note] = []
        self.used: dict[str, set[str]] = {
            "task_classes": set(class_keys.values()),
            "actions": set(),
            "documents": set(),
        }
        self.plan: dict[str, list[dict]] = {"task_classes": [], "actions": [], "document_types": []}

    def key(self, kind: str, element: Element, fallback: str) -> str:
        wanted = (element.get(_q("id")) or "").strip().lower()
        if not KEY.match(wanted) or wanted in self.used[kind] or len(wanted) > 120:
            wanted = make_key(fallback, self.used[kind])
        self.used[kind].add(wanted)
        return wanted

    def values(self, element: Element | None, names: dict[str, str], where: str) -> dict:
        out: dict = {}
        for tag, key in names.items():
            text = _text(element, tag)
            if key in NUMBERS or key in ("publicity_class", "protection_level", "security_class", "personal_data"):
                out[key] = None
                if not text:
                    continue
                if key in NUMBERS:
                    try:
                        out[key] = int(text)
                    except ValueError:
                        raise CatalogError([f"{self.place}: {where}: {tag} {text!r} is not a number"]) from None
                    continue
                if key == "personal_data" and text in HELSINKI_PERSONAL_DATA:
                    self.notes.append(
                        Note(f"{where}: personal data class {text} (helerm) read as 3, special categories")
                    )
                    text = HELSINKI_PERSONAL_DATA[text]
                out[key] = text
            else:
                out[key] = text
        return out

    def metadata(self, element: Element | None, where: str) -> dict:
        return {
            "restrictions": self.values(
                element.find(_q("Kayttorajoitustiedot")) if element is not None else None, RESTRICTIONS, where
            ),
            "retention": self.values(
                element.find(_q("Sailytysaikatiedot")) if element is not None else None, RETENTION, where
            ),
        }

    def task_class(self, luokka: Element) -> None:
        code = _text(luokka, "Luokitustunnus")
        name, translations = _titles(luokka)
        where = f"class {code} {name}".strip()
        if not code or not name:
            raise CatalogError([f"{self.place}: {where or 'a class'}: a class needs its code and title"])
        key = self.class_keys.get(code) or self.key("task_classes", luokka, code)
        process = luokka.find(_q("KasittelyprosessiTiedot"))
        self.plan["task_classes"].append(
            {
                "key": key,
                "code": code,
                "name": name,
                "parent": None,
                "description": _text(luokka, "LuokitusKuvausTeksti"),
                **self.metadata(process, where),
                "system_name": _text(process, "TietojarjestelmaNimi"),
                "translations": translations,
            }
        )
        if process is not None:
            for phase in process.findall(_q("Toimenpidetiedot")):
                self.action(phase, key, None, 1, where)

    def action(self, element: Element, class_key: str, parent: str | None, depth: int, where: str) -> None:
        general, specific = _text(element, "ToimenpideluokkaTeksti"), _text(element, "ToimenpideluokkaTarkenneTeksti")
        name = specific or general
        here = f"{where} › {name or '?'}"
        if not name:
            raise CatalogError([f"{self.place}: {here}: a phase or action needs its name"])
        if depth > MAX_DEPTH:
            raise CatalogError([f"{self.place}: {here}: phases and actions nest at most {MAX_DEPTH} deep"])
        key = self.key("actions", element, f"{class_key}-{len(self.plan['actions']) + 1}")
        self.plan["actions"].append(
            {
                "key": key,
                "task_class": class_key,
                "parent": parent,
                "name": name,
                "action_class": general if specific else "",
                "description": _text(element, "ToimenpiteenKuvausTeksti"),
                "system_name": _text(element, "TietojarjestelmaNimi"),
            }
        )
        for child in element.findall(_q("Toimenpidetiedot")):
            self.action(child, class_key, key, depth + 1, where)
        for record in element.findall(_q("Asiakirjatieto")):
            self.document(record, key, here)

    def document(self, element: Element, action_key: str, where: str) -> None:
        general = _text(element, "AsiakirjaluokkaTeksti")
        general = "" if general == "None" else general  # helerm writes "None" for a record without a type
        specific = _text(element, "AsiakirjaluokkaTarkenneTeksti")
        name = specific or general
        here = f"{where} › {name or '?'}"
        if not name:
            raise CatalogError([f"{self.place}: {here}: a document type needs its class or name"])
        if not general:
            self.notes.append(Note(f"{here}: no document class; its name is used"))
        self.plan["document_types"].append(
            {
                "key": self.key("documents", element, f"{action_key}-{len(self.plan['document_types']) + 1}"),
                "action": action_key,
                "document_class": general or name,
                "name": name,
                **self.metadata(element, here),
                "system_name": _text(element, "TietojarjestelmaNimi"),
            }
        )


def _parts(code: str) -> tuple[str, ...]:
    return tuple(p for p in re.split(r"[\s.]+", code) if p)


def parents_set(classes: list[dict], known: list[dict]) -> None:
    """Each class's parent among `known`: the class whose code is the longest proper start of its own
    ("10 03" of "10 03 03")."""
    by_parts = {_parts(c["code"]): c["key"] for c in known}
    for item in classes:
        parts = _parts(item["code"])
        item["parent"] = next(
            (by_parts[parts[:n]] for n in range(len(parts) - 1, 0, -1) if parts[:n] in by_parts), None
        )


def plan_sorted(classes: list[dict]) -> list[dict]:
    """Classes in code order, so that parents come first, as the canonical format wants them."""
    return sorted(classes, key=lambda c: (_parts(c["code"]), c["code"]))


def read_plan(
    data: bytes, place: str, *, class_keys: Callable[[str], dict[str, str]] | None = None
) -> tuple[dict, str, list[Note]]:
    """(records_management, the organisation the file names, notes). `class_keys(organisation name)`
    gives the keys of the classes the organisation has, by code. Raises CatalogError naming lines."""
    root = xml_parse(data, place)
    if root.tag != _q("Tos"):
        raise CatalogError([f"{place}: not a JHS 191 records management plan (its root is {root.tag!r}, not Tos)"])
    errors = schema_errors(data, relaxed=True)
    if errors:
        raise CatalogError([f"{place}: {e} (JHS 191)" for e in errors])
    named = _text(root.find(_q("TosTiedot")), "OrganisaatioNimi")
    reader = _Reader(place, class_keys(named) if class_keys else {})
    for luokka in root.findall(_q("Luokka")):
        reader.task_class(luokka)
    return reader.plan, named, reader.notes
