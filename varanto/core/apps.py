from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Small pieces shared by every app: key generation, the command base class."""

    name = "varanto.core"
    verbose_name = "Varanto"
