"""A base for management commands that act on one organisation (Zulip's ZulipBaseCommand idea)."""

from django.core.management.base import BaseCommand, CommandError

from varanto.catalog.models import Organization


class OrganizationCommand(BaseCommand):
    def add_organization_argument(self, parser, *, help_text: str | None = None) -> None:
        parser.add_argument(
            "--organization",
            metavar="NAME",
            help=help_text or "the organisation, by name or short name (default: the only one)",
        )

    def get_organization(self, options) -> Organization:
        wanted = options.get("organization")
        if wanted:
            found = Organization.objects.filter(name=wanted).first() or Organization.objects.filter(slug=wanted).first()
            if found is None:
                names = ", ".join(Organization.objects.values_list("name", flat=True)) or "none yet"
                raise CommandError(f"No organisation named {wanted!r}. Organisations: {names}")
            return found
        organizations = list(Organization.objects.all()[:2])
        if not organizations:
            raise CommandError("There is no organisation yet; import a catalogue first (varanto import FILE).")
        if len(organizations) > 1:
            raise CommandError("There are several organisations; choose one with --organization NAME.")
        return organizations[0]
