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
# A verb made of a noun adds at most a few letters: vuokra → vuokrata, vara → varata.
MAX_VERB_ENDING = 3
# Shorter stems ("asu" in asuttaa) are too often another word altogether.
MIN_STEM_NOUN = 4


class VoikkoAnalyzer:
    """Voikko (Debian libvoikko1 + voikko-fi) through the `libvoikko` Python binding."""

    name = "voikko/3"

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

    @lru_cache(maxsize=200_000)  # noqa: B019 - one analyser per process, never freed
    def analyse(self, word: str) -> WordAnalysis:
        word = word.rstrip("-")
        analyses = [a for a in self._voikko().analyze(word) if a.get("BASEFORM")]
        if not analyses:
            return unknown_word(word, self._lemmas_of)
        lemmas: set[str] = set()
        roots: set[str] = set()
        # The analyses that cut the word into compound parts, by where they cut it.
        cuts: dict[tuple[str, ...], list[str]] = {}
        for analysis in analyses:
            base = analysis["BASEFORM"].lower().strip("-")
            lemmas.add(base)
            surfaces = _surface_parts(word, analysis.get("STRUCTURE", ""))
            if 1 < len(surfaces) <= MAX_PARTS:
                cuts.setdefault(tuple(s.lower() for s in surfaces), []).append(base)
            elif len(surfaces) <= 1:
                roots |= self._derivation_roots(analysis.get("WORDBASES") or "")
        compounds: set[str] = set()
        best: tuple[frozenset[str], ...] = ()
        for cut, bases in cuts.items():
            parts, inner = self._compound(list(cut), bases)
            compounds |= inner
            # The cut with most parts wins; analyses cutting the same way pool their readings of
            # each part ("kiinteistökartta": kartta, and karsi in the genitive reading).
            if len(parts) > len(best):
                best, best_surfaces = parts, cut
        part_roots = tuple(self._roots_of(s) for s in best_surfaces) if best else ()
        compounds -= lemmas
        return WordAnalysis(
            lemmas=frozenset(lemmas),
            parts=best,
            compounds=frozenset(compounds),
            head=next(iter(sorted(best[-1]))) if best else None,
            roots=frozenset(roots - lemmas),
            part_roots=tuple(r - p for r, p in zip(part_roots, best, strict=False)),
            genitive=any(a.get("SIJAMUOTO") == "omanto" for a in analyses),
        )

    def _compound(self, surfaces: list[str], bases: list[str]) -> tuple[tuple[frozenset[str], ...], set[str]]:
        """The parts of a compound and the shorter compounds inside it, for every base form read with these parts."""
        prefix = "".join(surfaces[:-1])
        last: set[str] = set()
        for base in bases:
            flat_base = base.replace("-", "")
            if flat_base.startswith(prefix) and len(flat_base) > len(prefix):
                last.add(flat_base[len(prefix) :])
            else:
                last |= self._lemmas_of(surfaces[-1])
        parts = tuple(self._lemmas_of(s) for s in surfaces[:-1]) + (frozenset(last),)
        inner: set[str] = set()
        n = len(surfaces)
        for i in range(n):
            for j in range(i + 1, n):
                if i == 0 and j == n - 1:
                    continue  # the whole word
                if j == n - 1:
                    inner |= {"".join(surfaces[i:j]) + lemma for lemma in last}
                else:
                    inner |= self._lemmas_of("".join(surfaces[i : j + 1]))
        return parts, inner

    def _lemmas_of(self, surface: str) -> frozenset[str]:
        """Base forms of a compound part standing alone ("veden" → vesi); itself when Voikko has none."""
        analysis = self.analyse(surface)
        return analysis.lemmas if analysis.known else frozenset({surface})

    def _roots_of(self, surface: str) -> frozenset[str]:
        """The roots of a compound part standing alone ("hoidon" → hoitaa)."""
        analysis = self.analyse(surface)
        return analysis.roots if analysis.known else frozenset()

    def _derivation_roots(self, wordbases: str) -> set[str]:
        """The words a derived word comes from, as Voikko's WORDBASES tells them.

        "+vara(varata)+us(+us)": varaus is varata with the suffix -us, so varata is a root. Where
        the verb is itself the noun that Voikko shows as its stem with a verb ending added
        ("+vuokra(vuokrata)": vuokrata is vuokra + -ta), the noun is a root too, so that
        "vuokra" reaches "vuokraus". A stem that is not a noun in its own right ("+avust(avustaa)",
        "+hoi(hoitaa)") adds nothing.
        """
        roots = set()
        for stem, base in _derived_bases(wordbases):
            roots.add(base)
            if (
                stem != base
                and base.startswith(stem)
                and len(base) - len(stem) <= MAX_VERB_ENDING
                and self._is_noun(stem)
            ):
                roots.add(stem)
        return roots

    @lru_cache(maxsize=20_000)  # noqa: B019 - one analyser per process, never freed
    def _is_noun(self, word: str) -> bool:
        """Whether `word` is, as written, the base form of a noun."""
        return len(word) >= MIN_STEM_NOUN and any(
            a.get("CLASS") == "nimisana" and (a.get("BASEFORM") or "").lower() == word
            for a in self._voikko().analyze(word)
        )


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


# "+vara(varata)+us(+us)": a stem with its base form in brackets; "(+us)" marks a derivational suffix.
_WORDBASE = re.compile(r"([^+()]*)\(([^()]*)\)")


def _derived_bases(wordbases: str) -> list[tuple[str, str]]:
    """(stem, base form) of each morpheme that a derivational suffix follows: "+vara(varata)+us(+us)" → [(vara, varata)]."""
    found, previous = [], None
    for match in _WORDBASE.finditer(wordbases):
        stem, base = match.group(1).lower(), match.group(2).lower()
        if not base.startswith("+"):
            previous = (stem, base)
        elif previous:
            found.append(previous)
            previous = None
    return found
