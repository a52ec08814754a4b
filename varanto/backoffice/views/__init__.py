"""Back-office views: thin; access checks in `varanto.accounts.permissions`, writes in the services."""
