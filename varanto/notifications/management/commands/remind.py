"""`varanto remind`: e-mail each official one digest of what needs their attention (run daily)."""

from django.core.management.base import BaseCommand

from varanto.notifications.services import reminders_send


class Command(BaseCommand):
    help = (
        "Send each official one e-mail in their language: their data resources due or overdue for review, "
        "those returned to them with comments and those awaiting their approval, each with a link. An item is "
        "not mentioned again before the user's reminder interval, so running this twice sends nothing new. "
        "Run it daily from cron or a systemd timer (README)."
    )

    def handle(self, *args, **options):
        run = reminders_send()
        self.stdout.write(f"Sent {run.messages} reminder message(s) naming {run.items} item(s).")
