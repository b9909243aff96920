"""After the meeting: the outcome (notes, organisations present), ideas and shared ambitions, evaluations."""

from collections.abc import Iterable
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from inzet.accounts.models import User
from inzet.core import audit
from inzet.core.errors import ApplicationError, NotAllowed
from inzet.events.models import Evaluation, Event, Idea, Outcome, Registration
from inzet.events.services._common import field_error, notify
from inzet.organisations.models import Organisation

# Evaluation requests go to events that ended within this window, so a late cron run still catches them.
EVALUATION_WINDOW = timedelta(days=7)


def _check_can_record(actor: User, event: Event) -> None:
    if not actor.has_perm("events.manage_event", event):
        raise NotAllowed(_("Alleen de organisatoren leggen de opbrengst vast."))
    if event.is_cancelled:
        raise ApplicationError(_("Deze bijeenkomst is geannuleerd; er is geen opbrengst vast te leggen."))
    if event.starts_at > timezone.now():
        raise ApplicationError(_("De opbrengst leg je vast als de bijeenkomst begonnen is."))
    # Two organisers saving the first outcome or idea at once: the second waits for the first's outcome row.
    Event.objects.select_for_update().filter(pk=event.pk).exists()


@transaction.atomic
def outcome_save(
    *, actor: User, event: Event, notes: str = "", organisations_present: Iterable[Organisation] = ()
) -> Outcome:
    _check_can_record(actor, event)
    outcome, _created = Outcome.objects.select_for_update().get_or_create(
        event=event, defaults={"recorded_by": actor}
    )
    outcome.notes = (notes or "").strip()[:10000]
    outcome.recorded_by = actor
    outcome.save()
    outcome.organisations_present.set(organisations_present)
    audit.log(actor, "event.outcome_saved", event, {"organisations": outcome.organisations_present.count()})
    return outcome


@transaction.atomic
def idea_add(
    *,
    actor: User,
    event: Event,
    title: str,
    description: str = "",
    organisations: Iterable[Organisation] = (),
) -> Idea:
    _check_can_record(actor, event)
    title = (title or "").strip()
    if not title:
        raise field_error("title", _("Geef het idee of de ambitie een korte titel."))
    outcome, _created = Outcome.objects.get_or_create(event=event, defaults={"recorded_by": actor})
    idea = Idea.objects.create(
        outcome=outcome, title=title[:200], description=(description or "").strip()[:3000]
    )
    idea.organisations.set(organisations)
    audit.log(actor, "event.idea_added", event, {"idea": idea.pk, "title": idea.title})
    return idea


@transaction.atomic
def idea_delete(*, actor: User, idea: Idea) -> None:
    event = idea.outcome.event
    if not actor.has_perm("events.manage_event", event):
        raise NotAllowed(_("Alleen de organisatoren leggen de opbrengst vast."))
    audit.log(actor, "event.idea_deleted", event, {"idea": idea.pk, "title": idea.title})
    idea.delete()


@transaction.atomic
def evaluation_submit(
    *, actor: User, registration: Registration, rating: int, useful: str = "", next_step: str = ""
) -> Evaluation:
    if not actor.has_perm("events.evaluate", registration):
        raise NotAllowed(_("Alleen wie aangemeld was, vult de evaluatie in."))
    registration = Registration.objects.select_related("event").get(pk=registration.pk)
    event = registration.event
    if registration.status != Registration.Status.CONFIRMED or event.is_cancelled:
        raise ApplicationError(_("Alleen deelnemers van een bijeenkomst die doorging kunnen die evalueren."))
    if not event.has_ended():
        raise ApplicationError(_("Je kunt de bijeenkomst evalueren als die afgelopen is."))
    try:
        rating = int(rating)
    except (TypeError, ValueError):
        rating = 0
    if not 1 <= rating <= 10:
        raise field_error("rating", _("Geef een cijfer van 1 tot en met 10."))
    try:
        with transaction.atomic():
            evaluation = Evaluation.objects.create(
                registration=registration,
                rating=rating,
                useful=(useful or "").strip()[:3000],
                next_step=(next_step or "").strip()[:3000],
            )
    except IntegrityError:
        raise ApplicationError(_("Je hebt deze bijeenkomst al geëvalueerd. Dank je wel!")) from None
    audit.log(actor, "event.evaluated", event, {"registration": registration.pk})
    return evaluation


def evaluation_requests_send(*, now=None) -> int:
    """Ask everyone who was there (or, if no attendance was taken, everyone confirmed) for an evaluation.
    Idempotent: each registration is asked once (`send_once`)."""
    from inzet.core.models import SentMail

    now = now or timezone.now()
    registrations = Registration.objects.filter(
        status=Registration.Status.CONFIRMED,
        event__status=Event.Status.PUBLISHED,
        event__ends_at__lte=now,
        event__ends_at__gt=now - EVALUATION_WINDOW,
        evaluation__isnull=True,
    ).values_list("pk", "attended", "event_id")
    rows = list(registrations)
    # Whether attendance was taken is a fact of the event, not of the rows still waiting for an evaluation.
    events_with_attendance = set(
        Registration.objects.filter(
            event_id__in={event_id for _pk, _attended, event_id in rows}, attended=True
        )
        .values_list("event_id", flat=True)
        .distinct()
    )
    ids = [pk for pk, attended, event_id in rows if attended or event_id not in events_with_attendance]
    keys = {f"evaluation_request:{pk}": pk for pk in ids}
    sent = set(SentMail.objects.filter(key__in=keys).values_list("key", flat=True))
    due = [pk for key, pk in keys.items() if key not in sent]
    for registration_id in due:
        notify("evaluation_request", registration_id)
    return len(due)
