from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicationsConfig(AppConfig):
    """Julkaisut: immutable, numbered snapshots of the public view of the model."""

    name = "varanto.publications"
    verbose_name = _("Publications")
