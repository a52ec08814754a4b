from varanto.core.commands import OrganizationCommand
from varanto.publications.catalog import PublishedCatalog
from varanto.publications.selectors import publication_changes
from varanto.publications.services import publication_create


class Command(OrganizationCommand):
    help = (
        "Publish the public view of an organisation's working model as its next numbered publication "
        "(julkaisu). Public pages, downloads and APIs then show it."
    )

    def add_arguments(self, parser):
        self.add_organization_argument(parser)
        parser.add_argument("--note", default="", help="what this publication changes, shown in the history")

    def handle(self, *args, **options):
        organization = self.get_organization(options)
        publication = publication_create(organization=organization, note=options["note"])
        catalog = PublishedCatalog(publication.content)
        changes = publication_changes(publication)
        since = f"changes since #{publication.number - 1}: {changes.summary()}" if changes else "first publication"
        self.stdout.write(
            self.style.SUCCESS(
                f"Published {organization.name} as #{publication.number} "
                f"({len(catalog.sections)} sections, {len(catalog.resources)} data resources; {since})."
            )
        )
