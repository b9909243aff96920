from django.urls import path

from inzet.core import views

app_name = "core"
urlpatterns = [
    path("", views.home, name="home"),
    path("mijn/", views.dashboard, name="dashboard"),
    path("privacy/", views.privacy, name="privacy"),
]
