"""Finnish word analysis for search, the same for indexing and for queries.

`get_analyzer()` gives Voikko when its library and Finnish dictionary are installed and
Snowball's Finnish stemmer otherwise (logging a warning once). Setting SEARCH_ANALYZER to
"voikko" or "snowball" chooses one explicitly.
"""

from __future__ import annotations

import logging
from functools import cache
from typing import Protocol

from django.conf import settings

from .base import MAX_TERM_LENGTH, WordAnalysis, stopwords
from .snowball import SnowballAnalyzer
from .text import AnalysedWord, analyse_text, word_terms

logger = logging.getLogger(__name__)

__all__ = [
    "MAX_TERM_LENGTH",
    "AnalysedWord",
    "Analyzer",
    "WordAnalysis",
    "analyse_text",
    "get_analyzer",
    "stopwords",
    "word_terms",
]


class Analyzer(Protocol):
    name: str

    def analyse(self, word: str) -> WordAnalysis: ...

    def suggest(self, word: str) -> list[str]: ...

    # Hashable: the thesaurus caches its rules per analyzer.
    def __hash__(self) -> int: ...


def get_analyzer() -> Analyzer:
    return _analyzer(getattr(settings, "SEARCH_ANALYZER", "auto"))


@cache
def _analyzer(choice: str) -> Analyzer:
    if choice == "snowball":
        return SnowballAnalyzer()
    try:
        from .voikko import VoikkoAnalyzer

        return VoikkoAnalyzer()
    except Exception as exc:  # ImportError, OSError (no libvoikko.so) or libvoikko's VoikkoException
        if choice == "voikko":
            raise
        logger.warning(
            "Voikko is not available (%s): search falls back to the Snowball Finnish stemmer, "
            "which neither finds base forms reliably nor splits compound words. "
            "Install Debian's libvoikko1 and voikko-fi for full Finnish search.",
            exc,
        )
        return SnowballAnalyzer()
