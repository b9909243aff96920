from django.urls import path

from inzet.collaboration import views

app_name = "collaboration"
urlpatterns = [
    path("aanbod/", views.offer_list, name="offers"),
    path("aanbod/nieuw/", views.offer_create, name="offer_create"),
    path("aanbod/<int:pk>/wijzigen/", views.offer_edit, name="offer_edit"),
    path("aanbod/<int:pk>/verwijderen/", views.offer_delete, name="offer_delete"),
]
