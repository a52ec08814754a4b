from django.core.management.base import CommandError

from varanto.core.commands import OrganizationCommand
from varanto.publications.catalog import PublishedCatalog
from varanto.publications.selectors import publication_changes, publication_previous
from varanto.publications.services import PublishingRefused, UnapprovedChanges, publication_publish


class Command(OrganizationCommand):
    help = (
        "Publish the public view of an organisation's working model as its next numbered publication "
        "(julkaisu). Public pages, downloads and APIs then show it."
    )

    def add_arguments(self, parser):
        self.add_organization_argument(parser)
        parser.add_argument("--note", default="", help="what this publication changes, shown in the history")
        parser.add_argument(
            "--include-unapproved",
            action="store_true",
            help="publish also data resources whose changes await review or were returned, as they are",
        )

    def handle(self, *args, **options):
        organization = self.get_organization(options)
        try:
            publication = publication_publish(
                organization=organization, note=options["note"], include_unapproved=options["include_unapproved"]
            )
        except UnapprovedChanges as refused:
            raise CommandError(f"{refused} Use --include-unapproved to publish them as they are.") from None
        except PublishingRefused as refused:
            raise CommandError(str(refused)) from None
        catalog = PublishedCatalog(publication.content)
        changes = publication_changes(publication)
        previous = publication_previous(publication)  # the one served before: withdrawn ones are skipped
        since = (
            f"changes since #{previous.number}: {changes.summary()}" if changes and previous else "first publication"
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"Published {organization.name} as #{publication.number} "
                f"({len(catalog.sections)} sections, {len(catalog.resources)} data resources; {since})."
            )
        )
