"""The vacaturebank for volunteers and the public: search, a vacancy, responding, the profile, suggestions and
one's own responses. Thin views: reads through selectors, search and matching; writes through services."""

from dataclasses import replace

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _

from inzet.core.errors import ApplicationError
from inzet.core.forms import add_application_error
from inzet.core.pagination import paginate
from inzet.core.tenancy import get_for_user_or_404
from inzet.vacancies import availability, matching, selectors, services
from inzet.vacancies.forms import ProfileForm, ResponseForm, SearchForm
from inzet.vacancies.models import Response
from inzet.vacancies.search import SUITABILITY_FLAGS, VacancyQuery, vacancy_search


def _slots_in_words(mask: int) -> list[str]:
    return [str(availability.label(day, part)) for day, part in availability.slots(mask)]


def search(request):
    form, dropped = SearchForm.lenient(request.GET)
    profile = selectors.profile_of(request.user)
    request_ = form.search_request(profile=profile)
    query, origin, radius = request_.query, request_.query.origin, request_.query.radius_km
    unknown_postcode, from_profile = request_.unknown_postcode, request_.from_profile
    data = form.cleaned_data
    results = vacancy_search(query)
    page = paginate(request, results)
    htmx = bool(request.headers.get("HX-Request"))
    response = render(
        request,
        "vacancies/volunteer/search.html#results" if htmx else "vacancies/volunteer/search.html",
        {
            "form": form,
            "page": page,
            "origin": origin,
            "radius": radius,
            # Remote work is not bound to a place: search.py then ignores the radius (distances still shown).
            "radius_applies": not data.get("remote_possible"),
            "from_profile": from_profile,
            "profile": profile,
            "unknown_postcode": unknown_postcode,
            "radius_without_postcode": bool(request.GET.get("radius")) and origin is None,
            "results": results,
            "corrected_url": _search_url(request, q=results.text.corrected_text)
            if results.text is not None and results.text.corrections
            else "",
            "suggestions": _suggestions(request, query, results) if not page.object_list else [],
            "is_filtered": any(
                value not in ("", None) for key, value in request.GET.items() if key != "page"
            ),
        },
    )
    patch_vary_headers(response, ["HX-Request"])
    return response


def _search_url(request, **changes) -> str:
    """The search page with these parameters changed (None drops one), from page 1."""
    params = request.GET.copy()
    params.pop("page", None)
    for name, value in changes.items():
        params.pop(name, None)
        if value not in (None, ""):
            params[name] = value
    return f"{reverse('vacancies:search')}?{params.urlencode()}" if params else reverse("vacancies:search")


FILTER_PARAMS = ("sector", "activity", "availability", "max_hours", "commitment", *SUITABILITY_FLAGS)
MAX_SUGGESTIONS = 4


def _suggestions(request, query: VacancyQuery, results) -> list[dict]:
    """For a search without results: other searches that do give results (each one counted), the closest
    first: without the filters, farther away, each word alone, the largest sectors nearby."""
    candidates = []
    without_filters = {name: None for name in FILTER_PARAMS}
    if any(request.GET.get(name) for name in FILTER_PARAMS):
        plain = replace(
            query,
            sector_slugs=(),
            activity_type_slugs=(),
            availability=0,
            max_hours=None,
            commitment="",
            **dict.fromkeys(SUITABILITY_FLAGS, False),
        )
        candidates.append((_("Zonder filters"), plain, without_filters))
    if query.origin is not None and query.radius_km is not None and query.radius_km < 50:
        candidates.append((_("Binnen 50 km"), replace(query, radius_km=50), {"radius": "50"}))
    if query.origin is not None:
        candidates.append(
            (
                _("In heel Nederland"),
                replace(query, origin=None, radius_km=None),
                {"postcode": None, "radius": None},
            )
        )
    if results.text is not None and len(results.text.found) > 1:
        for word in results.text.found:
            text = word.corrected or word.typed
            candidates.append(
                (_("Alleen ‘%(word)s’") % {"word": text}, replace(query, text=text), {"q": text})
            )
    for sector in selectors.vacancybank_figures().popular_sectors[:3]:
        candidates.append(
            (
                sector.label,
                replace(query, text="", sector_slugs=(sector.slug,)),
                {**without_filters, "q": None, "sector": sector.slug},
            )
        )
    suggestions, seen = [], set()
    for label, alternative, changes in candidates:
        if len(suggestions) == MAX_SUGGESTIONS or alternative in seen:
            continue
        seen.add(alternative)
        found = vacancy_search(alternative)
        if found.count():
            suggestions.append(
                {
                    "label": label,
                    "url": _search_url(request, **changes),
                    "count": found.count(),
                    "capped": found.count_capped,
                    "limit": found.count_limit,
                }
            )
    return suggestions


