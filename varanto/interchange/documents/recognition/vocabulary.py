"""The label vocabulary (otsikkosanasto), kept as data in vocabulary.json: which field a label names.

A label written before a colon ("Tietovarannon käyttötarkoitus: …") matches a field when it
contains one of the field's stems. A heading with no colon is stricter, since resource names
contain the same words ("Henkilöstöhallinnon aineistot"): every word of it must be a stem's
word or a filler ("Keskeiset", "Tietovarannon"), unless it is one of the field's questions.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

FILLERS = frozenset(
    "keskeiset keskeisimmät tärkeimmät tietovarannon tietovarannossa rekisterin käytettävät käytetyt "
    "sekä ja tai tiedon tietojen tiedot tärkeät centrala viktigaste informationsresursens och eller "
    "samt använda key main used".split()
)
PUNCTUATION = " \t:;.,?!–-•*"
DASH_LABEL = re.compile(r"^(?P<label>[^–:]{2,60}?)\s+[–—-]\s+(?P<value>\S.*)$")


def normalised(label: str) -> str:
    """A label as compared: case folded, spaces collapsed, without its colon or question mark."""
    return re.sub(r"\s+", " ", label.casefold()).strip(PUNCTUATION)


@dataclass(frozen=True)
class FieldLabels:
    field: str
    stems: tuple[str, ...]
    questions: tuple[re.Pattern, ...]
    label_stems: tuple[str, ...] = ()  # matched only in a label before a colon


def _question(form: str) -> re.Pattern:
    parts = [re.escape(p.strip()) for p in form.split("…")]
    return re.compile(r"^" + r"(?:\s+\S+)*?\s*".join(parts) + r"\b")


@dataclass(frozen=True)
class Vocabulary:
    fields: tuple[FieldLabels, ...]
    not_labels: frozenset[str]
    skip_links: frozenset[str]
    clutter: frozenset[str]
    name_labels: frozenset[str]
    not_groups: frozenset[str]
    extra: tuple[tuple[str, str], ...] = ()  # (normalised label, field or "") an official mapped

    def with_labels(self, labels: dict[str, str]) -> Vocabulary:
        """The vocabulary with an official's own mappings, which come first ("" maps a label to no field)."""
        extra = tuple((normalised(k), v) for k, v in labels.items()) + self.extra
        return Vocabulary(
            self.fields, self.not_labels, self.skip_links, self.clutter, self.name_labels, self.not_groups, extra
        )

    def _mapped(self, text: str) -> str | None:
        for label, fld in self.extra:
            if label == text:
                return fld
        return None

    def label_field(self, label: str) -> str | None:
        """The field a label written before a colon names ("name" for the resource's own name), or None."""
        text = normalised(label)
        if not text or len(text) > 80:
            return None
        mapped = self._mapped(text)
        if mapped is not None:
            return mapped or None
        if text in self.name_labels:
            return "name"
        if self._group_heading(text):
            return None
        return self._question_field(text) or next(
            (f.field for f in self.fields if any(stem in text for stem in f.stems + f.label_stems)), None
        )

    def heading_field(self, heading: str) -> str | None:
        """The field a heading (no colon) names, or None when it is a name or a group's heading."""
        text = normalised(heading)
        if not text or len(text) > 120:
            return None
        mapped = self._mapped(text)
        if mapped is not None:
            return mapped or None
        question = self._question_field(text)
        if question or len(text) > 60 or self._group_heading(text):
            return question
        words = [w for w in re.split(r"[\s/,]+", text) if w and w not in FILLERS]
        for labels in self.fields:
            if words and all(any(stem in word for stem in labels.stems) for word in words):
                return labels.field
        return None

    def _question_field(self, text: str) -> str | None:
        for labels in self.fields:
            if any(q.search(text) for q in labels.questions):
                return labels.field
        return None

    def _group_heading(self, text: str) -> bool:
        return any(word in self.not_labels for word in re.split(r"[\s,]+", text))

    def dash_label(self, text: str) -> tuple[str, int] | None:
        """ "Käyttötarkoitus – asioiden käsittely": (the label, where its value starts), or None."""
        match = DASH_LABEL.match(text)
        if match and self.heading_field(match["label"]):
            return match["label"], match.start("value")
        return None

    def is_header(self, cells: tuple[str, ...]) -> bool:
        """Whether a table's row names its columns: the resource's name column, or two field labels."""
        found = [self.label_field(cell) for cell in cells if cell]
        return "name" in found or sum(1 for f in found if f) >= 2

    def lists_no_resources(self, heading: str) -> bool:
        """Whether a heading's list is contacts, links or attachments, not resources ("Yhteystiedot")."""
        return normalised(heading) in self.not_groups

    def is_skip_link(self, text: str) -> bool:
        return normalised(text) in self.skip_links

    def is_clutter(self, text: str) -> bool:
        return normalised(text) in self.clutter


@cache
def vocabulary() -> Vocabulary:
    data = json.loads(resources.files(__package__).joinpath("vocabulary.json").read_text("utf-8"))
    fields = tuple(
        FieldLabels(
            entry["field"],
            tuple(s.casefold() for s in entry["stems"]),
            tuple(_question(q.casefold()) for q in entry.get("questions", ())),
            tuple(s.casefold() for s in entry.get("label_stems", ())),
        )
        for entry in data["fields"]
    )
    return Vocabulary(
        fields,
        frozenset(data["not_labels"]),
        frozenset(s.casefold() for s in data["skip_links"]),
        frozenset(s.casefold() for s in data["clutter"]),
        frozenset(s.casefold() for s in data["name_labels"]),
        frozenset(s.casefold() for s in data["not_groups"]),
    )
