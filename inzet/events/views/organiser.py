"""Pages of the organising consultants: events and series, cancelling, attendees and check-in, outcome and ideas,
evaluations, statistics, invitations. Every event is fetched through `events_organised_by`: another support
point's event does not exist here (404)."""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from inzet.core.documents import XLSX_CONTENT_TYPE, file_response
from inzet.core.errors import ApplicationError
from inzet.core.forms import add_application_error
from inzet.core.pagination import paginate
from inzet.core.tenancy import get_for_user_or_404
from inzet.events import documents, selectors, services
from inzet.events.forms import (
    CancelEventForm,
    EventForm,
    IdeaForm,
    InvitationForm,
    OutcomeForm,
    PeriodForm,
    ProgrammeFormSet,
    QuestionFormSet,
    SeriesForm,
    SessionFormSet,
)
from inzet.events.models import Idea, Registration
from inzet.events.services import EVENT_FIELDS
from inzet.organisations.models import Organisation
from inzet.organisations.selectors import support_points_worked_for
from inzet.places.models import Municipality


def _require(request, permission: str, obj=None) -> None:
    if not request.user.has_perm(permission, obj):
        raise PermissionDenied


def _get_event(request, pk: int):
    event = get_for_user_or_404(selectors.events_organised_by(request.user), pk=pk)
    _require(request, "events.manage_event", event)
    return event


def _support_point(request):
    """The support point new events are for: the user's first (platform staff without one cannot create)."""
    support_point = support_points_worked_for(request.user).first()
    if support_point is None or not request.user.has_perm("events.organise_events", support_point):
        raise PermissionDenied
    return support_point


def _served_municipalities(support_point):
    return Municipality.objects.filter(support_points=support_point).order_by("name")


def _programme(formset) -> list[dict]:
    return [
        {"time": f.cleaned_data["time"], "title": f.cleaned_data["title"]}
        for f in formset.forms
        if f.cleaned_data and not f.cleaned_data.get("DELETE")
    ]


def _questions(formset) -> list[dict]:
    return [
        {key: f.cleaned_data.get(key) for key in ("id", "text", "kind", "required", "choices")}
        for f in formset.forms
        if f.cleaned_data and not f.cleaned_data.get("DELETE")
    ]


def _event_data(form) -> dict:
    data = {key: value for key, value in form.cleaned_data.items() if key in EVENT_FIELDS}
    data["basic_functions"] = list(data.get("basic_functions") or [])
    return data


@login_required
def manage(request):
    _require(request, "events.view_organiser_pages")
    page = paginate(request, selectors.events_organised_by(request.user))
    return render(request, "events/organiser/manage.html", {"page": page})


def _event_form_page(request, *, event=None):
    support_point = event.support_point if event else _support_point(request)
    initial = None
    if event is not None:
        initial = {field: getattr(event, field) for field in EVENT_FIELDS}
        initial["starts_at"] = timezone.localtime(event.starts_at)
        initial["ends_at"] = timezone.localtime(event.ends_at)
        for name in ("registration_opens_at", "registration_closes_at"):
            if initial[name]:
                initial[name] = timezone.localtime(initial[name])
        initial["municipalities"] = list(event.municipalities.all())
    form = EventForm(
        request.POST or None, initial=initial, municipalities=_served_municipalities(support_point)
    )
    programme = ProgrammeFormSet(
        request.POST or None,
        prefix="programme",
        initial=[{"time": i.time, "title": i.title} for i in event.programme.all()] if event else None,
    )
    questions = QuestionFormSet(
        request.POST or None,
        prefix="questions",
        initial=[
            {
                "id": q.pk,
                "text": q.text,
                "kind": q.kind,
                "required": q.required,
                "choices": "\n".join(q.choices),
            }
            for q in event.questions.all()
        ]
        if event
        else None,
    )
    if request.method == "POST" and form.is_valid() and programme.is_valid() and questions.is_valid():
        arguments = {
            "actor": request.user,
            "municipalities": list(form.cleaned_data["municipalities"]),
            "programme": _programme(programme),
            "questions": _questions(questions),
            **_event_data(form),
        }
        try:
            if event is None:
                event = services.event_create(support_point=support_point, **arguments)
            else:
                event = services.event_update(event=event, **arguments)
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            messages.success(request, _("De bijeenkomst is opgeslagen."))
            return redirect(event)
    return render(
        request,
        "events/organiser/form.html",
        {"form": form, "programme": programme, "questions": questions, "event": event},
    )


