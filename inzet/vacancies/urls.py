from django.urls import path

from inzet.vacancies.views import consultant, organisation, saved_searches, volunteer

app_name = "vacancies"
urlpatterns = [
    # volunteers and the public
    path("", volunteer.search, name="search"),
    path("<int:pk>/", volunteer.detail, name="detail"),
    path("<int:pk>/reageren/", volunteer.respond, name="respond"),
    path("mijn-profiel/", volunteer.profile, name="profile"),
    path("voor-jou/", volunteer.suggestions, name="suggestions"),
    path("mijn-reacties/", volunteer.my_responses, name="my_responses"),
    path("mijn-reacties/<int:pk>/intrekken/", volunteer.withdraw, name="withdraw"),
    path("zoekopdrachten/", saved_searches.index, name="saved_searches"),
    path("zoekopdrachten/bewaren/", saved_searches.create, name="saved_search_create"),
    path("zoekopdrachten/<int:pk>/e-mail/", saved_searches.alert, name="saved_search_alert"),
    path("zoekopdrachten/<int:pk>/verwijderen/", saved_searches.delete, name="saved_search_delete"),
    path("zoekopdrachten/stoppen/<str:token>/", saved_searches.unsubscribe, name="saved_search_unsubscribe"),
    # organisations
    path("organisatie/<int:org_pk>/", organisation.vacancy_list, name="organisation_vacancies"),
    path("organisatie/<int:org_pk>/nieuw/", organisation.vacancy_create, name="create"),
    path("<int:pk>/wijzigen/", organisation.vacancy_edit, name="edit"),
    path("<int:pk>/indienen/", organisation.vacancy_submit, name="submit"),
    path("<int:pk>/verlengen/", organisation.vacancy_renew, name="renew"),
    path("<int:pk>/sluiten/", organisation.vacancy_close, name="close"),
    path("<int:pk>/reacties/", organisation.responses, name="responses"),
    path("reacties/<int:pk>/", organisation.response_detail, name="response"),
    path("<int:pk>/kandidaten/", organisation.candidates, name="candidates"),
    path(
        "<int:pk>/kandidaten/<int:profile_pk>/uitnodigen/",
        organisation.candidate_invite,
        name="candidate_invite",
    ),
    # consultants of the support point
    path("beoordelen/", consultant.review_queue, name="review_queue"),
    path("<int:pk>/beoordelen/", consultant.review, name="review"),
    path("bemiddeling/", consultant.mediation_candidates, name="mediation"),
    path("bemiddeling/<int:profile_pk>/", consultant.mediation_propose, name="mediation_propose"),
    path("bemiddeling/plaatsen/<int:pk>/", consultant.mediation_place, name="mediation_place"),
    path("onbeantwoord/", consultant.unanswered, name="unanswered"),
    path("plaatsingen/", consultant.placements, name="placements"),
    path("plaatsingen/<int:pk>/beeindigen/", consultant.placement_end, name="placement_end"),
    path("cijfers/", consultant.statistics, name="statistics"),
]
