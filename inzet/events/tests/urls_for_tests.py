from django.urls import include, path

from inzet.urls import urlpatterns as project_urlpatterns

urlpatterns = [path("bijeenkomsten/", include("inzet.events.urls")), *project_urlpatterns]
