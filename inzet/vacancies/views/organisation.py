"""Pages of an organisation's coordinator: its vacancies, their responses and suggested volunteers."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from inzet.core.errors import ApplicationError
from inzet.core.forms import add_application_error
from inzet.core.pagination import paginate
from inzet.core.tenancy import get_for_user_or_404
from inzet.organisations.selectors import organisations_visible_to
from inzet.vacancies import nov, selectors, services
from inzet.vacancies.forms import ResponseMoveForm, VacancyForm
from inzet.vacancies.models import Response


def _require(request, permission: str, obj) -> None:
    if not request.user.has_perm(permission, obj):
        raise PermissionDenied


def _get_vacancy_for_user(request, pk: int):
    return get_for_user_or_404(selectors.vacancies_visible_to(request.user), pk=pk)


def _vacancy_data(form: VacancyForm) -> dict:
    data = dict(form.cleaned_data)
    data["activity_types"] = list(data.get("activity_types") or [])
    data["skills"] = list(data.get("skills") or [])
    return data


@login_required
def vacancy_list(request, org_pk: int):
    organisation = get_for_user_or_404(organisations_visible_to(request.user), pk=org_pk)
    _require(request, "organisations.change_organisation", organisation)
    page = paginate(request, selectors.vacancies_of_organisation(organisation))
    return render(request, "vacancies/organisation/list.html", {"organisation": organisation, "page": page})


@login_required
def vacancy_create(request, org_pk: int):
    organisation = get_for_user_or_404(organisations_visible_to(request.user), pk=org_pk)
    _require(request, "organisations.change_organisation", organisation)
    form = VacancyForm(
        request.POST or None,
        initial={
            "contact_name": request.user.name,
            "contact_email": request.user.email,
            "places": 1,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            vacancy = services.vacancy_create(
                actor=request.user, organisation=organisation, **_vacancy_data(form)
            )
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            messages.success(request, _("Concept opgeslagen. Dien de vacature in als ze klaar is."))
            return redirect("vacancies:edit", pk=vacancy.pk)
    return render(request, "vacancies/organisation/form.html", {"form": form, "organisation": organisation})


@login_required
def vacancy_edit(request, pk: int):
    vacancy = _get_vacancy_for_user(request, pk)
    _require(request, "vacancies.change_vacancy", vacancy)
    form = VacancyForm(request.POST or None, instance=vacancy)
    status_before = vacancy.status
    if request.method == "POST" and form.is_valid():
        try:
            vacancy = services.vacancy_update(actor=request.user, vacancy=vacancy, **_vacancy_data(form))
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            if status_before == vacancy.Status.PUBLISHED and vacancy.status == vacancy.Status.SUBMITTED:
                messages.warning(
                    request,
                    _(
                        "Opgeslagen. De vacature voldoet niet meer aan de NOV-criteria en gaat "
                        "terug naar de vrijwilligerscentrale."
                    ),
                )
            else:
                messages.success(request, _("De vacature is opgeslagen."))
            return redirect("vacancies:edit", pk=vacancy.pk)
    return render(
        request,
        "vacancies/organisation/form.html",
        {
            "form": form,
            "organisation": vacancy.organisation,
            "vacancy": vacancy,
            "criteria": nov.criteria(vacancy),
        },
    )


def _act(request, pk: int, permission: str, action, success: str):
    vacancy = _get_vacancy_for_user(request, pk)
    _require(request, permission, vacancy)
    try:
        action(actor=request.user, vacancy=vacancy)
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, success)
    return redirect("vacancies:edit", pk=vacancy.pk)


@login_required
@require_POST
def vacancy_submit(request, pk: int):
    return _act(
        request,
        pk,
        "vacancies.change_vacancy",
        services.vacancy_submit,
        _("Ingediend. De vrijwilligerscentrale toetst de vacature aan de NOV-criteria."),
    )


@login_required
@require_POST
def vacancy_renew(request, pk: int):
    return _act(
        request,
        pk,
        "vacancies.change_vacancy",
        services.vacancy_renew,
        _("Verlengd: de vacature staat weer drie maanden in de vacaturebank."),
    )


@login_required
def vacancy_close(request, pk: int):
    vacancy = _get_vacancy_for_user(request, pk)
    _require(request, "vacancies.change_vacancy", vacancy)
    if request.method == "POST":
        return _act(
            request,
            pk,
            "vacancies.change_vacancy",
            services.vacancy_close,
            _("De vacature is gesloten en staat niet meer in de vacaturebank."),
        )
    return render(request, "vacancies/organisation/close.html", {"vacancy": vacancy})


@login_required
def responses(request, pk: int):
    vacancy = _get_vacancy_for_user(request, pk)
    _require(request, "vacancies.change_vacancy", vacancy)
    return render(
        request,
        "vacancies/organisation/responses.html",
        {
            "vacancy": vacancy,
            "responses": selectors.responses_for_vacancy(vacancy),
            "mediations": vacancy.mediations.select_related("volunteer"),
        },
    )


@login_required
def response_detail(request, pk: int):
    response = get_for_user_or_404(selectors.responses_visible_to(request.user), pk=pk)
    can_handle = request.user.has_perm("vacancies.handle_response", response)
    if not (can_handle or request.user.has_perm("vacancies.view_response", response)) or (
        response.volunteer_id == request.user.pk and not can_handle
    ):
        # The volunteer follows their own response on "Mijn reacties"; this page is the organisation's.
        raise PermissionDenied
    form = ResponseMoveForm(request.POST or None)
    if request.method == "POST":
        if not can_handle:
            raise PermissionDenied
        if form.is_valid():
            try:
                services.response_move(actor=request.user, response=response, **form.cleaned_data)
            except ApplicationError as error:
                add_application_error(form, error)
            else:
                messages.success(request, _("Bijgewerkt; de vrijwilliger krijgt hiervan bericht."))
                return redirect("vacancies:responses", pk=response.vacancy_id)
    profile = selectors.profile_of(response.volunteer)
    return render(
        request,
        "vacancies/organisation/response.html",
        {
            "response": response,
            "vacancy": response.vacancy,
            "form": form,
            "can_handle": can_handle,
            "profile": profile,
            "is_open": response.status in Response.OPEN_STATUSES,
        },
    )


@login_required
def candidates(request, pk: int):
    """Volunteers who asked to be mediated and fit this vacancy, best first, with the reasons.

    They stay anonymous to the organisation (first name, municipality, reasons) until they respond themselves.
    """
    from inzet.vacancies.matching import suggested_volunteers

    vacancy = _get_vacancy_for_user(request, pk)
    _require(request, "vacancies.change_vacancy", vacancy)
    matches = suggested_volunteers(vacancy=vacancy, limit=20) if vacancy.is_open else []
    return render(request, "vacancies/organisation/candidates.html", {"vacancy": vacancy, "matches": matches})


@login_required
@require_POST
def candidate_invite(request, pk: int, profile_pk: int):
    from inzet.vacancies.models import VolunteerProfile

    vacancy = _get_vacancy_for_user(request, pk)
    _require(request, "vacancies.change_vacancy", vacancy)
    profile = get_for_user_or_404(VolunteerProfile.objects.filter(allows_mediation=True), pk=profile_pk)
    try:
        services.candidate_invite(actor=request.user, vacancy=vacancy, profile=profile)
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request, _("Uitnodiging verstuurd. Reageert de vrijwilliger, dan zie je dat bij de reacties.")
        )
    return redirect("vacancies:candidates", pk=vacancy.pk)
