"""Events and series: create, edit, cancel, invite organisations."""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from inzet.accounts.models import User
from inzet.core import audit
from inzet.core.errors import ApplicationError, NotAllowed
from inzet.events.models import (
    BasicFunction,
    Event,
    EventSeries,
    ProgrammeItem,
    Registration,
    RegistrationQuestion,
)
from inzet.events.services._common import aware, field_error, notify, validated
from inzet.organisations.models import Organisation, SupportPoint
from inzet.places.models import Province
from inzet.places.postcodes import normalise_postcode

# What an organiser writes, in the order of the form (the form adds municipalities, programme and questions).
EVENT_FIELDS = (
    "kind",
    "title",
    "description",
    "starts_at",
    "ends_at",
    "venue_name",
    "address",
    "postcode",
    "city",
    "online_url",
    "province",
    "for_board_members",
    "for_volunteers",
    "for_consultants",
    "capacity",
    "registration_opens_at",
    "registration_closes_at",
    "limit_per_organisation",
    "basic_functions",
)
_DATETIME_FIELDS = ("starts_at", "ends_at", "registration_opens_at", "registration_closes_at")


def _apply_event_fields(event: Event, data: dict) -> None:
    unknown = set(data) - set(EVENT_FIELDS)
    if unknown:
        raise TypeError(f"unknown event fields: {sorted(unknown)}")
    for field in EVENT_FIELDS:
        if field in data:
            value = data[field]
            if isinstance(value, str):
                value = value.strip()
            if field in _DATETIME_FIELDS:
                value = aware(value)
            if field == "province" and isinstance(value, str):
                value = Province.objects.filter(pk=value).first() if value else None
                if value is None and data[field]:
                    raise field_error("province", _("Onbekende provincie."))
            setattr(event, field, value)
    if not event.starts_at:
        raise field_error("starts_at", _("Vul in wanneer de bijeenkomst begint."))
    if not event.ends_at:
        raise field_error("ends_at", _("Vul in wanneer de bijeenkomst eindigt."))
    if event.ends_at <= event.starts_at:
        raise field_error(
            "ends_at",
            _("Het einde ligt vóór het begin (of valt ermee samen). Kies een eindtijd na de begintijd."),
        )
    if event.capacity is not None and event.capacity < 0:
        raise field_error(
            "capacity", _("Het aantal plaatsen kan niet negatief zijn. Laat het leeg voor onbeperkt.")
        )
    opens, closes = event.registration_opens_at, event.registration_closes_at
    if opens and closes and closes <= opens:
        raise field_error("registration_closes_at", _("Aanmelden moet sluiten ná het moment dat het opent."))
    if closes and closes > event.ends_at:
        raise field_error(
            "registration_closes_at",
            _("Aanmelden kan niet langer openstaan dan tot het einde van de bijeenkomst."),
        )
    if opens and opens >= event.starts_at:
        raise field_error("registration_opens_at", _("Aanmelden moet openen vóór de bijeenkomst begint."))
    if not (event.address or event.venue_name) and not event.online_url:
        raise field_error("address", _("Vul een locatie met adres in, of een link voor online deelname."))
    if event.postcode:
        try:
            event.postcode = normalise_postcode(event.postcode)
        except ValidationError as error:
            raise field_error("postcode", error.messages[0]) from None
    functions = list(event.basic_functions or [])
    if any(value not in BasicFunction.values for value in functions):
        raise field_error("basic_functions", _("Kies basisfuncties uit de lijst."))
    event.basic_functions = [value for value in BasicFunction.values if value in functions]
    validated(event, exclude=["municipalities", "series", "created_by", "support_point"])


def _save_programme(event: Event, programme: Iterable[dict]) -> None:
    items = []
    for number, item in enumerate(programme, start=1):
        title = (item.get("title") or "").strip()
        if not item.get("time") or not title:
            raise field_error(
                "programme",
                _("Programmaonderdeel %(number)s: vul een tijd en een omschrijving in.") % {"number": number},
            )
        items.append(ProgrammeItem(event=event, time=item["time"], title=title[:200]))
    event.programme.all().delete()
    ProgrammeItem.objects.bulk_create(items)


