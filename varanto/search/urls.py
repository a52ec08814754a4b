from django.urls import path

from . import views

app_name = "search"

urlpatterns = [
    path("haku/", views.site_results, name="site_results"),
    path("<slug:org>/haku/", views.results, name="results"),
    # For the static copy (`varanto site`), which has no server to search: the same words found in the browser.
    path("<slug:org>/haku/selain/", views.in_browser, name="in_browser"),
    path("<slug:org>/haku/selain/hakemisto.js", views.in_browser_index, name="in_browser_index"),
]
