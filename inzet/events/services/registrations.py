"""Registrations: sign up (or join the waiting list), cancel, promotion from the waiting list, attendance, reminders.

Concurrency: every write that changes who holds a place locks the event row first (`SELECT ... FOR UPDATE`) and
counts inside the same transaction. Two app processes registering at once therefore queue on that lock: the
count they see is final, the waiting list is numbered in the order the lock was granted, and positions never
collide or leave gaps. (SQLite has no row locks; its IMMEDIATE transactions serialise writers instead.)
"""

from datetime import timedelta

from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import F, Max
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from inzet.accounts.models import Membership, User
from inzet.core import audit
from inzet.core.errors import ApplicationError, NotAllowed
from inzet.events.models import CANCEL_TOKEN_SALT, Event, Registration, RegistrationQuestion
from inzet.events.services._common import field_error, notify
from inzet.organisations.models import Organisation

REMIND_BEFORE = timedelta(days=2)


def _clean_answers(event: Event, answers: dict | None) -> dict:
    """Answers keyed `q<question id>`; required questions answered, choices from the list, yes/no as a bool."""
    answers = answers or {}
    cleaned = {}
    for question in event.questions.all():
        key = question.answer_key
        value = answers.get(key)
        if question.kind == RegistrationQuestion.Kind.YES_NO:
            if value in (None, ""):
                if question.required:
                    raise field_error(
                        key, _("Beantwoord de vraag ‘%(question)s’.") % {"question": question.text}
                    )
                continue
            cleaned[key] = value in (True, "yes", "true", "on", "1", 1)
            continue
        value = str(value).strip() if value is not None else ""
        if not value:
            if question.required:
                raise field_error(key, _("Beantwoord de vraag ‘%(question)s’.") % {"question": question.text})
            continue
        if question.kind == RegistrationQuestion.Kind.CHOICE and value not in question.choices:
            raise field_error(
                key, _("Kies een van de antwoorden bij ‘%(question)s’.") % {"question": question.text}
            )
        cleaned[key] = value[:2000]
    return cleaned


def _locked_event(event_id: int) -> Event:
    return Event.objects.select_for_update().get(pk=event_id)


def _close_gap(event: Event, position: int) -> None:
    """Everyone behind a place that came free on the waiting list moves up one."""
    event.registrations.filter(status=Registration.Status.WAITLISTED, position__gt=position).order_by(
        "position"
    ).update(position=F("position") - 1)


def promote_waitlist(event: Event) -> list[int]:
    """Fill free places from the front of the waiting list. Call with the event row locked."""
    promoted = []
    if event.is_cancelled or event.starts_at <= timezone.now():
        return promoted
    confirmed = event.registrations.filter(status=Registration.Status.CONFIRMED).count()
    while event.capacity is None or confirmed < event.capacity:
        first = (
            event.registrations.filter(status=Registration.Status.WAITLISTED)
            .select_for_update()
            .order_by("position", "pk")
            .first()
        )
        if first is None:
            break
        position = first.position or 0
        first.status, first.position, first.promoted_at = Registration.Status.CONFIRMED, None, timezone.now()
        first.save(update_fields=["status", "position", "promoted_at"])
        _close_gap(event, position)
        confirmed += 1
        promoted.append(first.pk)
        audit.log(None, "registration.promoted", first, {"event": event.pk})
        notify("registration_promoted", first.pk)
    return promoted


@transaction.atomic
def registration_create(
    *,
    actor: User,
    event: Event,
    organisation: Organisation | None = None,
    answers: dict | None = None,
) -> Registration:
    """Register the actor (on behalf of an organisation they belong to, if given): a place, or the waiting list."""
    if not actor.is_authenticated:
        raise NotAllowed(_("Log in om je aan te melden."))
    event = _locked_event(event.pk)
    now = timezone.now()
    if event.is_cancelled:
        raise ApplicationError(_("Deze bijeenkomst is geannuleerd; aanmelden kan niet meer."))
    if event.registration_opens_at and now < event.registration_opens_at:
        raise ApplicationError(
            _("Aanmelden kan vanaf %(when)s.")
            % {
                "when": formats.date_format(
                    timezone.localtime(event.registration_opens_at), "DATETIME_FORMAT"
                )
            }
        )
    if now >= event.closes_at:
        raise ApplicationError(_("Aanmelden voor deze bijeenkomst is gesloten."))
    if (
        organisation is not None
        and not Membership.objects.filter(user=actor, organisation=organisation).exists()
    ):
        raise field_error(
            "organisation", _("Je kunt je alleen aanmelden namens een organisatie waar je lid van bent.")
        )
    active = event.registrations.exclude(status=Registration.Status.CANCELLED)
    if active.filter(person=actor).exists():
        raise ApplicationError(_("Je bent al aangemeld voor deze bijeenkomst (of staat op de wachtlijst)."))
    if organisation is not None and event.limit_per_organisation:
        taken = active.filter(organisation=organisation).count()
        if taken >= event.limit_per_organisation:
            raise field_error(
                "organisation",
                _(
                    "Per organisatie kunnen %(limit)s mensen zich aanmelden; voor %(name)s is dat aantal bereikt."
                )
                % {"limit": event.limit_per_organisation, "name": organisation.name},
            )
    cleaned = _clean_answers(event, answers)
    confirmed = active.filter(status=Registration.Status.CONFIRMED).count()
    registration = Registration(event=event, person=actor, organisation=organisation, answers=cleaned)
    if event.capacity is None or confirmed < event.capacity:
        registration.status = Registration.Status.CONFIRMED
    else:
        last = active.filter(status=Registration.Status.WAITLISTED).aggregate(last=Max("position"))["last"]
        registration.status, registration.position = Registration.Status.WAITLISTED, (last or 0) + 1
    try:
        with transaction.atomic():
            registration.save()
    except (
        IntegrityError
    ):  # only reachable without the row lock, e.g. a second registration in a race on SQLite
        raise ApplicationError(
            _("Je bent al aangemeld voor deze bijeenkomst (of staat op de wachtlijst).")
        ) from None
    audit.log(actor, "registration.created", registration, {"status": registration.status})
    notify(
        "registration_confirmed"
        if registration.status == Registration.Status.CONFIRMED
        else "registration_waitlisted",
        registration.pk,
    )
    return registration


