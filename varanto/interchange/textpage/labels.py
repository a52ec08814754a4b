"""Field labels officials use on their pages ("- Käyttötarkoitus: …"), in Finnish and Swedish.

Each field lists word stems; a label matches the first field one of whose stems it contains,
so "Tietoaineistojen saatavuus teknisen rajapinnan kautta" is the technical interface, not the
data sets (order matters).
"""

from __future__ import annotations

FIELD_LABELS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("api", ("rajapin", "gränssnitt", "interface")),
    ("disclosure", ("luovut", "utlämn", "disclosure")),
    ("purpose", ("käyttötarkoitus", "tarkoitus", "ändamål", "purpose")),
    ("search_criteria", ("hakutekij", "hakuperust", "sökfaktor", "sökkriter", "search criteria")),
    ("privacy_notice", ("tietosuojaselos", "dataskyddsbeskrivning", "privacy")),
    ("retention", ("säilytysaika", "säilytys", "bevarandetid", "retention")),
    ("archiving", ("arkistoi", "arkivering", "archiv")),
    ("personal_data", ("henkilötie", "personuppgift", "personal data")),
    ("systems", ("järjestelm", "ympäristö", "system")),
    (
        "key_datasets",
        (
            "tietoaineisto",
            "tietoryhm",
            "aineistot",
            "informationsmaterial",
            "informationsgrupp",
            "datamaterial",
            "datagrupp",
            "data sets",
        ),
    ),
    ("keywords", ("asiasana", "avainsana", "nyckelord", "keywords")),
    ("links", ("linkit", "lisätietoja", "verkkosivu", "länkar", "links")),
    ("notes", ("muuta", "lisätied", "huomio", "huom", "övrigt", "notes")),
)


def match_label(label: str) -> str | None:
    """The field a label names, or None when it is not a known field label."""
    text = label.strip().casefold()
    if not text or len(text) > 80:
        return None
    for key, stems in FIELD_LABELS:
        if any(stem in text for stem in stems):
            return key
    return None
