"""A base for management commands that act on one organisation (Zulip's ZulipBaseCommand idea)."""

from django.core.management.base import BaseCommand, CommandError

from varanto.catalog.models import Organization
from varanto.catalog.selectors import organization_find


class OrganizationCommand(BaseCommand):
    def add_organization_argument(self, parser, *, help_text: str | None = None) -> None:
        parser.add_argument(
            "--organization",
            metavar="NAME",
            help=help_text or "the organisation, by name or short name, in any case (default: the only one)",
        )

    def get_organization(self, options) -> Organization:
        wanted = options.get("organization")
        if wanted:
            found = organization_find(wanted)
            if found is None:
                raise CommandError(f"No organisation named {wanted!r}. Organisations: {organizations_listed()}")
            return found
        organizations = list(Organization.objects.all()[:2])
        if not organizations:
            raise CommandError("There is no organisation yet; import a catalogue first (varanto import FILE).")
        if len(organizations) > 1:
            raise CommandError("There are several organisations; choose one with --organization NAME.")
        return organizations[0]


def organizations_listed() -> str:
    """The organisations as "name (short name)", for messages that ask the user to choose."""
    return (
        ", ".join(f"{name} ({slug})" for name, slug in Organization.objects.values_list("name", "slug")) or "none yet"
    )
