from django.urls import path

from inzet.organisations import views

app_name = "organisations"
urlpatterns = [
    path("", views.directory, name="directory"),
    path("aanmelden/", views.register, name="register"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/wijzigen/", views.edit, name="edit"),
    path("<int:pk>/mensen/", views.members, name="members"),
    path("<int:pk>/mensen/<int:membership_pk>/verwijderen/", views.member_remove, name="member_remove"),
    path(
        "<int:pk>/uitnodigingen/<int:invitation_pk>/intrekken/",
        views.invitation_revoke,
        name="invitation_revoke",
    ),
    path("uitnodiging/<uuid:token>/", views.invitation, name="invitation"),
    path("beoordelen/", views.review_queue, name="review_queue"),
    path("beoordelen/<int:pk>/", views.review, name="review"),
    path("gemeente/", views.municipality_overview, name="municipality_overview"),
]
