"""Middleware that belongs to no one app."""

from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.functional import SimpleLazyObject

# Lazy: the URLconf is not loaded yet when the middleware is built.
_PRIVATE_PREFIXES = SimpleLazyObject(lambda: (reverse("backoffice:home"), reverse("admin:index")))


class PrivatePagesNoStoreMiddleware:
    """`Cache-Control: no-store` on the back office and the admin: what a signed-in official saw must not
    stay in a shared computer's browser cache or in a proxy."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path_info.startswith(tuple(_PRIVATE_PREFIXES)):
            add_never_cache_headers(response)
        return response
