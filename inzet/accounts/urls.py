from django.urls import path

from inzet.accounts import views

app_name = "accounts"
urlpatterns = [
    path("", views.profile, name="profile"),
    path("api-sleutel/", views.api_token, name="api_token"),
    path("naam/", views.name, name="name"),
]
