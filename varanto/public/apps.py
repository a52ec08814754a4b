from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicConfig(AppConfig):
    """The public publicity description (asiakirjajulkisuuskuvaus) that residents read."""

    name = "varanto.public"
    verbose_name = _("Public site")
