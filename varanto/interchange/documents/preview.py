"""What was recognised, as lines of text beside where each thing stands (`varanto import --dry-run`)."""

from __future__ import annotations

from .recognition.model import Recognition

SHOWN = 100  # characters of a field's text in the preview


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SHOWN else text[: SHOWN - 1] + "…"


def preview_lines(recognition: Recognition) -> list[str]:
    documents = ", ".join(d.name for d in recognition.documents)
    systems = {s.name.casefold() for r in recognition.resources for s in r.systems}
    lines = [
        f"Recognised in {documents}: {len(recognition.resources)} data resources, {len(systems)} systems, "
        f"{len(recognition.unplaced)} texts not placed in any field."
    ]
    section = None
    for resource in recognition.resources:
        if resource.section != section:
            section = resource.section
            lines.append(f"\n{section or '(no section heading)'}")
        lines.append(f"  • {resource.name} – confidence {resource.confidence:.2f} [{resource.where}]")
        for fld, located in resource.fields.items():
            if fld != "systems":  # shown as recognised, below
                lines.append(f"      {fld}: {_short(located.text)}")
        if resource.responsible:
            lines.append(f"      responsible: {_short(resource.responsible.text)} [{resource.responsible.where}]")
        if resource.systems:
            described = "; ".join(f"{s.name} ({s.usage})" if s.usage else s.name for s in resource.systems)
            lines.append(f"      systems: {_short(described)}")
    if recognition.unplaced:
        lines.append("\nNot placed in any field (kept in notes or descriptions):")
        for unplaced in recognition.unplaced:
            target = f"notes of {unplaced.resource}" if unplaced.resource else "the organisation's description"
            lines.append(f"  {unplaced.where}: {_short(unplaced.text)!r} → {target}")
    for reason in recognition.cut_short:
        lines.append(f"\nLooks cut short: {reason}")
    return lines
