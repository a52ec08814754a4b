from django.urls import path

from . import views

app_name = "search"

urlpatterns = [
    path("<slug:org>/haku/", views.results, name="results"),
]
