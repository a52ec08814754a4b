"""The report for the board or council (hallituksen tai valtuuston katsaus): how complete the model is
by section against §5/§28, which reviews are overdue, and what has changed since the last publication.

It reads the completeness checks (`completeness`), the review due dates (`attention`) and the
publication delta (`changes`, on the one diff engine `publications.diff`); it adds only the
grouping by section and the geometry of its bar charts.
"""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass

from django.utils import timezone

from varanto.catalog.models import Organization

from .attention import Attention, overdue_list
from .changes import PublicationDelta, publication_delta
from .completeness import CompletenessReport, ResourceCompleteness, completeness_report

# The bar charts' drawing area in SVG user units: labels on the left, bars to their right.
LABEL_WIDTH = 340
BAR_WIDTH = 320
ROW_HEIGHT = 28
LABEL_CHARS = 46  # longer names are shortened in the chart; the table beside it has them whole


@dataclass
class SectionCompleteness:
    """One section's data resources and how many of the §5/§28 items that apply to them are met."""

    name: str
    rows: list[ResourceCompleteness]
    overdue: int = 0

    @property
    def complete(self) -> int:
        return sum(1 for row in self.rows if not row.missing)

    @property
    def applicable(self) -> int:
        return sum(row.applicable for row in self.rows)

    @property
    def met(self) -> int:
        return sum(row.applicable - len(row.missing) for row in self.rows)

    @property
    def percent(self) -> int:
        return round(100 * self.met / self.applicable) if self.applicable else 100


@dataclass(frozen=True)
class Bar:
    label: str
    full_label: str
    percent: int
    width: int
    y: int
    low: bool


@dataclass(frozen=True)
class BarChart:
    bars: list[Bar]
    label_width: int = LABEL_WIDTH
    bar_width: int = BAR_WIDTH

    @property
    def height(self) -> int:
        return 8 + ROW_HEIGHT * len(self.bars)

    @property
    def width(self) -> int:
        return self.label_width + self.bar_width + 70  # room for the value after the longest bar

    @property
    def value_x(self) -> int:
        return self.label_width + self.bar_width + 8


def bar_chart(values: list[tuple[str, int]]) -> BarChart:
    """Horizontal percentage bars, one per (label, percent), below 50 % marked low."""
    bars = []
    for index, (label, percent) in enumerate(values):
        short = label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1].rstrip() + "…"
        width = round(BAR_WIDTH * max(0, min(percent, 100)) / 100)
        bars.append(Bar(short, label, percent, width, 4 + index * ROW_HEIGHT, percent < 50))
    return BarChart(bars)


@dataclass
class BoardReport:
    organization: Organization
    day: datetime.date
    completeness: CompletenessReport
    sections: list[SectionCompleteness]
    overdue: list[Attention]
    delta: PublicationDelta

    @property
    def section_chart(self) -> BarChart:
        return bar_chart([(s.name, s.percent) for s in self.sections])

    @property
    def requirement_chart(self) -> BarChart:
        totals = [t for t in self.completeness.totals if t.percent is not None]
        return bar_chart(
            [(f"{str(t.requirement.label).capitalize()} ({t.requirement.law})", t.percent or 0) for t in totals]
        )

    @property
    def delta_counts(self) -> dict[str, int]:
        """How many data resources the next publication would add, change and remove."""
        counts = Counter(d.status for d in self.delta.resources.values())
        return {status: counts[status] for status in ("added", "changed", "removed")}


def board_report(organization: Organization) -> BoardReport:
    report = completeness_report(organization)
    overdue = overdue_list(organization)
    sections: dict[int, SectionCompleteness] = {}
    for row in report.rows:  # in section order (`resources_for_checks`)
        section = row.resource.section
        sections.setdefault(section.pk, SectionCompleteness(section.name, [])).rows.append(row)
    overdue_by_section = Counter(a.resource.section_id for a in overdue)
    for key, section_completeness in sections.items():
        section_completeness.overdue = overdue_by_section[key]
    return BoardReport(
        organization, timezone.localdate(), report, list(sections.values()), overdue, publication_delta(organization)
    )
