from varanto.catalog.models import Organization
from varanto.core.commands import OrganizationCommand
from varanto.search.services import referrals_defaults_load


class Command(OrganizationCommand):
    help = (
        "Copy Varanto's default referrals (matters other authorities hold: health and social care, taxes, "
        "population data, parish registers, Kela benefits, police) into an organisation's own table, to edit "
        "in the admin. Matters the organisation already has are kept."
    )

    def add_arguments(self, parser):
        self.add_organization_argument(parser, help_text="the organisation, by name or short name (default: every one)")

    def handle(self, *args, **options):
        organizations = (
            [self.get_organization(options)] if options.get("organization") else Organization.objects.order_by("name")
        )
        for organization in organizations:
            added = referrals_defaults_load(organization=organization)
            self.stdout.write(f"{organization.name}: {added} referral(s) added.")
