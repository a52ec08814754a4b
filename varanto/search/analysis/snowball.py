"""The fallback when Voikko is not installed: Snowball's Finnish stemmer.

It strips inflection ("kirjaston" → kirjasto) but neither finds base forms of changing stems
nor splits compounds, so search finds less; the log says so once at start.
"""

from __future__ import annotations

from functools import lru_cache

from .base import WordAnalysis, finnish_stem, unknown_word


class SnowballAnalyzer:
    name = "snowball/3"

    def suggest(self, word: str) -> list[str]:
        """No dictionary, no suggestions: typos are matched against the index vocabulary instead."""
        return []

    @lru_cache(maxsize=200_000)  # noqa: B019 - one analyser per process, never freed
    def analyse(self, word: str) -> WordAnalysis:
        lower = word.lower().rstrip("-")
        if not lower.isalpha():
            return unknown_word(lower)
        # known=False: without a dictionary every word may be a typo worth correcting.
        return WordAnalysis(lemmas=frozenset({finnish_stem(lower)}), known=False)
