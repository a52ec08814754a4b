import json
import sys
from pathlib import Path

from varanto.core.commands import OrganizationCommand
from varanto.interchange.canonical import Audience, catalog_export


class Command(OrganizationCommand):
    help = "Export an organisation's catalogue in the canonical JSON format (varanto.catalog/1)."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["json"], default="json")
        parser.add_argument("-o", "--output", type=Path, help="file to write (default: standard output)")
        parser.add_argument(
            "--public", action="store_true", help="only what the public may see (internal fields left out)"
        )
        self.add_organization_argument(parser)

    def handle(self, *args, output: Path | None, public: bool, **options):
        organization = self.get_organization(options)
        audience = Audience.PUBLIC if public else Audience.INTERNAL
        text = json.dumps(catalog_export(organization, audience=audience), ensure_ascii=False, indent=2) + "\n"
        if output:
            output.write_text(text, encoding="utf-8")
            self.stderr.write(f"Wrote {output} ({organization.name}, {audience.value}).")
        else:
            sys.stdout.write(text)
