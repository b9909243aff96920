"""The vacaturebank for volunteers and the public: search, a vacancy, responding, the profile, suggestions and
one's own responses. Thin views: reads through selectors, search and matching; writes through services."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _

from inzet.core.errors import ApplicationError
from inzet.core.forms import add_application_error
from inzet.core.pagination import paginate
from inzet.core.tenancy import get_for_user_or_404
from inzet.places.selectors import Location, location_for_postcode
from inzet.vacancies import availability, matching, selectors, services
from inzet.vacancies.forms import ProfileForm, ResponseForm, SearchForm
from inzet.vacancies.models import Response
from inzet.vacancies.search import SUITABILITY_FLAGS, VacancyQuery, vacancy_search

DEFAULT_RADIUS_KM = 15


def _valid_part_of(form_class: type[forms.Form], data) -> forms.Form:
    """A search form bound to only the fields that are valid: nonsense in the URL is dropped, never an error."""
    form = form_class(data)
    if form.is_valid():
        return form
    valid = data.copy()
    for name in form.errors:
        valid.pop(name, None)
    form = form_class(valid)
    form.is_valid()
    return form


def _slots_in_words(mask: int) -> list[str]:
    return [str(availability.label(day, part)) for day, part in availability.slots(mask)]


def search(request):
    form = _valid_part_of(SearchForm, request.GET)
    data = form.cleaned_data
    profile = selectors.profile_of(request.user)
    postcode = (data.get("postcode") or "").strip()
    origin, radius, unknown_postcode, from_profile = None, None, "", False
    if postcode:
        try:
            origin = location_for_postcode(postcode)
        except ApplicationError:
            unknown_postcode = postcode
        else:
            radius = data.get("radius") or DEFAULT_RADIUS_KM
    elif profile is not None:
        origin = Location(profile.lat, profile.lon, profile.municipality, "postcode")
        radius = data.get("radius") or profile.max_distance_km
        from_profile = True
    query = VacancyQuery(
        text=(data.get("q") or "").strip(),
        origin=origin,
        radius_km=radius,
        sector_slugs=(data["sector"].slug,) if data.get("sector") else (),
        activity_type_slugs=(data["activity"].slug,) if data.get("activity") else (),
        availability=data.get("availability") or 0,
        max_hours=data.get("max_hours"),
        commitment=data.get("commitment") or "",
        sort=data.get("sort") or "relevance",
        **{flag: bool(data.get(flag)) for flag in SUITABILITY_FLAGS},
    )
    page = paginate(request, vacancy_search(query))
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
            "is_filtered": any(
                value not in ("", None) for key, value in request.GET.items() if key != "page"
            ),
        },
    )
    patch_vary_headers(response, ["HX-Request"])
    return response


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
