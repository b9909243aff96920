from django.urls import path

from inzet.events.views import organiser, public

app_name = "events"
urlpatterns = [
    # everyone
    path("", public.event_list, name="list"),
    path("<int:pk>/", public.event_detail, name="detail"),
    path("<int:pk>/agenda.ics", public.event_ics, name="ics"),
    path("reeks/<int:pk>/", public.series_detail, name="series"),
    path("agenda.ics", public.feed, name="feed"),
    path("agenda/<str:province>.ics", public.feed, name="feed_province"),
    path("<int:pk>/aanmelden/", public.register, name="register"),
    path("mijn-aanmeldingen/", public.my_registrations, name="my_registrations"),
    path("mijn-aanmeldingen/<int:pk>/afmelden/", public.cancel_registration, name="cancel"),
    path("mijn-aanmeldingen/<int:pk>/evaluatie/", public.evaluate, name="evaluate"),
    path("mijn-aanmeldingen/<int:pk>/bewijs-van-deelname.pdf", public.certificate, name="certificate"),
    path("afmelden/<str:token>/", public.cancel_by_token, name="cancel_by_token"),
    # organising consultants
    path("organiseren/", organiser.manage, name="manage"),
    path("organiseren/nieuw/", organiser.event_create, name="create"),
    path("organiseren/reeks/", organiser.series_create, name="series_create"),
    path("organiseren/cijfers/", organiser.statistics, name="statistics"),
    path("organiseren/cijfers.xlsx", organiser.statistics_xlsx, name="statistics_xlsx"),
    path("<int:pk>/wijzigen/", organiser.event_edit, name="edit"),
    path("<int:pk>/annuleren/", organiser.event_cancel, name="cancel_event"),
    path("<int:pk>/deelnemers/", organiser.attendees, name="attendees"),
    path("<int:pk>/deelnemers.xlsx", organiser.attendees_xlsx, name="attendees_xlsx"),
    path("<int:pk>/aanwezigheid/", organiser.checkin, name="checkin"),
    path("<int:pk>/opbrengst/", organiser.outcome, name="outcome"),
    path("ideeen/<int:idea_pk>/verwijderen/", organiser.idea_delete, name="idea_delete"),
    path("<int:pk>/evaluaties/", organiser.evaluations, name="evaluations"),
    path("<int:pk>/uitnodigen/", organiser.invite, name="invite"),
]
