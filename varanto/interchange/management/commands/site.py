from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from varanto.interchange.staticsite import SiteFolderError, build_site, check_replaceable


class Command(BaseCommand):
    help = (
        "Write the public description as a static site into OUTDIR (replacing it): every page of every "
        "organisation's latest publication in every language, and the downloads, with relative links."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "outdir",
            type=Path,
            help="the folder to write: new, empty or an earlier static site, replaced only when the new one is complete",
        )
        parser.add_argument(
            "--force", action="store_true", help="replace OUTDIR even if it holds files Varanto did not write"
        )
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

    def handle(self, *args, outdir: Path, base_url: str, live_url: str, force: bool, **options):
        if outdir.resolve() in (Path.cwd().resolve(), Path.home().resolve(), Path("/")):
            raise CommandError(f"{outdir} would be replaced: give a folder of its own")
        try:
            check_replaceable(outdir, force=force)
            self.stdout.write(f"Writing the static site into {outdir} …")
            report = build_site(outdir, base_url=base_url, live_url=live_url, progress=self.stdout.write, force=force)
        except SiteFolderError as exc:
            raise CommandError(str(exc)) from None
        except Exception as exc:
            raise CommandError(f"The static site could not be written ({exc}); {outdir} was left as it was.") from exc
        if not report.files:
            raise CommandError("Nothing to write: no organisation has published a description yet (varanto publish).")
        for missing in report.missing:
            self.stderr.write(self.style.WARNING(f"Left out (the site answered with an error): {missing}"))
        self.stdout.write(
            self.style.SUCCESS(f"Wrote {report.pages} pages and {report.files - report.pages} other files.")
        )
