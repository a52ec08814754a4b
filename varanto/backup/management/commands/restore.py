from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from varanto.backup.services import BackupError, backup_restore


class Command(BaseCommand):
    help = (
        "Restore a file written by `varanto backup` into this database, all or nothing. The database must be "
        "migrated (`varanto migrate`) and empty; each table's row count is checked against the backup's."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", metavar="FILE", help="the backup file")
        parser.add_argument(
            "--force",
            action="store_true",
            help="restore into a database that is not empty: everything in it is deleted first",
        )

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"{path}: no such file.")
        try:
            report = backup_restore(path, replace=options["force"], progress=lambda message: self.stderr.write(message))
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {report.rows} rows of {report.tables} tables from {path}; "
                f"built {report.search_indexes} search indexes."
            )
        )
