from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BackupConfig(AppConfig):
    """Varmuuskopio: the whole database in one file, restorable into an empty database of either engine."""

    name = "varanto.backup"
    verbose_name = _("Backup")