def detail(request, pk: int):
    vacancy = get_for_user_or_404(selectors.vacancies_visible_to(request.user), pk=pk)
    profile = selectors.profile_of(request.user)
    own_response = (
        selectors.responses_of_volunteer(request.user).filter(vacancy=vacancy).first()
        if request.user.is_authenticated
        else None
    )
    return render(
        request,
        "vacancies/volunteer/detail.html",
        {
            "vacancy": vacancy,
            "when": _slots_in_words(vacancy.availability),
            "activity_types": vacancy.activity_types.all(),
            "skills": vacancy.skills.all(),
            "match": matching.explain(profile, vacancy) if profile is not None else None,
            "own_response": own_response,
            "can_change": request.user.has_perm("vacancies.change_vacancy", vacancy),
        },
    )


@login_required
def respond(request, pk: int):
    vacancy = get_for_user_or_404(selectors.vacancies_visible_to(request.user), pk=pk)
    form = ResponseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.response_create(
                volunteer=request.user, vacancy=vacancy, message=form.cleaned_data["message"]
            )
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            messages.success(
                request,
                _("Je reactie op ‘%(title)s’ is verstuurd naar %(organisation)s. Je hoort van hen.")
                % {"title": vacancy.title, "organisation": vacancy.organisation.name},
            )
            return redirect("vacancies:my_responses")
    return render(
        request,
        "vacancies/volunteer/respond.html",
        {
            "vacancy": vacancy,
            "form": form,
            "own_response": selectors.responses_of_volunteer(request.user).filter(vacancy=vacancy).first(),
        },
    )


@login_required
def profile(request):
    existing = selectors.profile_of(request.user)
    form = ProfileForm(request.POST or None, instance=existing)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            services.profile_save(
                user=request.user,
                postcode=data.pop("postcode"),
                sectors=data.pop("sectors"),
                activity_types=data.pop("activity_types"),
                skills=data.pop("skills"),
                **data,
            )
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            messages.success(
                request,
                _("Je profiel is opgeslagen. Hieronder staan vacatures die erbij passen.")
                if existing is None
                else _("Je profiel is bijgewerkt."),
            )
            return redirect("vacancies:suggestions" if existing is None else "vacancies:profile")
    return render(request, "vacancies/volunteer/profile.html", {"form": form, "is_new": existing is None})


@login_required
def suggestions(request):
    profile = selectors.profile_of(request.user)
    matches = matching.suggested_vacancies(profile=profile) if profile is not None else []
    return render(request, "vacancies/volunteer/suggestions.html", {"profile": profile, "matches": matches})


@login_required
def my_responses(request):
    page = paginate(request, selectors.responses_of_volunteer(request.user))
    return render(
        request,
        "vacancies/volunteer/my_responses.html",
        {"page": page, "open_statuses": [str(status) for status in Response.OPEN_STATUSES]},
    )


@login_required
def withdraw(request, pk: int):
    # Only one's own responses: the organisation may see a response, but never withdraw it.
    response = get_for_user_or_404(selectors.responses_of_volunteer(request.user), pk=pk)
    if request.method == "POST":
        try:
            services.response_withdraw(volunteer=request.user, response=response)
        except ApplicationError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                _("Je reactie op ‘%(title)s’ is ingetrokken. %(organisation)s krijgt daarvan bericht.")
                % {"title": response.vacancy.title, "organisation": response.vacancy.organisation.name},
            )
        return redirect("vacancies:my_responses")
    return render(
        request,
        "vacancies/volunteer/withdraw.html",
        {"response": response, "is_open": response.status in Response.OPEN_STATUSES},
    )
