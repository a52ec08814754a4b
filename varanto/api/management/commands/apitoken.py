from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import CommandError

from varanto.api.models import IntegrationToken
from varanto.api.services import integration_token_create, integration_token_revoke
from varanto.core.commands import OrganizationCommand


class Command(OrganizationCommand):
    help = "Manage integration tokens for the API: make one for a user account, list them, or revoke one."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        create = actions.add_parser("create", help="make a token; its secret is printed once")
        create.add_argument("username", help="the account the integration acts as (its roles apply)")
        create.add_argument("--name", required=True, help="what the integration is, e.g. 'asianhallinta'")
        self.add_organization_argument(
            create,
            help_text="the organisation (name or short name) the token works in alone; the user must have a "
            "role there (default: every organisation of the user)",
        )
        actions.add_parser("list", help="list the tokens")
        revoke = actions.add_parser("revoke", help="stop a token from working")
        revoke.add_argument("prefix", help="the token's first characters, as the list shows them")

    def handle(self, *args, action: str, **options):
        if action == "create":
            user = get_user_model().objects.filter(username=options["username"]).first()
            if user is None:
                raise CommandError(f"No user named {options['username']!r}.")
            organization = self.get_organization(options) if options["organization"] else None
            try:
                token, secret = integration_token_create(
                    name=options["name"], user=user, organization=organization, acting_user=None
                )
            except ValidationError as exc:
                raise CommandError(" ".join(exc.messages)) from None
            where = f" in {organization.name} only" if organization else ""
            self.stdout.write(f"Token for {token.name} (acting as {user}{where}): {secret}")
            self.stderr.write("Copy it now: only its digest is kept.")
        elif action == "list":
            for token in IntegrationToken.objects.select_related("user", "organization"):
                state = f"revoked {token.revoked_at:%Y-%m-%d}" if token.revoked_at else "active"
                where = f"  in {token.organization.slug}" if token.organization else ""
                self.stdout.write(f"{token.prefix}…  {token.name}  as {token.user}{where}  {state}")
        else:
            tokens = list(IntegrationToken.objects.filter(prefix=options["prefix"], revoked_at__isnull=True))
            if len(tokens) != 1:
                raise CommandError(f"{len(tokens)} active tokens begin with {options['prefix']!r}; give exactly one.")
            integration_token_revoke(token=tokens[0], acting_user=None)
            self.stdout.write(f"Revoked {tokens[0]}.")