@login_required
def event_create(request):
    _require(request, "events.view_organiser_pages")
    return _event_form_page(request)


@login_required
def event_edit(request, pk: int):
    return _event_form_page(request, event=_get_event(request, pk))


@login_required
def series_create(request):
    _require(request, "events.view_organiser_pages")
    support_point = _support_point(request)
    form = SeriesForm(request.POST or None, municipalities=_served_municipalities(support_point))
    sessions = SessionFormSet(request.POST or None, prefix="sessions")
    if request.method == "POST" and form.is_valid() and sessions.is_valid():
        data = _event_data(form)
        title = data.pop("title")
        try:
            series = services.series_create(
                actor=request.user,
                support_point=support_point,
                title=title,
                municipalities=list(form.cleaned_data["municipalities"]),
                sessions=[s.cleaned_data for s in sessions.forms if s.cleaned_data],
                **data,
            )
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            messages.success(request, _("De reeks is aangemaakt."))
            return redirect("events:series", pk=series.pk)
    return render(request, "events/organiser/series_form.html", {"form": form, "sessions": sessions})


@login_required
def event_cancel(request, pk: int):
    event = _get_event(request, pk)
    form = CancelEventForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.event_cancel(actor=request.user, event=event, reason=form.cleaned_data["reason"])
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            messages.success(
                request, _("De bijeenkomst is geannuleerd; alle aangemelde mensen krijgen bericht.")
            )
            return redirect(event)
    told = event.registrations.exclude(status=Registration.Status.CANCELLED).count()
    return render(request, "events/organiser/cancel.html", {"event": event, "form": form, "told": told})


@login_required
def attendees(request, pk: int):
    event = _get_event(request, pk)
    return render(
        request,
        "events/organiser/attendees.html",
        {
            "event": event,
            "registrations": selectors.attendees(event),
            "questions": list(event.questions.all()),
        },
    )


@login_required
def attendees_xlsx(request, pk: int):
    event = _get_event(request, pk)
    content = documents.registrations_xlsx(event, selectors.attendees(event))
    return file_response(content, filename=f"aanmeldingen-{event.pk}.xlsx", content_type=XLSX_CONTENT_TYPE)


@login_required
def checkin(request, pk: int):
    event = _get_event(request, pk)
    if request.method == "POST":
        registration = get_for_user_or_404(
            selectors.registrations_organised_by(request.user, event=event),
            pk=request.POST.get("registration"),
        )
        try:
            services.attendance_record(
                actor=request.user, registration=registration, attended=request.POST.get("attended") == "1"
            )
        except ApplicationError as error:
            messages.error(request, error.message)
        return redirect("events:checkin", pk=event.pk)
    confirmed = [r for r in selectors.attendees(event) if r.status == Registration.Status.CONFIRMED]
    return render(
        request,
        "events/organiser/checkin.html",
        {"event": event, "registrations": confirmed, "present": sum(r.attended for r in confirmed)},
    )


def _event_organisations(event):
    """Organisations registered for the event plus the approved ones its support point serves: whom an outcome
    can name."""
    registered = event.registrations.filter(organisation__isnull=False).values("organisation_id")
    served = Municipality.objects.filter(support_points=event.support_point_id).values("code")
    return Organisation.objects.filter(
        Q(pk__in=registered) | Q(municipality__in=served, status=Organisation.Status.APPROVED)
    ).order_by("name")


@login_required
def outcome(request, pk: int):
    event = _get_event(request, pk)
    organisations = _event_organisations(event)
    current = selectors.outcome_of(event)
    initial = (
        {"notes": current.notes, "organisations_present": list(current.organisations_present.all())}
        if current
        else {
            "organisations_present": list(
                organisations.filter(
                    event_registrations__event=event, event_registrations__attended=True
                ).distinct()
            )
        }
    )
    is_idea = request.method == "POST" and "add_idea" in request.POST
    outcome_form = OutcomeForm(
        request.POST if request.method == "POST" and not is_idea else None,
        initial=initial,
        organisations=organisations,
    )
    idea_form = IdeaForm(request.POST if is_idea else None, organisations=organisations, prefix="idea")
    form = idea_form if is_idea else outcome_form
    if request.method == "POST" and form.is_valid():
        try:
            if is_idea:
                services.idea_add(actor=request.user, event=event, **form.cleaned_data)
            else:
                services.outcome_save(actor=request.user, event=event, **form.cleaned_data)
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            messages.success(request, _("Opgeslagen."))
            return redirect("events:outcome", pk=event.pk)
    return render(
        request,
        "events/organiser/outcome.html",
        {"event": event, "form": outcome_form, "idea_form": idea_form, "outcome": current},
    )


