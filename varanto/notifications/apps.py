from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    """Ilmoitukset: reminders to officials by e-mail, and the public's subscriptions to publications."""

    name = "varanto.notifications"
    verbose_name = _("Notifications")
