from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import CommandError

from varanto.core.commands import OrganizationCommand
from varanto.interchange.limits import decode_bom, file_size_check
from varanto.interchange.validation import CatalogError
from varanto.search.selectors import thesaurus_entries
from varanto.search.services import thesaurus_entries_import
from varanto.search.thesaurus import ThesaurusError, default_rules, entry_rules, read_thesaurus, write_thesaurus


class Command(OrganizationCommand):
    help = (
        "Export or import thesaurus words as CSV (term,expansions,relation). Export without "
        "--organization writes the thesaurus Varanto ships; import adds an organisation's own words."
    )

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        export = actions.add_parser("export", help="write thesaurus entries as CSV")
        export.add_argument("-o", "--output", type=Path, help="the file to write (default: standard output)")
        self.add_organization_argument(export, help_text="the organisation whose own entries to write")
        load = actions.add_parser("import", help="add an organisation's own entries from CSV")
        load.add_argument("path", type=Path, help="the CSV file")
        load.add_argument("--replace", action="store_true", help="remove the organisation's other entries first")
        self.add_organization_argument(load)

    def handle(self, *args, action, **options):
        if action == "export":
            rules = (
                entry_rules(thesaurus_entries(organization=self.get_organization(options)))
                if options.get("organization")
                else default_rules()
            )
            text = write_thesaurus(rules)
            if options["output"]:
                options["output"].write_text(text, encoding="utf-8")
                self.stdout.write(f"Wrote {len(rules)} entries to {options['output']}.")
            else:
                self.stdout.write(text, ending="")
            return
        organization = self.get_organization(options)
        path = options["path"]
        try:
            rules = read_thesaurus(_text(path), source=str(path))
            count = thesaurus_entries_import(organization=organization, rules=rules, replace=options["replace"])
        except OSError as exc:
            raise CommandError(f"Cannot read {path}: {exc.strerror}") from exc
        except UnicodeDecodeError:
            raise CommandError(f"{path}: not UTF-8 text; save the file as UTF-8") from None
        except CatalogError as exc:
            raise CommandError("\n".join(exc.problems)) from None
        except ThesaurusError as exc:
            raise CommandError(str(exc)) from exc
        except ValidationError as exc:
            raise CommandError(f"{path}: {'; '.join(exc.messages)}") from exc
        self.stdout.write(self.style.SUCCESS(f"Imported {count} thesaurus entries for {organization.name}."))


def _text(path: Path) -> str:
    """The file's text, within the import size limit: UTF-8, or what its byte-order mark names."""
    file_size_check(path)
    raw = path.read_bytes()
    marked = decode_bom(raw)
    return marked[0] if marked else raw.decode("utf-8")