def _choices(value) -> list[str]:
    if isinstance(value, str):
        value = value.splitlines()
    return [str(choice).strip() for choice in (value or []) if str(choice).strip()]


def _save_questions(event: Event, questions: Iterable[dict]) -> None:
    """Keep questions that come back with their id (their answers stay readable), add new ones, drop the rest."""
    existing = {question.pk: question for question in event.questions.all()}
    kept = []
    for position, data in enumerate(questions):
        text = (data.get("text") or "").strip()
        kind = data.get("kind") or RegistrationQuestion.Kind.TEXT
        choices = _choices(data.get("choices"))
        if not text:
            raise field_error("questions", _("Vraag %(number)s: vul de vraag in.") % {"number": position + 1})
        if kind not in RegistrationQuestion.Kind.values:
            raise field_error(
                "questions", _("Vraag %(number)s: kies een soort antwoord.") % {"number": position + 1}
            )
        if kind == RegistrationQuestion.Kind.CHOICE and len(choices) < 2:
            raise field_error(
                "questions",
                _("Vraag %(number)s: een keuzevraag heeft minstens twee keuzes, één per regel.")
                % {"number": position + 1},
            )
        question = existing.get(data.get("id")) or RegistrationQuestion(event=event)
        question.text, question.kind, question.position = text[:300], kind, position
        question.required = bool(data.get("required"))
        question.choices = choices if kind == RegistrationQuestion.Kind.CHOICE else []
        question.save()
        kept.append(question.pk)
    event.questions.exclude(pk__in=kept).delete()


@transaction.atomic
def event_create(
    *,
    actor: User,
    support_point: SupportPoint,
    municipalities: Iterable = (),
    programme: Iterable[dict] = (),
    questions: Iterable[dict] = (),
    series: EventSeries | None = None,
    **data,
) -> Event:
    if not actor.has_perm("events.organise_events", support_point):
        raise NotAllowed(_("Alleen medewerkers van het steunpunt organiseren bijeenkomsten."))
    event = Event(support_point=support_point, created_by=actor, series=series)
    _apply_event_fields(event, data)
    event.save()
    event.municipalities.set(municipalities)
    _save_programme(event, programme)
    _save_questions(event, questions)
    audit.log(actor, "event.created", event)
    return event


@transaction.atomic
def event_update(
    *,
    actor: User,
    event: Event,
    municipalities: Iterable | None = None,
    programme: Iterable[dict] | None = None,
    questions: Iterable[dict] | None = None,
    **data,
) -> Event:
    """Edit an event. Fewer places than confirmed people is refused; more places promote from the waiting list."""
    from inzet.events.services.registrations import promote_waitlist

    if not actor.has_perm("events.manage_event", event):
        raise NotAllowed(_("Je mag deze bijeenkomst niet wijzigen."))
    event = Event.objects.select_for_update().get(pk=event.pk)
    if event.is_cancelled:
        raise ApplicationError(_("Een geannuleerde bijeenkomst kan niet meer worden gewijzigd."))
    _apply_event_fields(event, data)
    confirmed = event.registrations.filter(status=Registration.Status.CONFIRMED).count()
    if event.capacity is not None and event.capacity < confirmed:
        raise field_error(
            "capacity",
            _(
                "Er zijn al %(count)s bevestigde aanmeldingen, dus het aantal plaatsen kan niet lager dan "
                "%(count)s. Meld eerst deelnemers af als er echt minder plaatsen zijn."
            )
            % {"count": confirmed},
        )
    event.save()
    if municipalities is not None:
        event.municipalities.set(municipalities)
    if programme is not None:
        _save_programme(event, programme)
    if questions is not None:
        _save_questions(event, questions)
    promoted = promote_waitlist(event)
    audit.log(actor, "event.updated", event, {"promoted": promoted} if promoted else None)
    return event


