from django.urls import path

from . import views

app_name = "search"

urlpatterns = [
    path("haku/", views.site_results, name="site_results"),
    path("<slug:org>/haku/", views.results, name="results"),
]
