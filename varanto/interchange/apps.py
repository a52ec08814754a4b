from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InterchangeConfig(AppConfig):
    """Importers and exporters: the canonical catalogue format and the formats derived from it."""

    name = "varanto.interchange"
    verbose_name = _("Import and export")
