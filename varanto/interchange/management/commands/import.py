from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError

from varanto.catalog.selectors import organization_find
from varanto.core.commands import OrganizationCommand, organizations_listed
from varanto.interchange.canonical import catalog_validate
from varanto.interchange.importing import FORMATS, read_catalog, read_description
from varanto.interchange.preview import (
    Preview,
    Source,
    catalog_corrected,
    catalog_preview,
    organization_labels,
    preview_lines,
)
from varanto.interchange.preview.reading import Reading
from varanto.interchange.services import catalog_import
from varanto.interchange.validation import CatalogError


class Command(OrganizationCommand):
    help = (
        "Import a catalogue: a publicity description page as published (text), the canonical JSON, "
        "an Excel workbook (xlsx) or CSV files (csv: a zip, a folder or one of its files) in the layout "
        "`varanto export` writes, or a description in another layout (text, HTML, DOCX, PDF, a folder of them). "
        "All or nothing: on any error nothing is written."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "path", type=Path, nargs="+", help="the file to import (several: one description, page by page)"
        )
        parser.add_argument("--format", choices=FORMATS, default="auto", help="file format (default: from the file)")
        self.add_organization_argument(
            parser,
            help_text="the organisation, by name or short name (default: the one the file names); "
            "a name no organisation has creates a new one",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="show what the import would add, change and remove; write nothing"
        )
        parser.add_argument(
            "--replace", action="store_true", help="also delete (recoverably) the records the file no longer has"
        )
        parser.add_argument(
            "--allow-undated",
            action="store_true",
            help="accept a text page without its 'Päivitetty' date (otherwise taken as a file cut short)",
        )
        parser.add_argument(
            "--allow-partial",
            action="store_true",
            help="import a description that looks cut short (ends mid-word, mid-list or with its HTML unclosed)",
        )

    def handle(
        self,
        *args,
        path: list[Path],
        format: str,
        organization,
        dry_run: bool,
        replace: bool,
        allow_undated: bool,
        allow_partial: bool,
        **options,
    ):
        verbosity = options["verbosity"]
        target = organization_find(organization) if organization else None
        paths, shown_as = path, ", ".join(str(p) for p in path)
        try:
            if len(paths) > 1:
                catalog, findings = read_description(
                    paths, organization_name=target.name if target else organization, allow_partial=allow_partial
                )
            else:
                catalog, read = read_catalog(
                    paths[0],
                    fmt=format,
                    organization_name=target.name if target else organization,
                    allow_undated=allow_undated,
                    allow_partial=allow_partial,
                )
                findings = list(read)
            catalog_validate(catalog)
        except CatalogError as exc:
            raise CommandError(self._problems(shown_as, exc)) from None

        warnings = [f for f in findings if f.level == "warning"]
        shown = settings.IMPORT_MAX_WARNINGS
        for finding in warnings[:shown]:
            self.stderr.write(self.style.WARNING(f"{shown_as}: {finding}"))
        if len(warnings) > shown:
            more = len(warnings) - shown
            self.stderr.write(
                self.style.WARNING(f"{shown_as}: … and {more} more warnings (IMPORT_MAX_WARNINGS={shown})")
            )
        if verbosity >= 2:
            for finding in findings:
                if finding.level not in ("warning", "preview"):
                    self.stdout.write(f"{shown_as}: {finding}")
        if verbosity >= 2 and not dry_run:  # a dry run prints it in its preview
            for finding in findings:
                if finding.level == "preview":
                    self.stdout.write(str(finding))

        into = target or organization_find(catalog["organization"]["name"])
        reading = Reading.of(catalog, findings)
        # As the back office imports it: the labels its documents use, as mapped there, and a description's
        # resources left in their sections.
        catalog, _skipped = catalog_corrected(reading, into, [], organization_labels(into))
        if dry_run:
            preview = catalog_preview(
                Preview(organization=into),
                reading,
                catalog,
                [Source(p.name, p.read_bytes()) for p in paths if p.is_file()],
                replace=replace,
            )
            if preview.summary is None:
                raise CommandError(self._problems(shown_as, CatalogError(preview.problems)))
            summary = preview.summary
        else:
            self.stdout.write(f"Importing {shown_as} …")
            try:
                summary = catalog_import(
                    catalog,
                    acting_user=None,
                    reason=f"tuonti: {', '.join(p.name for p in paths)}",
                    organization=target,
                    replace=replace,
                    dry_run=dry_run,
                )
            except CatalogError as exc:
                raise CommandError(self._problems(shown_as, exc)) from None
        for warning in summary.warnings:
            self.stderr.write(self.style.WARNING(f"{shown_as}: {warning}"))
        if summary.created:
            note = (
                f"creates a new organisation {summary.organization.name!r} (short name {summary.organization.slug!r})"
            )
            if organization:
                note += f"; no organisation is named {organization!r} (organisations: {organizations_listed()})"
            self.stdout.write(self.style.WARNING(f"The import {note}."))
        if dry_run:
            for line in preview_lines(preview):
                self.stdout.write(line)
            self.stdout.write(self.style.NOTICE("Dry run: nothing was written."))
            return
        changes = summary.changes
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported {summary} ({len(changes.added)} added, {len(changes.changed)} changed, "
                f"{len(changes.removed)} removed)."
            )
        )
        if changes.kept:
            self.stdout.write(f"{len(changes.kept)} records not in the file were kept; --replace removes them.")

    def _problems(self, shown_as: str, exc: CatalogError) -> str:
        shown = exc.problems[:50]
        more = len(exc.problems) - len(shown)
        lines = [f"Nothing was imported from {shown_as}:"] + [f"  - {p}" for p in shown]
        if more:
            lines.append(f"  … and {more} more")
        return "\n".join(lines)
