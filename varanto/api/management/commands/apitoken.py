import argparse
import datetime

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import CommandError
from django.utils import timezone

from varanto.api.models import IntegrationToken
from varanto.api.services import integration_token_create, integration_token_revoke, token_expiry
from varanto.core.commands import OrganizationCommand


def _day(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2027-01-31") from None


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
        create.add_argument(
            "--expires",
            metavar="YYYY-MM-DD",
            type=_day,
            help="the last day the token works (default: until revoked)",
        )
        create.add_argument(
            "--read-only", action="store_true", help="the token may read the working model but change nothing"
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
                    name=options["name"],
                    user=user,
                    organization=organization,
                    acting_user=None,
                    expires_at=token_expiry(options["expires"]) if options["expires"] else None,
                    read_only=options["read_only"],
                )
            except ValidationError as exc:
                raise CommandError(" ".join(exc.messages)) from None
            where = f" in {organization.name} only" if organization else ""
            limits = "".join(
                [
                    ", read-only" if token.read_only else "",
                    f", until {options['expires']:%Y-%m-%d}" if token.expires_at else "",
                ]
            )
            self.stdout.write(f"Token for {token.name} (acting as {user}{where}{limits}): {secret}")
            self.stderr.write("Copy it now: only its digest is kept.")
        elif action == "list":
            for token in IntegrationToken.objects.select_related("user", "organization"):
                if token.revoked_at:
                    state = f"revoked {token.revoked_at:%Y-%m-%d}"
                elif token.expired:
                    state = f"expired {timezone.localtime(token.expires_at):%Y-%m-%d %H:%M}"
                else:
                    state = "active" + (
                        f" until {timezone.localtime(token.expires_at):%Y-%m-%d %H:%M}" if token.expires_at else ""
                    )
                where = f"  in {token.organization.slug}" if token.organization else ""
                scope = "  read-only" if token.read_only else ""
                self.stdout.write(f"{token.prefix}…  {token.name}  as {token.user}{where}{scope}  {state}")
        else:
            tokens = list(IntegrationToken.objects.filter(prefix=options["prefix"], revoked_at__isnull=True))
            if len(tokens) != 1:
                raise CommandError(f"{len(tokens)} active tokens begin with {options['prefix']!r}; give exactly one.")
            integration_token_revoke(token=tokens[0], acting_user=None)
            self.stdout.write(f"Revoked {tokens[0]}.")
