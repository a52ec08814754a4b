"""The public publicity description. Finnish paths; Swedish and English under /sv/ and /en/ (varanto/urls.py)."""

from django.urls import path

from . import feeds, views

app_name = "public"

urlpatterns = [
    path("", views.home, name="home"),
    path("saavutettavuusseloste/", views.accessibility, name="accessibility"),
    path("<slug:org>/", views.front, name="front"),
    path("<slug:org>/osio/<slug:key>/", views.section, name="section"),
    path("<slug:org>/tietovaranto/<slug:key>/", views.resource, name="resource"),
    path("<slug:org>/jarjestelma/<slug:key>/", views.system, name="system"),
    path("<slug:org>/avoin-data/", views.open_data, name="open_data"),
    path("<slug:org>/julkaisut/", views.history, name="history"),
    path("<slug:org>/julkaisut/atom.xml", feeds.publications_feed, name="feed"),
    path("<slug:org>/julkaisut/<int:number>/", views.publication, name="publication"),
    path("<slug:org>/julkaisut/<int:number>/muutokset/", views.diff, name="diff"),
    path("<slug:org>/upotus/", views.embed, name="embed"),
]
