from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from inzet.accounts.selectors import roles_for_user
from inzet.organisations import selectors as organisation_selectors
from inzet.places.selectors import Location
from inzet.vacancies import selectors as vacancy_selectors
from inzet.vacancies.forms import QuickSearchForm

HOME_VACANCIES = 6


def home(request):
    """Volunteers first: a search, the popular sectors, the newest vacancies (near the volunteer's own postcode
    when the profile has one); then the way in for organisations and for the municipality."""
    profile = vacancy_selectors.profile_of(request.user)
    near = Location(profile.lat, profile.lon, profile.municipality, "postcode") if profile else None
    newest = vacancy_selectors.newest_open_vacancies(
        near=near, radius_km=profile.max_distance_km if profile else None, limit=HOME_VACANCIES
    )
    nothing_near = near is not None and not newest
    if nothing_near:
        newest = vacancy_selectors.newest_open_vacancies(limit=HOME_VACANCIES)
    return render(
        request,
        "core/home.html",
        {
            "search_form": QuickSearchForm(),
            "figures": vacancy_selectors.vacancybank_figures(),
            "organisation_count": organisation_selectors.approved_organisation_count(),
            "newest": newest,
            "profile": profile,
            "is_near": near is not None and not nothing_near,
            "nothing_near": nothing_near,
        },
    )


def privacy(request):
    return render(
        request,
        "core/privacy.html",
        {
            "controller": {
                "name": settings.INZET_PRIVACY_CONTROLLER_NAME,
                "email": settings.INZET_PRIVACY_CONTROLLER_EMAIL,
                "address": settings.INZET_PRIVACY_CONTROLLER_ADDRESS,
            }
        },
    )


@login_required
def dashboard(request):
    roles = roles_for_user(request.user)
    context = {"roles": roles}
    if roles.is_consultant or roles.is_platform_staff:
        from inzet.vacancies import selectors as vacancy_selectors

        context["review_count"] = organisation_selectors.review_queue_for(request.user).count()
        context["vacancy_review_count"] = vacancy_selectors.vacancy_review_queue_for(request.user).count()
        context["unanswered_count"] = vacancy_selectors.unanswered_responses_for(request.user).count()
    return render(request, "core/dashboard.html", context)


def error_404(request, exception=None):
    return render(request, "404.html", status=404)


def error_403(request, exception=None):
    return render(request, "403.html", status=403)


def error_500(request):
    # Rendered without a request context: the request may be what broke.
    return render(None, "500.html", status=500)