def registration_by_cancel_token(token: str) -> Registration:
    """The registration a one-click cancel link is for; a tampered or unknown token is refused with a message."""
    try:
        data = signing.Signer(salt=CANCEL_TOKEN_SALT).unsign_object(token)
        return Registration.objects.select_related("event", "person").get(pk=int(data["r"]))
    except (signing.BadSignature, KeyError, TypeError, ValueError, Registration.DoesNotExist):
        raise ApplicationError(
            _("Deze afmeldlink klopt niet (meer). Meld je af via ‘Mijn aanmeldingen’ nadat je bent ingelogd.")
        ) from None


@transaction.atomic
def registration_cancel(*, actor: User, registration: Registration) -> Registration:
    """Cancel a place or a place on the waiting list; a freed place goes to the first person waiting."""
    if not actor.has_perm("events.cancel_registration", registration):
        raise NotAllowed(_("Je mag deze aanmelding niet afmelden."))
    event = _locked_event(registration.event_id)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status == Registration.Status.CANCELLED:
        raise ApplicationError(_("Deze aanmelding is al afgemeld."))
    if event.starts_at <= timezone.now():
        raise ApplicationError(_("De bijeenkomst is al begonnen; afmelden kan niet meer."))
    was, position = registration.status, registration.position
    registration.status, registration.position = Registration.Status.CANCELLED, None
    registration.cancelled_at = timezone.now()
    registration.save(update_fields=["status", "position", "cancelled_at"])
    if was == Registration.Status.WAITLISTED and position:
        _close_gap(event, position)
    audit.log(actor, "registration.cancelled", registration, {"was": was})
    if was == Registration.Status.CONFIRMED:
        promote_waitlist(event)
    return registration


@transaction.atomic
def attendance_record(*, actor: User, registration: Registration, attended: bool = True) -> Registration:
    """Check someone in (or undo it) on the day. Only confirmed people can be present."""
    if not actor.has_perm("events.manage_event", registration.event):
        raise NotAllowed(_("Alleen de organisatoren houden de aanwezigheid bij."))
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    event = Event.objects.get(pk=registration.event_id)
    if event.is_cancelled:
        raise ApplicationError(_("Deze bijeenkomst is geannuleerd."))
    if registration.status != Registration.Status.CONFIRMED:
        raise ApplicationError(_("Alleen bevestigde aanmeldingen kunnen aanwezig zijn."))
    registration.attended = bool(attended)
    registration.checked_in_at = timezone.now() if attended else None
    registration.save(update_fields=["attended", "checked_in_at"])
    audit.log(actor, "registration.attendance", registration, {"attended": registration.attended})
    return registration


def reminders_send(*, now=None) -> int:
    """Ask for a reminder for every confirmed place at events starting within two days. Idempotent: the e-mail
    itself goes out once per registration (`send_once`), however often this runs."""
    now = now or timezone.now()
    from inzet.core.models import SentMail

    registration_ids = list(
        Registration.objects.filter(
            status=Registration.Status.CONFIRMED,
            event__status=Event.Status.PUBLISHED,
            event__starts_at__gt=now,
            event__starts_at__lte=now + REMIND_BEFORE,
        ).values_list("pk", flat=True)
    )
    # Skip what went out on an earlier run, so a cron job every hour does not queue hundreds of no-op tasks.
    keys = {f"event_reminder:{pk}": pk for pk in registration_ids}
    sent = set(SentMail.objects.filter(key__in=keys).values_list("key", flat=True))
    due = [pk for key, pk in keys.items() if key not in sent]
    for registration_id in due:
        notify("event_reminder", registration_id)
    return len(due)
