from django.core.management.base import BaseCommand, CommandError

from varanto.catalog.models.organization import OrganizationType
from varanto.interchange.starter import starter_organization_create
from varanto.interchange.validation import CatalogError


class Command(BaseCommand):
    help = (
        "Create a new organisation from the starter model (aloitusmalli): the sections and data resources a "
        "typical Finnish municipality has, each a draft awaiting review and out of the public view until a "
        "publisher approves it."
    )

    def add_arguments(self, parser):
        parser.add_argument("name", help='the new organisation\'s name, e.g. "Pikkulan kunta"')
        parser.add_argument(
            "--type",
            choices=OrganizationType.values,
            default=OrganizationType.MUNICIPALITY,
            help="the kind of public body (default: municipality)",
        )

    def handle(self, *args, name: str, type: str, **options):
        try:
            summary = starter_organization_create(name=name, organization_type=type, acting_user=None)
        except CatalogError as exc:
            raise CommandError("\n".join(exc.problems)) from None
        for warning in summary.warnings:
            self.stderr.write(self.style.WARNING(warning))
        organization = summary.organization
        self.stdout.write(
            self.style.SUCCESS(
                f"Created {organization.name} (short name {organization.slug!r}) from the starter model: "
                f"{len(summary.changes.added)} records. Its {summary.counts['data resources']} data resources are "
                "drafts awaiting review; each is published once a publisher approves it."
            )
        )
