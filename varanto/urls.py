"""URLs. The public site is served in Finnish at / and in Swedish and English under /sv/ and /en/."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.templatetags.static import static
from django.urls import URLPattern, URLResolver, include, path, re_path
from django.views.generic import RedirectView

from varanto.api.urls import not_found as api_not_found
from varanto.public.logos import logo

urlpatterns: list[URLPattern | URLResolver] = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", include("varanto.api.urls")),
    re_path(r"^api/", api_not_found),  # another version, or none: still the API's JSON 404
    path("hallinta/", include("varanto.backoffice.urls")),
    # Browsers ask for /favicon.ico whatever the page links to.
    path("favicon.ico", RedirectView.as_view(url=static("public/favicon.svg"), permanent=True)),
    path("<slug:org>/tunnus.<str:suffix>", logo, name="logo"),
    path("", include("varanto.interchange.urls")),
]
urlpatterns += i18n_patterns(
    path("", include("varanto.search.urls")),
    path("", include("varanto.notifications.urls")),
    path("", include("varanto.public.urls")),
    prefix_default_language=False,
)

# Error pages in the visitor's language (varanto/public/errors.py).
handler400 = "varanto.public.errors.bad_request"
handler403 = "varanto.public.errors.permission_denied"
handler404 = "varanto.public.errors.page_not_found"
handler500 = "varanto.public.errors.server_error"
