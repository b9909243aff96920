"""Events for everyone: the list, an event, calendars; registering, one's own registrations, cancelling,
evaluating and the certificate. Thin views: reads through selectors, writes through services."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from inzet.core.documents import PDF_CONTENT_TYPE, file_response
from inzet.core.errors import ApplicationError
from inzet.core.forms import add_application_error
from inzet.core.pagination import paginate
from inzet.core.tenancy import get_for_user_or_404
from inzet.events import documents, ical, selectors, services
from inzet.events.forms import EvaluationForm, EventFilterForm, RegistrationForm
from inzet.events.models import Registration
from inzet.places.models import Province


def _require(request, permission: str, obj=None) -> None:
    if not request.user.has_perm(permission, obj):
        raise PermissionDenied


def _get_event(request, pk: int):
    return get_for_user_or_404(selectors.events_visible_to(request.user), pk=pk)


def _get_own_registration(request, pk: int):
    return get_for_user_or_404(selectors.registrations_of(request.user), pk=pk)


def event_list(request):
    form = EventFilterForm(request.GET)
    data = form.cleaned_data if form.is_valid() else {}
    events = selectors.upcoming_events(
        kind=data.get("kind") or None,
        municipality=data.get("municipality"),
        province=data.get("province"),
        date_from=data.get("date_from"),
        date_to=data.get("date_to"),
        audience=data.get("audience") or None,
    )
    page = paginate(request, events)
    for event in page.object_list:
        event.places_left = selectors.places_left(event)
    querystring = urlencode({k: v for k, v in request.GET.items() if k != "page" and v})
    return render(
        request,
        "events/list.html",
        {
            "form": form,
            "page": page,
            "querystring": querystring,
            "provinces": Province.objects.all(),
        },
    )


def event_detail(request, pk: int):
    event = _get_event(request, pk)
    registration = selectors.registration_of_user_for(request.user, event)
    outcome = selectors.outcome_of(event)
    map_url = ""
    if event.address:
        query = urlencode({"query": ", ".join(p for p in (event.address, event.postcode, event.city) if p)})
        map_url = f"https://www.openstreetmap.org/search?{query}"
    return render(
        request,
        "events/detail.html",
        {
            "event": event,
            "places_left": selectors.places_left(event),
            "registration": registration,
            "registration_open": event.registration_open(),
            "outcome": outcome,
            "map_url": map_url,
            "can_manage": request.user.has_perm("events.manage_event", event),
            "show_online_link": request.user.has_perm("events.view_online_link", event),
            "series_events": selectors.series_events(event.series) if event.series_id else [],
        },
    )


def series_detail(request, pk: int):
    from inzet.events.models import EventSeries

    series = get_object_or_404(EventSeries.objects.select_related("support_point"), pk=pk)
    events = list(selectors.series_events(series))
    for event in events:
        event.places_left = selectors.places_left(event)
    return render(request, "events/series.html", {"series": series, "events": events})


def _ics_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=ical.CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def event_ics(request, pk: int):
    event = _get_event(request, pk)
    link = request.user.has_perm("events.view_online_link", event)
    return _ics_response(ical.event_ics(event, with_online_link=link), f"bijeenkomst-{event.pk}.ics")


def feed(request, province: str | None = None):
    """All upcoming events (cancelled ones too, so calendars drop them), or those of one province."""
    name = _("Bijeenkomsten")
    if province is not None:
        province_obj = get_object_or_404(Province, pk=province)
        name = f"{name} — {province_obj.name}"
    events = selectors.upcoming_events(province=province, include_cancelled=True).prefetch_related(
        "programme"
    )
    response = HttpResponse(ical.calendar_ics(events, name=name), content_type=ical.CONTENT_TYPE)
    response["Content-Disposition"] = 'inline; filename="bijeenkomsten.ics"'
    return response


@login_required
def register(request, pk: int):
    event = _get_event(request, pk)
    _require(request, "events.register", event)
    if selectors.registration_of_user_for(request.user, event) is not None:
        messages.info(request, _("Je bent al aangemeld voor deze bijeenkomst (of staat op de wachtlijst)."))
        return redirect(event)
    form = RegistrationForm(
        request.POST or None, event=event, organisations=selectors.organisations_of_member(request.user)
    )
    if request.method == "POST" and form.is_valid():
        try:
            registration = services.registration_create(
                actor=request.user,
                event=event,
                organisation=form.cleaned_data.get("organisation"),
                answers=form.answers(),
            )
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            if registration.status == Registration.Status.CONFIRMED:
                messages.success(request, _("Je bent aangemeld. De bevestiging staat in je e-mail."))
            else:
                messages.info(
                    request,
                    _("De bijeenkomst is vol. Je staat op de wachtlijst, op plaats %(position)s.")
                    % {"position": registration.position},
                )
            return redirect("events:my_registrations")
    return render(request, "events/register.html", {"event": event, "form": form})


@login_required
def my_registrations(request):
    page = paginate(request, selectors.registrations_of(request.user))
    now = timezone.now()
    for registration in page.object_list:
        registration.certificate = documents.certificate_available(registration)
        registration.upcoming = registration.event.starts_at > now
        registration.ended = registration.event.has_ended(now)
    return render(request, "events/my_registrations.html", {"page": page})


@login_required
def cancel_registration(request, pk: int):
    registration = _get_own_registration(request, pk)
    _require(request, "events.cancel_registration", registration)
    if request.method == "POST":
        try:
            services.registration_cancel(actor=request.user, registration=registration)
        except ApplicationError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Je bent afgemeld."))
        return redirect("events:my_registrations")
    return render(request, "events/cancel_registration.html", {"registration": registration})


def cancel_by_token(request, token: str):
    """The one-click link from an e-mail: a page with one button (mail scanners follow links, they don't POST)."""
    try:
        registration = services.registration_by_cancel_token(token)
    except ApplicationError as error:
        return render(request, "events/token_invalid.html", {"message": error.message}, status=400)
    if request.method == "POST":
        try:
            services.registration_cancel(actor=registration.person, registration=registration)
        except ApplicationError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Je bent afgemeld. Dank je wel dat je het liet weten."))
        return redirect(registration.event)
    return render(request, "events/cancel_registration.html", {"registration": registration, "token": token})


@login_required
def evaluate(request, pk: int):
    registration = _get_own_registration(request, pk)
    _require(request, "events.evaluate", registration)
    if hasattr(registration, "evaluation"):
        messages.info(request, _("Je hebt deze bijeenkomst al geëvalueerd. Dank je wel!"))
        return redirect("events:my_registrations")
    event = registration.event
    if not event.has_ended() or event.is_cancelled or registration.status != Registration.Status.CONFIRMED:
        # No form to fill in for nothing: say when (or why not), and write nothing, also on a POST.
        return render(request, "events/evaluate.html", {"registration": registration, "form": None})
    form = EvaluationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.evaluation_submit(actor=request.user, registration=registration, **form.cleaned_data)
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            messages.success(request, _("Dank je wel voor je evaluatie."))
            return redirect("events:my_registrations")
    return render(request, "events/evaluate.html", {"registration": registration, "form": form})


@login_required
def certificate(request, pk: int):
    registration = _get_own_registration(request, pk)
    _require(request, "events.view_certificate", registration)
    if not documents.certificate_available(registration):
        raise Http404
    return file_response(
        documents.certificate_pdf(registration),
        filename=f"bewijs-van-deelname-{registration.event.pk}.pdf",
        content_type=PDF_CONTENT_TYPE,
    )
