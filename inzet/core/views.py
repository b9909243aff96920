from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from inzet.accounts.selectors import roles_for_user
from inzet.organisations import selectors as organisation_selectors
from inzet.organisations.models import Organisation


def home(request):
    return render(
        request,
        "core/home.html",
        {
            "organisation_count": Organisation.objects.filter(status=Organisation.Status.APPROVED).count(),
            "sectors": organisation_selectors.sector_list(),
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
