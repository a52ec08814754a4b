from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    """The REST API (/api/v1/) for integrators."""

    name = "varanto.api"
    verbose_name = _("API")

    def ready(self) -> None:
        from .folding import register_sqlite_lower

        connection_created.connect(register_sqlite_lower, dispatch_uid="varanto-api-sqlite-lower")
