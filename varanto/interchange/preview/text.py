"""The preview as lines of text: what `varanto import --dry-run` prints (the back office shows the same preview)."""

from __future__ import annotations

from ..changes import change_set_lines
from ..documents.preview import preview_lines as recognition_lines
from .build import Preview


def preview_lines(preview: Preview) -> list[str]:
    """Organisation, sections with their resources, text left unplaced, unknown labels, then the change set."""
    if preview.problems:
        return ["Nothing can be imported:", *(f"  - {p}" for p in preview.problems)]
    catalog = preview.catalog or {}
    org = catalog.get("organization", {})
    summary = preview.summary
    new = summary is not None and summary.created
    lines = [
        f"Organisation: {preview.organization_name}"
        + (" (new)" if new else "")
        + f" (updated {org.get('updated') or 'unknown'})"
    ]
    if preview.recognition is not None:
        # The recogniser's own account, beside where each thing stands (`documents.preview`).
        lines += ["", *recognition_lines(preview.recognition)]
    resources = {r["key"]: r for r in catalog.get("resources", [])}
    for section in preview.sections:
        shown = [view for view in section.resources if view.block is None]  # the recognised are listed above
        if not shown:
            continue
        lines += ["", section.name]
        for view in shown:
            resource = resources[view.key]
            disclosure = (resource.get("disclosure") or {}).get("level") or "?"
            api = (resource.get("api") or {}).get("availability") or "?"
            where = f" [{view.source}, line {view.line}]" if view.line else ""
            lines.append(
                f"  • {view.name} – {view.responsible or '?'}; disclosure: {disclosure}; interface: {api}; "
                f"systems: {', '.join(view.systems) or '–'}{where}"
            )
    if preview.unknown:
        lines += ["", "Labels not recognised (kept in notes; map them in the back office's “Tuo kuvaus”):"]
        lines += [f"  • {u.label!r} in {u.resource}: {u.value[:60]!r}" for u in preview.unknown]
    if preview.skipped:
        lines += ["", *preview.skipped]
    if summary is not None and not new:
        lines += ["", *change_set_lines(summary.changes)]
    open_data = catalog.get("open_data", {})
    lines += [
        "",
        f"{preview.resource_count} data resources, {len(catalog.get('systems', []))} systems, "
        f"{len(open_data.get('datasets', []))} open data sets, {len(open_data.get('services', []))} data services, "
        f"{len(org.get('contacts', []))} contact persons.",
    ]
    return lines
