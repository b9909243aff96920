from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.views.i18n import set_language

urlpatterns = [
    path("i18n/setlang/", set_language, name="set_language"),
    path("api/", include("inzet.api.urls")),
    path("beheer/", admin.site.urls),
    path("account/", include("allauth.urls")),
    path("mijn-account/", include("inzet.accounts.urls")),
    path("organisaties/", include("inzet.organisations.urls")),
    path("vacatures/", include("inzet.vacancies.urls")),
    path("krachtmeting/", include("inzet.assessments.urls")),
    path("ondersteuning/", include("inzet.collaboration.urls")),
    path("bijeenkomsten/", include("inzet.events.urls")),
    path("", include("inzet.core.urls")),
]

handler403 = "inzet.core.views.error_403"
handler404 = "inzet.core.views.error_404"
handler500 = "inzet.core.views.error_500"

admin.site.site_header = f"{settings.SITE_NAME} — beheer"