@transaction.atomic
def event_cancel(*, actor: User, event: Event, reason: str = "") -> Event:
    """Cancel an event; everyone registered or waiting is told. Their registrations are cancelled with it (kept,
    for the record), so lists and statistics no longer count them as coming or waiting."""
    if not actor.has_perm("events.manage_event", event):
        raise NotAllowed(_("Je mag deze bijeenkomst niet annuleren."))
    event = Event.objects.select_for_update().get(pk=event.pk)
    if event.is_cancelled:
        raise ApplicationError(_("Deze bijeenkomst is al geannuleerd."))
    if event.ends_at <= timezone.now():
        raise ApplicationError(_("Deze bijeenkomst is al voorbij en kan niet meer worden geannuleerd."))
    event.status = Event.Status.CANCELLED
    event.cancelled_at = timezone.now()
    event.cancel_reason = (reason or "").strip()[:2000]
    event.save()
    active = list(
        event.registrations.exclude(status=Registration.Status.CANCELLED).values_list("pk", flat=True)
    )
    # One UPDATE, not registration_cancel(): nobody is promoted from a waiting list of an event that is off.
    Registration.objects.filter(pk__in=active).update(
        status=Registration.Status.CANCELLED, position=None, cancelled_at=event.cancelled_at
    )
    for registration_id in active:
        notify("event_cancelled", registration_id)
    audit.log(actor, "event.cancelled", event, {"reason": event.cancel_reason, "told": len(active)})
    return event


@transaction.atomic
def series_create(
    *,
    actor: User,
    support_point: SupportPoint,
    title: str,
    sessions: list[dict],
    description: str = "",
    municipalities: Iterable = (),
    programme: Iterable[dict] = (),
    questions: Iterable[dict] = (),
    **shared,
) -> EventSeries:
    """A series (e.g. three Open Club sessions in a region) at once: every session gets the shared fields, each
    session dict its own times and place (and optionally its own title). One bad session: nothing is created."""
    if not actor.has_perm("events.organise_events", support_point):
        raise NotAllowed(_("Alleen medewerkers van het steunpunt organiseren bijeenkomsten."))
    title = (title or "").strip()
    if not title:
        raise field_error("title", _("Geef de reeks een titel."))
    if not sessions:
        raise field_error("sessions", _("Een reeks heeft minstens één sessie."))
    series = EventSeries.objects.create(
        title=title[:150],
        description=(description or "").strip(),
        support_point=support_point,
        created_by=actor,
    )
    municipalities, programme, questions = list(municipalities), list(programme), list(questions)
    for number, session in enumerate(sessions, start=1):
        data = {
            "description": description,
            **shared,
            **session,
            "title": session.get("title") or f"{title} ({number}/{len(sessions)})",
        }
        try:
            event_create(
                actor=actor,
                support_point=support_point,
                series=series,
                municipalities=municipalities,
                programme=programme,
                questions=questions,
                **data,
            )
        except ApplicationError as error:
            message = _("Sessie %(number)s: %(message)s") % {"number": number, "message": error.message}
            raise ApplicationError(message, {"fields": error.fields, "session": number}) from None
    audit.log(actor, "event_series.created", series, {"sessions": len(sessions)})
    return series


@transaction.atomic
def invitations_send(*, actor: User, event: Event, organisations: Iterable[Organisation]) -> int:
    """Invite organisations by e-mail (their contact address and coordinators). Each is invited once per event."""
    if not actor.has_perm("events.manage_event", event):
        raise NotAllowed(_("Je mag voor deze bijeenkomst niemand uitnodigen."))
    if event.is_cancelled or not event.registration_open():
        raise ApplicationError(_("Uitnodigen kan alleen zolang aanmelden voor deze bijeenkomst openstaat."))
    organisation_ids = sorted({organisation.pk for organisation in organisations})
    if not organisation_ids:
        raise field_error("organisations", _("Kies minstens één organisatie om uit te nodigen."))
    for organisation_id in organisation_ids:
        notify("event_invitation", event.pk, organisation_id=organisation_id)
    audit.log(actor, "event.invitations_sent", event, {"organisations": organisation_ids})
    return len(organisation_ids)
