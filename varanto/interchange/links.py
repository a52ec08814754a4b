"""Absolute addresses on the public site, for the formats that point to it (DCAT landing pages).

The public URL names are agreed between the apps (`public:front`, `public:resource`, …);
addresses are made in Finnish, the site's default language, whatever language the request
that asks for a download happens to carry.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from varanto.core.addresses import public_base_url


@dataclass(frozen=True)
class PublicLinks:
    """Links to one organisation's public description, rooted at `base_url` (`public_base_url()`)."""

    organization: str  # the organisation's slug
    base_url: str = ""

    def __post_init__(self):
        object.__setattr__(self, "base_url", (self.base_url or public_base_url()).rstrip("/"))

    def _url(self, name: str, **kwargs) -> str:
        with translation.override(settings.LANGUAGE_CODE):
            return self.base_url + reverse(name, kwargs={"org": self.organization, **kwargs})

    def front(self) -> str:
        return self._url("public:front")

    def section(self, key: str) -> str:
        return self._url("public:section", key=key)

    def resource(self, key: str) -> str:
        return self._url("public:resource", key=key)

    def system(self, key: str) -> str:
        return self._url("public:system", key=key)

    def open_data(self) -> str:
        return self._url("public:open_data")

    def download(self, fmt: str) -> str:
        return self._url("downloads:file", fmt=fmt)
