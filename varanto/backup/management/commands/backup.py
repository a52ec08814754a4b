from pathlib import Path

from django.core.management.base import BaseCommand

from varanto.backup.services import backup_write


class Command(BaseCommand):
    help = (
        "Write the whole database (catalogue, history, publications, users, memberships, tokens, assessments, "
        "audit log, review state) to one file that `varanto restore` brings back, into SQLite or PostgreSQL."
    )

    def add_arguments(self, parser):
        parser.add_argument("-o", "--output", required=True, metavar="FILE", help="the backup file to write (.zip)")

    def handle(self, *args, **options):
        path = Path(options["output"])
        manifest = backup_write(path, progress=lambda message: self.stderr.write(message))
        rows = sum(table["rows"] for table in manifest["tables"].values())
        self.stdout.write(self.style.SUCCESS(f"Backed up {rows} rows of {len(manifest['tables'])} tables to {path}."))