@login_required
@require_POST
def idea_delete(request, idea_pk: int):
    idea = get_for_user_or_404(
        Idea.objects.filter(outcome__event__in=selectors.events_organised_by(request.user)).select_related(
            "outcome__event"
        ),
        pk=idea_pk,
    )
    _require(request, "events.manage_event", idea.outcome.event)
    services.idea_delete(actor=request.user, idea=idea)
    messages.success(request, _("Het idee is verwijderd."))
    return redirect("events:outcome", pk=idea.outcome.event_id)


@login_required
def evaluations(request, pk: int):
    event = _get_event(request, pk)
    rows = (
        selectors.registrations_organised_by(request.user, event=event)
        .filter(evaluation__isnull=False)
        .select_related("evaluation")
    )
    return render(
        request,
        "events/organiser/evaluations.html",
        {"event": event, "statistics": selectors.event_statistics(event), "registrations": rows},
    )


def _period(request) -> tuple[PeriodForm, object, object]:
    today = timezone.localdate()
    form = PeriodForm(
        request.GET or {"date_from": today - timedelta(days=365), "date_to": today + timedelta(days=90)}
    )
    if form.is_valid():
        return form, form.cleaned_data["date_from"], form.cleaned_data["date_to"]
    return form, today - timedelta(days=365), today + timedelta(days=90)


@login_required
def statistics(request):
    _require(request, "events.view_organiser_pages")
    form, date_from, date_to = _period(request)
    return render(
        request,
        "events/organiser/statistics.html",
        {
            "form": form,
            "totals": selectors.period_statistics(request.user, date_from=date_from, date_to=date_to),
            "rows": selectors.per_event_rows(request.user, date_from=date_from, date_to=date_to),
            "querystring": request.GET.urlencode(),
        },
    )


@login_required
def statistics_xlsx(request):
    _require(request, "events.view_organiser_pages")
    _form, date_from, date_to = _period(request)
    content = documents.statistics_xlsx(
        rows=selectors.per_event_rows(request.user, date_from=date_from, date_to=date_to),
        totals=selectors.period_statistics(request.user, date_from=date_from, date_to=date_to),
    )
    return file_response(
        content, filename=f"bijeenkomsten-{date_from}-{date_to}.xlsx", content_type=XLSX_CONTENT_TYPE
    )


@login_required
def invite(request, pk: int):
    event = _get_event(request, pk)
    organisations = selectors.organisations_to_invite(request.user)
    municipalities = Municipality.objects.filter(pk__in=organisations.values("municipality_id")).order_by(
        "name"
    )
    form = InvitationForm(
        request.POST or None,
        municipalities=municipalities,
        organisations=organisations,
        campaigns=selectors.invitation_campaigns(request.user, support_point=event.support_point),
    )
    if request.method == "POST" and form.is_valid():
        chosen = list(form.cleaned_data["organisations"])
        if form.cleaned_data.get("municipality"):
            chosen += list(
                selectors.organisations_to_invite(
                    request.user, municipality=form.cleaned_data["municipality"].pk
                )
            )
        campaign, theme = form.cleaned_data.get("campaign"), form.cleaned_data.get("theme")
        asking = []
        if campaign and theme:
            asking = list(selectors.organisations_asking_for_theme(campaign, theme_slug=theme.slug))
            if not asking:
                form.add_error(
                    "theme",
                    _("In ‘%(campaign)s’ vroeg geen organisatie om ondersteuning bij ‘%(theme)s’.")
                    % {"campaign": campaign.title, "theme": theme.name},
                )
        if form.is_valid():
            try:
                count = services.invitations_send(
                    actor=request.user, event=event, organisations=chosen + asking
                )
            except ApplicationError as error:
                add_application_error(form, error)
            else:
                messages.success(request, _("%(count)s organisaties uitgenodigd.") % {"count": count})
                return redirect(event)
    return render(request, "events/organiser/invite.html", {"event": event, "form": form})
