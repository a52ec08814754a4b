from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CatalogConfig(AppConfig):
    """The working information management model (tiedonhallintamalli) that officials edit."""

    name = "varanto.catalog"
    verbose_name = _("Information management model")
