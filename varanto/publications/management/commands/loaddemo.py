from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from varanto.catalog.models import Organization
from varanto.interchange.importing import read_catalog
from varanto.interchange.services import catalog_import
from varanto.publications.services import publication_create

DEMO_FILE = Path(settings.BASE_DIR).parent / "demo" / "imatra.catalog.json"


class Command(BaseCommand):
    help = "Load and publish the Imatra demo catalogue, unless the database already holds an organisation."

    def add_arguments(self, parser):
        parser.add_argument("--file", type=Path, default=DEMO_FILE, help="the catalogue to load")

    def handle(self, *args, file: Path, **options):
        if Organization.objects.exists():
            self.stdout.write("The database already holds a catalogue; demo data not loaded.")
            return
        catalog, _ = read_catalog(file, fmt="json")
        summary = catalog_import(catalog, acting_user=None, reason="tuonti: demo")
        publication = publication_create(organization=summary.organization, note="Demoaineisto")
        self.stdout.write(self.style.SUCCESS(f"Loaded {summary}; published as #{publication.number}."))
