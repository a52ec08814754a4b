from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from varanto.interchange.staticsite import build_site


class Command(BaseCommand):
    help = (
        "Write the public description as a static site into OUTDIR (replacing it): every page of every "
        "organisation's latest publication in every language, and the downloads, with relative links."
    )

    def add_arguments(self, parser):
        parser.add_argument("outdir", type=Path, help="the folder to write (its old content is removed)")
        parser.add_argument(
            "--base-url",
            default="",
            help="where the copy will be served; DCAT and downloads point there (default: PUBLIC_BASE_URL)",
        )
        parser.add_argument(
            "--live-url",
            default="",
            help="the running Varanto, for links to the back office and the API (default: PUBLIC_BASE_URL)",
        )

    def handle(self, *args, outdir: Path, base_url: str, live_url: str, **options):
        if outdir.exists() and not outdir.is_dir():
            raise CommandError(f"{outdir} is a file; give a folder")
        if outdir.resolve() in (Path.cwd().resolve(), Path.home().resolve(), Path("/")):
            raise CommandError(f"{outdir} would be emptied first: give a folder of its own")
        self.stdout.write(f"Writing the static site into {outdir} …")
        report = build_site(outdir, base_url=base_url, live_url=live_url, progress=self.stdout.write)
        if not report.files:
            raise CommandError("Nothing to write: no organisation has published a description yet (varanto publish).")
        for missing in report.missing:
            self.stderr.write(self.style.WARNING(f"Left out (the site answered with an error): {missing}"))
        self.stdout.write(
            self.style.SUCCESS(f"Wrote {report.pages} pages and {report.files - report.pages} other files.")
        )
