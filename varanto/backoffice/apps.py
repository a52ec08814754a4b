from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BackofficeConfig(AppConfig):
    """Hallinta: where officials keep their resources current and staff review and publish."""

    name = "varanto.backoffice"
    verbose_name = _("Back office")

    def ready(self):
        from .sso import checks  # noqa: F401  (registers the single sign-on configuration check)
