from django.apps import AppConfig
from django.utils.translation import pgettext_lazy


class SearchConfig(AppConfig):
    """Finnish-aware search over the latest publication."""

    name = "varanto.search"
    verbose_name = pgettext_lazy("app", "Search")
