"""`varanto notify`: tell the public's subscribers of each latest publication what they have not been told."""

from django.core.management.base import BaseCommand

from varanto.notifications.subscriptions import notices_send_pending


class Command(BaseCommand):
    help = (
        "E-mail each confirmed subscriber about their organisation's latest publication unless they were told "
        "already. Publishing does this by itself; run this after the mail server was unreachable."
    )

    def handle(self, *args, **options):
        self.stdout.write(f"Told {notices_send_pending()} subscriber(s).")
