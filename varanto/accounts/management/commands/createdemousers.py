"""`varanto createdemousers`: one user per role for trying the back office on the demo catalogue."""

from django.contrib.auth import get_user_model
from django.db import transaction

from varanto.accounts.models import Role
from varanto.accounts.services import membership_assign, membership_set, user_create, user_password_reset
from varanto.catalog.models import DataResource, InformationSystem
from varanto.core.commands import OrganizationCommand

# (user name, first name, last name, role); the editor is the official responsible for water supply.
DEMO_USERS = [
    ("hallinto", "Helena", "Hallinto", Role.ADMINISTRATOR),
    ("julkaisija", "Jussi", "Julkaisija", Role.PUBLISHER),
    ("vesihuolto", "Veera", "Vesihuolto", Role.EDITOR),
    ("lukija", "Liisa", "Lukija", Role.VIEWER),
]
EDITOR_RESOURCES = ["vesihuolto"]
# Reminders (`varanto remind`) need an address; example.org is reserved for examples (RFC 2606).
DEMO_MAIL_DOMAIN = "example.org"


class Command(OrganizationCommand):
    help = (
        "Create one back-office user per role (administrator, publisher, editor, viewer) for the organisation and "
        "print their random passwords once. The editor gets the water supply data resource and its systems."
    )

    def add_arguments(self, parser):
        self.add_organization_argument(parser)
        parser.add_argument(
            "--reset-passwords", action="store_true", help="give existing demo users new passwords (printed once)"
        )

    @transaction.atomic
    def handle(self, *args, **options):
        organization = self.get_organization(options)
        users = get_user_model().objects
        for username, first_name, last_name, role in DEMO_USERS:
            user = users.filter(username=username).first()
            if user is None:
                user, password = user_create(
                    username=username,
                    email=f"{username}@{DEMO_MAIL_DOMAIN}",
                    first_name=first_name,
                    last_name=last_name,
                )
            elif options["reset_passwords"]:
                password = user_password_reset(user=user, acting_user=None, organization=organization)
            else:
                password = None
            if not user.email:
                user.email = f"{username}@{DEMO_MAIL_DOMAIN}"
                user.save(update_fields=["email"])
            membership = membership_set(organization=organization, user=user, role=role, acting_user=None)
            if role is Role.EDITOR:
                resources = list(DataResource.objects.filter(organization=organization, key__in=EDITOR_RESOURCES))
                systems = list(InformationSystem.objects.filter(resource_links__resource__in=resources).distinct())
                membership_assign(membership=membership, resources=resources, systems=systems, acting_user=None)
            shown = password if password else "(unchanged; --reset-passwords gives a new one)"
            self.stdout.write(f"{role.label:>14}: {username:<12} {shown}")
        self.stdout.write(self.style.SUCCESS(f"Sign in at /hallinta/ to work on {organization.name}."))
