from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """Finnish-aware search over the latest publication."""

    name = "varanto.search"
    verbose_name = _("Search")
