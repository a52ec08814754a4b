from django.core.management.base import CommandError

from varanto.core.commands import OrganizationCommand
from varanto.publications.selectors import latest_publication, publication_by_number
from varanto.publications.services import WithdrawalRefused, publication_withdraw


class Command(OrganizationCommand):
    help = "Act on one publication (julkaisu) of an organisation."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        withdraw = actions.add_parser(
            "withdraw",
            help="withdraw publication N: nothing public serves it again; the archive shows when and why",
        )
        withdraw.add_argument("number", type=int, metavar="N", help="the publication's number")
        withdraw.add_argument("--reason", required=True, help="why, shown in the public archive")
        self.add_organization_argument(withdraw)

    def handle(self, *args, **options):
        organization = self.get_organization(options)
        publication = publication_by_number(organization=organization, number=options["number"])
        if publication is None:
            raise CommandError(f"{organization.name} has no publication #{options['number']}.")
        try:
            publication_withdraw(publication=publication, reason=options["reason"])
        except WithdrawalRefused as refused:
            raise CommandError(str(refused)) from None
        served = latest_publication(organization)
        now = f"the public now sees #{served.number}" if served else "nothing of it is public any more"
        self.stdout.write(
            self.style.SUCCESS(f"Withdrew publication #{publication.number} of {organization.name}; {now}.")
        )
