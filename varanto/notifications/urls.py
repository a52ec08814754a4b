"""The public's subscription pages (Finnish paths; Swedish and English under /sv/ and /en/)."""

from django.urls import path

from . import views

app_name = "notifications"

urlpatterns = [
    path("<slug:org>/tilaa/", views.subscribe, name="subscribe"),
    path("<slug:org>/tilaa/vahvista/<str:token>/", views.confirm, name="confirm"),
    path("<slug:org>/tilaa/peru/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
