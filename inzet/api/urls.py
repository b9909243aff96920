from django.urls import path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from inzet.api import assessments, docs, events, vacancies, views

app_name = "api"
urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", docs.docs, name="docs"),
    path("docs/explorer/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="explorer"),
    path("v1/municipalities/", views.MunicipalityList.as_view(), name="municipality_list"),
    path("v1/municipalities/<str:code>/", views.MunicipalityDetail.as_view(), name="municipality_detail"),
    path("v1/organisations/", views.OrganisationList.as_view(), name="organisation_list"),
    path("v1/organisations/<int:pk>/", views.OrganisationDetail.as_view(), name="organisation_detail"),
    path("v1/my/organisations/", views.MyOrganisationList.as_view(), name="my_organisation_list"),
    path(
        "v1/my/organisations/<int:pk>/", views.MyOrganisationDetail.as_view(), name="my_organisation_detail"
    ),
    path("v1/vacancies/", vacancies.VacancySearch.as_view(), name="vacancy_list"),
    path("v1/vacancies/<int:pk>/", vacancies.VacancyDetail.as_view(), name="vacancy_detail"),
    path(
        "v1/my/organisations/<int:pk>/vacancies/",
        vacancies.MyOrganisationVacancies.as_view(),
        name="my_organisation_vacancies",
    ),
    path(
        "v1/my/vacancies/<int:pk>/responses/",
        vacancies.MyVacancyResponses.as_view(),
        name="my_vacancy_responses",
    ),
    path("v1/instruments/", assessments.InstrumentList.as_view(), name="instrument_list"),
    path("v1/instruments/<int:pk>/", assessments.InstrumentDetail.as_view(), name="instrument_detail"),
    path("v1/campaigns/", assessments.CampaignList.as_view(), name="campaign_list"),
    path("v1/campaigns/<int:pk>/results/", assessments.CampaignResults.as_view(), name="campaign_results"),
    path(
        "v1/my/organisations/<int:pk>/reports/",
        assessments.MyOrganisationReports.as_view(),
        name="my_organisation_reports",
    ),
    path("v1/events/", events.EventList.as_view(), name="event_list"),
    path("v1/events/<int:pk>/", events.EventDetail.as_view(), name="event_detail"),
    path(
        "v1/my/events/<int:pk>/registrations/",
        events.OrganisedEventRegistrations.as_view(),
        name="organised_event_registrations",
    ),
]
