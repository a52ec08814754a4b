"""Finnish analysis with Voikko: base forms, compound parts and spelling suggestions.

Voikko reports a word's base form ("pysäköintivirhemaksun" → pysäköintivirhemaksu) and its
structure, where "=" starts each compound part ("=pppppppppp=ppppp=pppppp"). Only the last
part of a Finnish compound inflects, so the earlier parts are analysed on their own
("pysäköinnin" → pysäköinti, "veden" → vesi) and the last one is what remains of the base form.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache

from .base import WordAnalysis, unknown_word

# Compounds longer than this are rare in catalogues and would only multiply sub-compounds.
MAX_PARTS = 6


class VoikkoAnalyzer:
    """Voikko (Debian libvoikko1 + voikko-fi) through the `libvoikko` Python binding."""

    name = "voikko/1"

    def __init__(self) -> None:
        from libvoikko import Voikko

        self._factory = Voikko
        self._local = threading.local()
        self._voikko()  # fail here, at start, when the library or the dictionary is missing

    def _voikko(self):
        # A Voikko handle is not safe to share between threads.
        handle = getattr(self._local, "voikko", None)
        if handle is None:
            handle = self._local.voikko = self._factory("fi")
        return handle

    def suggest(self, word: str) -> list[str]:
        """Spelling corrections, most likely first (empty for a correctly spelled word)."""
        voikko = self._voikko()
        if voikko.spell(word) or voikko.spell(word.lower()):
            return []
        return voikko.suggest(word)

    @lru_cache(maxsize=200_000)
    def analyse(self, word: str) -> WordAnalysis:
        word = word.rstrip("-")
        analyses = [a for a in self._voikko().analyze(word) if a.get("BASEFORM")]
        if not analyses:
            return unknown_word(word)
        lemmas: set[str] = set()
        compounds: set[str] = set()
        roots: set[str] = set()
        best_parts: tuple[frozenset[str], ...] = ()
        head = None
        for analysis in analyses:
            base = analysis["BASEFORM"].lower().strip("-")
            lemmas.add(base)
            roots |= _derivation_roots(analysis.get("WORDBASES", ""))
            surfaces = _surface_parts(word, analysis.get("STRUCTURE", ""))
            if len(surfaces) < 2 or len(surfaces) > MAX_PARTS:
                continue
            parts, inner = self._compound(surfaces, base)
            compounds |= inner
            if len(parts) > len(best_parts):
                best_parts = parts
                head = next(iter(sorted(parts[-1])))
        compounds -= lemmas
        return WordAnalysis(
            lemmas=frozenset(lemmas),
            parts=best_parts,
            compounds=frozenset(compounds),
            head=head,
            roots=frozenset(roots - lemmas),
            genitive=any(a.get("SIJAMUOTO") == "omanto" for a in analyses),
        )

    def _compound(self, surfaces: list[str], base: str) -> tuple[tuple[frozenset[str], ...], set[str]]:
        """The parts of a compound and the shorter compounds inside it."""
        lower = [s.lower() for s in surfaces]
        prefix = "".join(lower[:-1])
        flat_base = base.replace("-", "")
        if flat_base.startswith(prefix) and len(flat_base) > len(prefix):
            last = frozenset({flat_base[len(prefix):]})
        else:
            last = self._lemmas_of(lower[-1])
        parts = tuple(self._lemmas_of(s) for s in lower[:-1]) + (last,)
        inner: set[str] = set()
        n = len(lower)
        for i in range(n):
            for j in range(i + 1, n):
                if i == 0 and j == n - 1:
                    continue  # the whole word
                if j == n - 1:
                    inner |= {"".join(lower[i:j]) + lemma for lemma in last}
                else:
                    inner |= self._lemmas_of("".join(lower[i : j + 1]))
        return parts, inner

    def _lemmas_of(self, surface: str) -> frozenset[str]:
        """Base forms of a compound part standing alone ("veden" → vesi); itself when Voikko has none."""
        analysis = self.analyse(surface)
        return analysis.lemmas if analysis.known else frozenset({surface})


def _surface_parts(word: str, structure: str) -> list[str]:
    """Split a word where its Voikko structure starts a new compound part; hyphens are dropped."""
    parts: list[str] = []
    position = 0
    for mark in structure:
        if mark == "=":
            parts.append("")
            continue
        if position >= len(word):
            break
        if not parts:
            parts.append("")
        if mark != "-":
            parts[-1] += word[position]
        position += 1
    return [p for p in parts if p]


# "+vara(varata)+us(+us)": a base form in brackets; "(+us)" marks a derivational suffix.
_WORDBASE = re.compile(r"[^+()]*\(([^()]*)\)")


def _derivation_roots(wordbases: str) -> set[str]:
    """Base words that a derivational suffix follows: "+vara(varata)+us(+us)" → {varata}."""
    roots, previous = set(), None
    for match in _WORDBASE.finditer(wordbases):
        base = match.group(1)
        if not base.startswith("+"):
            previous = base
        elif previous:
            roots.add(previous.lower())
            previous = None
    return roots
