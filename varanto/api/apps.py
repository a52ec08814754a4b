from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    """The REST API (/api/v1/) for integrators."""

    name = "varanto.api"
    verbose_name = _("API")
