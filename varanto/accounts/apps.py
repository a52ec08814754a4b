from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """Staff accounts, their roles in each organisation, and the audit log."""

    name = "varanto.accounts"
    verbose_name = _("Accounts and audit")

    def ready(self):
        from . import signals  # noqa: F401  (connects the audit log's listeners)
