"""Highlighted snippets: the words of a result that matched the query, marked.

Work per result is bounded whatever a field holds: only the first `SNIPPET_SCAN_CHARS` of a
text are analysed for matches (a real purpose or description is far shorter), and the index
stores no more of a text than that (`snippet_text`). A match further on still finds the
resource; its snippet then shows the text's beginning.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .analysis import Analyzer, analyse_text, word_terms
from .analysis.text import WORD
from .documents import FIELD_WEIGHTS, LABELS, NAME
from .languages import LANGUAGES, foreign_terms

SNIPPET_WORDS = 30
WORDS_BEFORE_MATCH = 6
ELLIPSIS = "…"
SNIPPET_SCAN_CHARS = 20_000
FOREIGN_PREFIXES = tuple(f"{code}:" for code in LANGUAGES)


def snippet_text(text: str) -> str:
    """The part of a text that snippets look at: its first SNIPPET_SCAN_CHARS, cut between words."""
    if len(text) <= SNIPPET_SCAN_CHARS:
        return text
    cut = text[: SNIPPET_SCAN_CHARS - len(ELLIPSIS) - 1]
    space = cut.rfind(" ", len(cut) // 2)
    return (cut[:space] if space > 0 else cut).rstrip() + " " + ELLIPSIS


@dataclass(frozen=True)
class Segment:
    text: str
    marked: bool = False


@dataclass(frozen=True)
class Snippet:
    label: str
    segments: tuple[Segment, ...]

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.segments)

    @property
    def html(self) -> str:
        """The text, escaped, with matches in <mark>."""
        return marked_html(self.segments)


def marked_html(segments: Iterable[Segment]) -> SafeString:
    """Text segments, escaped, with the matched ones in <mark>."""
    return mark_safe("".join(f"<mark>{escape(s.text)}</mark>" if s.marked else escape(s.text) for s in segments))


def highlight(
    text: str, analyzer: Analyzer, terms: set[str], *, start: int = 0, end: int | None = None
) -> list[Segment]:
    """`text[start:end]` cut into plain and marked segments; a word is marked when it stands for a matched term.

    Words past SNIPPET_SCAN_CHARS from `start` are left unmarked, unanalysed."""
    end = len(text) if end is None else end
    # Stems of Swedish and English matches ("sv:bygglov"), and the beginnings a word must have to
    # be worth stemming: a Snowball stem is the word's beginning, but for a last letter ("citi", city).
    foreign = {term for term in terms if term[:3] in FOREIGN_PREFIXES}
    beginnings = tuple({term[3:][: max(3, len(term) - 4)] for term in foreign})
    segments: list[Segment] = []
    position = start
    for word in analyse_text(text[start : min(end, start + SNIPPET_SCAN_CHARS)], analyzer):
        if terms.isdisjoint(word_terms(word)) and not _foreign_match(word.surface, foreign, beginnings):
            continue
        word_start, word_end = start + word.start, start + word.end
        if word_start > position:
            segments.append(Segment(text[position:word_start]))
        segments.append(Segment(text[word_start:word_end].rstrip("-"), marked=True))
        position = word_start + len(segments[-1].text)
    if position < end:
        segments.append(Segment(text[position:end]))
    return segments


def _foreign_match(surface: str, foreign: set[str], beginnings: tuple[str, ...]) -> bool:
    """Whether a word of a Swedish or English text matched under its language's stem."""
    return bool(foreign) and surface.lower().startswith(beginnings) and not foreign.isdisjoint(foreign_terms(surface))


def best_snippet(
    texts: Iterable[tuple[str, str, str]], analyzer: Analyzer, terms: set[str], fields: set[str]
) -> Snippet | None:
    """The most telling matching text of a result (its name aside), cut around its first match.

    Only texts of `fields`, where the matches were found, are searched for it; when the name
    alone matched, the first other text (usually the purpose) is shown.
    """
    described = [t for t in texts if t[0] != NAME]
    candidates = [t for t in described if t[0] in fields] or described[:1]
    best, best_rank = None, None
    for field, label, whole in candidates:
        text = snippet_text(whole)
        segments = highlight(text, analyzer, terms)
        marks = sum(s.marked for s in segments)
        rank = (marks > 0, FIELD_WEIGHTS[field], marks)
        if best_rank is None or rank > best_rank:
            best, best_rank = (label, text, segments), rank
    if best is None:
        return None
    label, text, segments = best
    return Snippet(str(LABELS.get(label, label)), tuple(_cut(text, segments, analyzer, terms)))


def _cut(text: str, segments: list[Segment], analyzer: Analyzer, terms: set[str]) -> list[Segment]:
    """About SNIPPET_WORDS words of the text, starting a few words before the first match."""
    spans = [(m.start(), m.end()) for m in WORD.finditer(text)]
    if len(spans) <= SNIPPET_WORDS:
        return segments
    first_mark = 0
    offset = 0
    for segment in segments:
        if segment.marked:
            first_mark = next(i for i, (s, _) in enumerate(spans) if s >= offset)
            break
        offset += len(segment.text)
    first = max(0, min(first_mark - WORDS_BEFORE_MATCH, len(spans) - SNIPPET_WORDS))
    last = min(len(spans), first + SNIPPET_WORDS) - 1
    start, end = spans[first][0], spans[last][1]
    cut = highlight(text, analyzer, terms, start=start, end=end)
    if first > 0:
        cut.insert(0, Segment(ELLIPSIS + " "))
    if last < len(spans) - 1:
        cut.append(Segment(" " + ELLIPSIS))
    return cut
