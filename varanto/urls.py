"""URLs. The public site is served in Finnish at / and in Swedish and English under /sv/ and /en/."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path

urlpatterns: list[URLPattern | URLResolver] = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", include("varanto.api.urls")),
    path("hallinta/", include("varanto.backoffice.urls")),
    path("", include("varanto.interchange.urls")),
]
urlpatterns += i18n_patterns(
    path("", include("varanto.search.urls")),
    path("", include("varanto.public.urls")),
    prefix_default_language=False,
)
