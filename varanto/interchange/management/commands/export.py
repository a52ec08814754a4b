import sys
from pathlib import Path

from django.core.management.base import CommandError

from varanto.core.commands import OrganizationCommand
from varanto.interchange.canonical import Audience, catalog_export
from varanto.interchange.formats import FORMATS, render
from varanto.interchange.formats.jhs191 import plan_xml
from varanto.interchange.formats.xlsx import template_xlsx
from varanto.interchange.links import PublicLinks

TEXT_FORMATS = ("json", "dcat-ttl", "dcat-rdf", "dcat-jsonld", "archimate", "jhs191")
JHS191 = "jhs191"  # the records management plan alone, with a report of the classes left out


class Command(OrganizationCommand):
    help = (
        "Export an organisation's working model: canonical JSON (varanto.catalog/1), CSV (a zip of one file "
        "per kind of record), XLSX, DCAT-AP (Turtle, RDF/XML, JSON-LD) or ArchiMate 3.1 (Model Exchange "
        "File Format, for Archi and other architecture tools); the public downloads give these for the "
        "latest publication. jhs191 writes the records management plan (tiedonohjaussuunnitelma) as "
        "JHS 191 XML, valid against the standard schema, naming each class too incomplete to be written."
    )

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=[*FORMATS, JHS191], default="json")
        parser.add_argument("-o", "--output", type=Path, help="file to write (default: standard output)")
        parser.add_argument(
            "--public", action="store_true", help="only what the public may see (internal fields left out)"
        )
        parser.add_argument(
            "--base-url", default="", help="address of the public site that DCAT links to (default: PUBLIC_BASE_URL)"
        )
        parser.add_argument(
            "--template", action="store_true", help="write the blank XLSX template with instructions instead"
        )
        self.add_organization_argument(parser)

    def handle(self, *args, format: str, output: Path | None, public: bool, base_url: str, template: bool, **options):
        if template:
            if format != "xlsx":
                raise CommandError("--template makes an Excel workbook: use it with --format xlsx.")
            self._write(template_xlsx(), output, format, "blank template")
            return
        organization = self.get_organization(options)
        audience = Audience.PUBLIC if public else Audience.INTERNAL
        catalog = catalog_export(organization, audience=audience)
        if format == JHS191:
            self._plan(catalog, output, f"{organization.name}, {audience.value}")
            return
        content = render(catalog, format, PublicLinks(organization.slug, base_url))
        self._write(content, output, format, f"{organization.name}, {audience.value}")

    def _plan(self, catalog: dict, output: Path | None, what: str) -> None:
        export = plan_xml(catalog)
        if not export.written:
            raise CommandError("\n".join(["No task class is complete enough for JHS 191:", *export.report()]))
        for line in export.report():
            self.stderr.write(line)
        self._write(export.xml, output, JHS191, what)

    def _write(self, content: bytes, output: Path | None, fmt: str, what: str) -> None:
        if output:
            output.write_bytes(content)
            label = FORMATS[fmt].label if fmt in FORMATS else "JHS 191 XML"
            self.stderr.write(f"Wrote {output} ({what}, {label}, {len(content)} bytes).")
        elif fmt in TEXT_FORMATS or not sys.stdout.isatty():
            sys.stdout.buffer.write(content)
            sys.stdout.flush()
        else:
            raise CommandError(f"{FORMATS[fmt].label} is a binary file: write it to a file with -o FILE.")
