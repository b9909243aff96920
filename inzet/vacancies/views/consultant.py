"""Pages of a support point's consultant: vacancy review (NOV), mediation, unanswered responses, placements, figures."""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from inzet.core import audit
from inzet.core.errors import ApplicationError
from inzet.core.exports import csv_response
from inzet.core.forms import add_application_error
from inzet.core.pagination import paginate
from inzet.core.tenancy import get_for_user_or_404
from inzet.vacancies import nov, selectors, services
from inzet.vacancies.forms import (
    MediationForm,
    PeriodForm,
    PlacementEndForm,
    PlacementForm,
    ReturnForm,
    ReviewForm,
)


def _require_support_point_staff(request) -> None:
    if not request.user.has_perm("vacancies.view_support_point_work", None):
        raise PermissionDenied


@login_required
def review_queue(request):
    _require_support_point_staff(request)
    page = paginate(request, selectors.vacancy_review_queue_for(request.user))
    return render(request, "vacancies/consultant/review_queue.html", {"page": page})


@login_required
def review(request, pk: int):
    vacancy = get_for_user_or_404(selectors.vacancies_visible_to(request.user), pk=pk)
    if not request.user.has_perm("vacancies.review_vacancy", vacancy):
        raise PermissionDenied
    decision = request.POST.get("decision")
    review_form = ReviewForm(request.POST if decision == "publish" else None, vacancy=vacancy)
    return_form = ReturnForm(request.POST if decision == "return" else None)
    if request.method == "POST":
        try:
            if decision == "publish" and review_form.is_valid():
                services.vacancy_publish(
                    actor=request.user, vacancy=vacancy, confirmed=review_form.cleaned_data["confirmed"]
                )
                messages.success(
                    request,
                    _("Gepubliceerd: ‘%(title)s’ staat in de vacaturebank.") % {"title": vacancy.title},
                )
                return redirect("vacancies:review_queue")
            if decision == "return" and return_form.is_valid():
                services.vacancy_return(
                    actor=request.user, vacancy=vacancy, reason=return_form.cleaned_data["reason"]
                )
                messages.success(
                    request, _("Teruggestuurd; de organisatie krijgt je toelichting per e-mail.")
                )
                return redirect("vacancies:review_queue")
        except ApplicationError as error:
            target = review_form if decision == "publish" else return_form
            if error.fields:
                add_application_error(target, error)
            else:
                messages.error(request, error.message)
                return redirect("vacancies:review", pk=vacancy.pk)
    return render(
        request,
        "vacancies/consultant/review.html",
        {
            "vacancy": vacancy,
            "criteria": nov.criteria(vacancy),
            "review_form": review_form,
            "return_form": return_form,
            "history": audit.entries_for(vacancy)[:20],
        },
    )


@login_required
def mediation_candidates(request):
    _require_support_point_staff(request)
    page = paginate(request, selectors.mediation_candidates_for(request.user))
    return render(
        request,
        "vacancies/consultant/mediation.html",
        {
            "page": page,
            "mediations": selectors.mediations_for(request.user)[:20],
        },
    )


