"""`varanto handover`: hand what one official or one responsible title holds over to another, in one step."""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import CommandError

from varanto.accounts.handover import responsibility_hand_over
from varanto.core.commands import OrganizationCommand


class Command(OrganizationCommand):
    help = (
        "Hand over the data resources and systems assigned to a user (--from-user), or the resources, systems and "
        "processes naming a responsible title (--from-title), to another user (--to-user) and/or a new "
        "responsible title (--to-title). All or nothing; audited."
    )

    def add_arguments(self, parser):
        self.add_organization_argument(parser)
        source = parser.add_mutually_exclusive_group(required=True)
        source.add_argument("--from-user", metavar="USERNAME")
        source.add_argument("--from-title", metavar="TITLE")
        parser.add_argument("--to-user", metavar="USERNAME")
        parser.add_argument("--to-title", metavar="TITLE", default="")

    def _user(self, username: str | None):
        if not username:
            return None
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user named {username!r}.")
        return user

    def handle(self, *args, **options):
        organization = self.get_organization(options)
        try:
            holdings = responsibility_hand_over(
                organization=organization,
                from_user=self._user(options["from_user"]),
                from_title=options["from_title"] or "",
                to_user=self._user(options["to_user"]),
                to_title=options["to_title"],
                acting_user=None,
            )
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        self.stdout.write(
            f"Handed over {len(holdings.resources)} data resource(s), {len(holdings.systems)} system(s) and "
            f"{len(holdings.processes)} process(es) in {organization.name}."
        )
        for record in holdings.records:
            self.stdout.write(f"  {record.name} ({record.key})")
