"""Typo tolerance: what a resident probably meant by a word no index holds.

Two sources of candidates, tried in order: Voikko's spelling suggestions (which also fix
inflected forms, "pysäköintivirhemaksujn" → pysäköintivirhemaksujen), and every spelling one
edit away (a letter left out, added, changed or two swapped) that is a term of the index or
of the thesaurus. The second works without Voikko and for names no dictionary knows ("Wlima").
"""

from __future__ import annotations

ALPHABET = "abcdefghijklmnopqrstuvwxyzåäö-"
MIN_LENGTH = 4  # shorter words have too many neighbours to guess from
MAX_SUGGESTIONS = 5


def one_edit_away(word: str) -> set[str]:
    """Every string one deletion, transposition, substitution or insertion away from `word`."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = {a + b[1:] for a, b in splits if b}
    transposes = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    replaces = {a + c + b[1:] for a, b in splits if b for c in ALPHABET}
    inserts = {a + c + b for a, b in splits for c in ALPHABET}
    return (deletes | transposes | replaces | inserts) - {word}


def worth_correcting(surface: str, known: bool) -> bool:
    return not known and len(surface) >= MIN_LENGTH and not any(ch.isdigit() for ch in surface)