@login_required
def mediation_propose(request, profile_pk: int):
    from inzet.vacancies.matching import suggested_vacancies

    _require_support_point_staff(request)
    profile = get_for_user_or_404(selectors.mediation_candidates_for(request.user), pk=profile_pk)
    matches = suggested_vacancies(profile=profile, limit=20)
    vacancies = selectors.open_vacancies()
    if not request.user.is_staff:
        from inzet.accounts.selectors import municipality_ids_served_by

        vacancies = vacancies.filter(organisation__municipality__in=municipality_ids_served_by(request.user))
    form = MediationForm(
        request.POST or None,
        vacancies=vacancies.select_related("organisation"),
        initial={"vacancy": request.GET.get("vacancy")},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.mediation_propose(consultant=request.user, profile=profile, **form.cleaned_data)
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            messages.success(request, _("Voorgesteld; de vrijwilliger en de organisatie krijgen bericht."))
            return redirect("vacancies:mediation")
    return render(
        request,
        "vacancies/consultant/mediation_propose.html",
        {
            "profile": profile,
            "matches": matches,
            "form": form,
        },
    )


@login_required
def mediation_place(request, pk: int):
    """The mediation succeeded: register the placement it led to."""
    _require_support_point_staff(request)
    mediation = get_for_user_or_404(selectors.mediations_for(request.user), pk=pk)
    form = PlacementForm(
        request.POST or None,
        initial={
            "start_date": timezone.localdate(),
            "hours_per_week": mediation.vacancy.hours_per_week,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.placement_register(
                actor=request.user,
                vacancy=mediation.vacancy,
                volunteer=mediation.volunteer,
                mediation=mediation,
                **form.cleaned_data,
            )
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            messages.success(request, _("De plaatsing is geregistreerd."))
            return redirect("vacancies:placements")
    return render(
        request, "vacancies/consultant/mediation_place.html", {"mediation": mediation, "form": form}
    )


@login_required
def unanswered(request):
    _require_support_point_staff(request)
    page = paginate(request, selectors.unanswered_responses_for(request.user))
    return render(request, "vacancies/consultant/unanswered.html", {"page": page})


@login_required
def placements(request):
    _require_support_point_staff(request)
    page = paginate(request, selectors.placements_for(request.user))
    return render(request, "vacancies/consultant/placements.html", {"page": page})


@login_required
def placement_end(request, pk: int):
    placement = get_for_user_or_404(selectors.placements_visible_to(request.user), pk=pk)
    if not request.user.has_perm("vacancies.register_placement", placement.vacancy):
        raise PermissionDenied
    form = PlacementEndForm(request.POST or None, initial={"end_date": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            services.placement_end(actor=request.user, placement=placement, **form.cleaned_data)
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            messages.success(request, _("De plaatsing is beëindigd."))
            return redirect("vacancies:placements")
    return render(request, "vacancies/consultant/placement_end.html", {"placement": placement, "form": form})


CSV_TABLES = ("organisaties", "gemeenten", "maanden")


@login_required
def statistics(request):
    """Responses, mediations and placements per month, per municipality and per organisation over a period;
    each table also as CSV (``?format=csv&tabel=organisaties|gemeenten|maanden``)."""
    _require_support_point_staff(request)
    today = timezone.localdate()
    default_start = (today - timedelta(days=365)).replace(day=1)
    form = PeriodForm(request.GET or None, initial={"start": default_start, "end": today})
    if form.is_bound and form.is_valid():
        start, end = form.cleaned_data["start"], form.cleaned_data["end"]
    else:
        start, end = default_start, today
    report = selectors.activity_report(request.user, start=start, end=end)
    if request.GET.get("format") == "csv":
        return _statistics_csv(report, request.GET.get("tabel"))
    return render(
        request,
        "vacancies/consultant/statistics.html",
        {"form": form, "report": report, "csv_tables": CSV_TABLES},
    )


def _statistics_csv(report, table: str | None):
    counted = [_("Reacties"), _("Bemiddelingen"), _("Plaatsingen gestart"), _("Plaatsingen beëindigd")]

    def numbers(counts):
        return [getattr(counts, name) for name in selectors.COUNTED]

    if table == "maanden":
        header = [_("Maand"), *counted]
        rows = [[month.strftime("%Y-%m"), *numbers(counts)] for month, counts in report.months]
    elif table == "gemeenten":
        header = [_("Gemeente"), *counted]
        rows = [[row.name, *numbers(row.counts)] for row in report.municipalities]
    else:
        table = "organisaties"
        header = [_("Gemeente"), _("Organisatie"), *counted]
        rows = [
            [municipality.name, organisation.name, *numbers(organisation.counts)]
            for municipality in report.municipalities
            for organisation in municipality.organisations
        ]
    rows.append([_("Totaal"), *([""] if table == "organisaties" else []), *numbers(report.total)])
    return csv_response(
        filename=f"inzet-vacaturebank-{table}-{report.start}-{report.end}.csv", header=header, rows=rows
    )
