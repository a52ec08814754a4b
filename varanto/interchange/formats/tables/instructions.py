"""The instructions that come with a catalogue in tables: the first sheet of a workbook, LUEMINUT.txt in a CSV zip.

The text is in Finnish, like the headings it explains: it belongs to the file format.
"""

from __future__ import annotations

from .layout import LANGUAGES
from .sheets import Sheet

GENERAL = (
    "Kukin {part} on yksi tietuelaji (esimerkiksi tietovarannot tai tietojärjestelmät); kukin rivi on yksi tietue.",
    "Ensimmäisellä rivillä ovat sarakkeiden otsikot. Älä muuta niitä; sarakkeiden järjestyksen saa muuttaa.",
    "Luettelot kirjoitetaan soluun yksi kohta kullekin riville (Excelissä rivinvaihto solun sisällä: Alt+Enter).",
    "Viittaus toiseen tietueeseen (esimerkiksi tietovarannon toimiala tai järjestelmä) kirjoitetaan sen nimellä tai "
    "tunnisteella.",
    "Uuden tietueen tunnisteen voi jättää tyhjäksi: se tehdään nimestä. Älä muuta olemassa olevia tunnisteita, "
    "sillä julkisen kuvauksen osoitteet perustuvat niihin.",
    "Sarakkeet, joiden otsikon lopussa on ({sv}) tai ({en}), ovat käännöksiä; tyhjä käännös näytetään suomeksi.",
    "Sisäiset sarakkeet (tietoturvatoimenpiteet, sisäiset huomiot, tarkistustiedot) eivät koskaan näy julkisessa "
    "kuvauksessa eivätkä julkisissa tiedostoissa.",
    "Tuonti: varanto import {example} (olemassa olevan organisaation kuvaus korvataan valitsimella --replace). "
    "Tuonti tallentaa kaiken tai ei mitään; virheilmoitus kertoo {where}, rivin ja sarakkeen.",
)
COLUMN_HEADINGS = ("Sarake", "Ohje", "Sallitut arvot")
CSV_NOTE = (
    "CSV-tiedostot ovat UTF-8-merkistöisiä ja sarakkeet on erotettu puolipisteellä, jotta Excel avaa ne suoraan. "
    "Tuonnille annetaan zip-tiedosto, kansio tai mikä tahansa kansion CSV-tiedostoista (muut luetaan samasta kansiosta)."
)


def instruction_rows(sheets: list[Sheet], *, fmt: str, publication: dict | None = None) -> list[tuple[str, tuple]]:
    """The instructions as (style, cells) rows; style is "title", "text", "heading" or "column"."""
    csv = fmt == "csv"
    words = {
        "part": "tiedosto" if csv else "välilehti",
        "sv": LANGUAGES["sv"],
        "en": LANGUAGES["en"],
        "example": "kuvaus-csv.zip" if csv else "kuvaus.xlsx",
        "where": "tiedoston" if csv else "välilehden",
    }
    rows: list[tuple[str, tuple]] = [("title", ("Tietovarannot taulukkoina: ohjeet",))]
    if publication:
        rows.append(("text", (f"Julkaisu {publication['number']}, julkaistu {publication['published_at'][:10]}.",)))
    rows += [("text", (line.format(**words),)) for line in GENERAL]
    if csv:
        rows.append(("text", (CSV_NOTE,)))
    for sheet in sheets:
        table = sheet.table
        name = table.file_name if csv else table.title
        rows += [("text", ()), ("heading", (f"{name}: {table.description}",)), ("heading", COLUMN_HEADINGS)]
        rows += [("column", (c.heading, c.help, ", ".join(c.codec.allowed))) for c in sheet.columns]
    return rows
