"""Reads of the events domain, scoped to the person asking. Events themselves are public; attendee lists,
statistics and answers only for the organising support point (and platform staff)."""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db.models import Avg, Case, Count, Prefetch, Q, QuerySet, Value, When
from django.utils import timezone

from inzet.accounts.models import Membership
from inzet.events.models import Audience, Evaluation, Event, EventSeries, Idea, Outcome, Registration
from inzet.organisations.models import Organisation, SupportPoint
from inzet.organisations.selectors import support_points_worked_for
from inzet.places.models import Municipality, Province

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
_AUDIENCE_FIELDS = {
    Audience.BOARD_MEMBERS: "for_board_members",
    Audience.VOLUNTEERS: "for_volunteers",
    Audience.CONSULTANTS: "for_consultants",
}


def _with_counts(qs: QuerySet[Event]) -> QuerySet[Event]:
    """Each event with `confirmed_count` and `waitlist_count` (places left: `places_left()`)."""
    return qs.annotate(
        confirmed_count=Count("registrations", filter=Q(registrations__status=Registration.Status.CONFIRMED)),
        waitlist_count=Count("registrations", filter=Q(registrations__status=Registration.Status.WAITLISTED)),
    )


def places_left(event: Event) -> int | None:
    """None: no limit. Uses the annotation of the list selectors when it is there."""
    if event.capacity is None:
        return None
    confirmed = getattr(event, "confirmed_count", None)
    if confirmed is None:
        confirmed = event.registrations.filter(status=Registration.Status.CONFIRMED).count()
    return max(event.capacity - confirmed, 0)


def events_visible_to(user) -> QuerySet[Event]:
    """Every event is public, cancelled ones too (so people see that they are)."""
    return _with_counts(Event.objects.select_related("support_point", "province", "series"))


# Dates outside these years are clamped: a filter such as date_to=9999-12-31 means "no end", not an overflow.
FIRST_DAY, LAST_DAY = date(1900, 1, 1), date(9000, 12, 31)


def local_day_start(day: date) -> datetime:
    return datetime.combine(min(max(day, FIRST_DAY), LAST_DAY), time.min, tzinfo=AMSTERDAM)


def upcoming_events(
    *,
    kind: str | None = None,
    municipality: Municipality | str | None = None,
    province: Province | str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    audience: str | None = None,
    include_cancelled: bool = False,
    now: datetime | None = None,
) -> QuerySet[Event]:
    """Events that have not ended, soonest first, with the public filters.

    A municipality matches events for that municipality, for its province, and events for everyone (neither
    set); a province matches events for the province or any of its municipalities, and events for everyone.
    Each event carries `confirmed_count` and `waitlist_count`.
    """
    qs = Event.objects.filter(ends_at__gt=now or timezone.now())
    if not include_cancelled:
        qs = qs.filter(status=Event.Status.PUBLISHED)
    if kind:
        qs = qs.filter(kind=kind)
    everyone = Q(province__isnull=True) & ~Q(pk__in=Event.municipalities.through.objects.values("event_id"))
    if municipality:
        code = municipality.pk if isinstance(municipality, Municipality) else municipality
        province_code = Municipality.objects.filter(pk=code).values("province_id")
        qs = qs.filter(Q(municipalities=code) | Q(province__in=province_code) | everyone)
    if province:
        code = province.pk if isinstance(province, Province) else province
        qs = qs.filter(Q(province=code) | Q(municipalities__province=code) | everyone)
    if date_from:
        qs = qs.filter(ends_at__gte=local_day_start(date_from))
    if date_to:
        qs = qs.filter(starts_at__lt=local_day_start(date_to) + timedelta(days=1))
    if audience in _AUDIENCE_FIELDS:
        qs = qs.filter(**{_AUDIENCE_FIELDS[audience]: True})
    # The joins above may repeat an event; select by id so the counts stay right.
    return _with_counts(
        Event.objects.filter(pk__in=qs.values("pk")).select_related("support_point", "province", "series")
    ).order_by("starts_at", "pk")


def upcoming_events_of_organisation(
    organisation: Organisation, *, limit: int = 5, now: datetime | None = None
) -> QuerySet[Event]:
    """Published events that have not ended for which someone has a place on behalf of the organisation,
    soonest first: what its public page shows as the meetings it takes part in (never who goes)."""
    taking_part = Registration.objects.filter(
        organisation=organisation, status=Registration.Status.CONFIRMED
    ).values("event_id")
    return (
        Event.objects.filter(
            pk__in=taking_part, status=Event.Status.PUBLISHED, ends_at__gt=now or timezone.now()
        )
        .select_related("support_point")
        .order_by("starts_at", "pk")[:limit]
    )


def events_organised_by(user) -> QuerySet[Event]:
    """Events of the support points the user works for: the only way into attendee lists and statistics."""
    return _with_counts(
        Event.objects.filter(support_point__in=support_points_worked_for(user)).select_related(
            "support_point", "province", "series"
        )
    ).order_by("-starts_at", "-pk")


def series_organised_by(user) -> QuerySet[EventSeries]:
    return EventSeries.objects.filter(support_point__in=support_points_worked_for(user))


def series_events(series: EventSeries) -> QuerySet[Event]:
    return _with_counts(series.events.select_related("support_point")).order_by("starts_at", "pk")


def registrations_of(user) -> QuerySet[Registration]:
    """A person's own registrations, upcoming first."""
    if not user.is_authenticated:
        return Registration.objects.none()
    return (
        Registration.objects.filter(person=user)
        .select_related("event__support_point", "organisation")
        .prefetch_related("evaluation")
        .order_by("-event__starts_at", "-pk")
    )


def registration_of_user_for(user, event: Event) -> Registration | None:
    if not user.is_authenticated:
        return None
    return (
        Registration.objects.filter(person=user, event=event)
        .exclude(status=Registration.Status.CANCELLED)
        .first()
    )


def registrations_organised_by(user, *, event: Event | None = None) -> QuerySet[Registration]:
    """Registrations (with personal data and answers) for events of the user's support points."""
    qs = Registration.objects.filter(event__support_point__in=support_points_worked_for(user))
    if event is not None:
        qs = qs.filter(event=event)
    # Confirmed, then the waiting list, then cancellations (the attendee list's order, not the alphabet's).
    status_order = Case(
        When(status=Registration.Status.CONFIRMED, then=Value(0)),
        When(status=Registration.Status.WAITLISTED, then=Value(1)),
        default=Value(2),
    )
    return qs.select_related("event", "person", "organisation__municipality").order_by(
        "event__starts_at", "event_id", status_order, "position", "created_at", "pk"
    )


def attendees(event: Event) -> list[Registration]:
    """Confirmed first (in order of registering), then the waiting list in order; cancelled last."""
    order = {
        Registration.Status.CONFIRMED: 0,
        Registration.Status.WAITLISTED: 1,
        Registration.Status.CANCELLED: 2,
    }
    rows = list(event.registrations.select_related("person", "organisation__municipality"))
    return sorted(rows, key=lambda r: (order[r.status], r.position or 0, r.created_at, r.pk))


def organisations_of_member(user) -> QuerySet[Organisation]:
    """Organisations a person may register on behalf of."""
    if not user.is_authenticated:
        return Organisation.objects.none()
    return Organisation.objects.filter(
        pk__in=Membership.objects.filter(user=user).values("organisation_id")
    ).order_by("name")


def organisations_to_invite(user, *, municipality: str | None = None) -> QuerySet[Organisation]:
    """Approved organisations in the municipalities the user's support points serve (all, for platform staff)."""
    qs = Organisation.objects.filter(status=Organisation.Status.APPROVED).select_related("municipality")
    if not (user.is_authenticated and user.is_staff):
        qs = qs.filter(municipality__support_points__in=support_points_worked_for(user))
    if municipality:
        qs = qs.filter(municipality=municipality)
    return qs.distinct().order_by("municipality__name", "name")


def invitation_campaigns(user, *, support_point: SupportPoint) -> QuerySet:
    """Questionnaire campaigns (the KrachtMeting) of the event's own support point that the user may see and whose
    questionnaire asks for support themes: whom to invite by what they asked for. Newest first."""
    from inzet.assessments.selectors import campaigns_visible_to

    return (
        campaigns_visible_to(user)
        .filter(support_point=support_point, instrument__items__asks_support_themes=True)
        .distinct()
        .order_by("-starts_on", "-pk")
    )


def organisations_asking_for_theme(campaign, *, theme_slug: str) -> QuerySet[Organisation]:
    """Approved organisations that asked for help with this support theme in the campaign's submitted answers."""
    from inzet.assessments.reports import organisations_asking_for

    return Organisation.objects.filter(
        pk__in=organisations_asking_for(campaign, theme_slug=theme_slug),
        status=Organisation.Status.APPROVED,
    ).order_by("name")


def outcome_of(event: Event) -> Outcome | None:
    return (
        Outcome.objects.filter(event=event)
        .prefetch_related(
            "organisations_present",
            Prefetch("ideas", queryset=Idea.objects.prefetch_related("organisations")),
        )
        .first()
    )


def outcomes_for_organisation(organisation: Organisation) -> list[dict]:
    """Meetings the organisation took part in or took an idea from, newest first:
    `[{"event": Event, "present": bool, "ideas": [Idea, ...]}]` (ideas: those the organisation takes further)."""
    outcomes = (
        Outcome.objects.filter(Q(organisations_present=organisation) | Q(ideas__organisations=organisation))
        .distinct()
        .select_related("event")
        .order_by("-event__starts_at")
    )
    present = set(Outcome.objects.filter(organisations_present=organisation).values_list("pk", flat=True))
    ideas = Idea.objects.filter(organisations=organisation).order_by("created_at")
    by_outcome: dict[int, list[Idea]] = {}
    for idea in ideas:
        by_outcome.setdefault(idea.outcome_id, []).append(idea)
    return [
        {"event": outcome.event, "present": outcome.pk in present, "ideas": by_outcome.get(outcome.pk, [])}
        for outcome in outcomes
    ]


# ── statistics ──────────────────────────────────────────────────────────────────────────────────────────────────


@dataclass
class EventStatistics:
    """Figures of one event, or of all events in a period (then `events` > 1)."""

    events: int = 0
    registrations: int = 0  # confirmed + waitlisted + cancelled
    confirmed: int = 0
    waitlisted: int = 0
    cancelled: int = 0
    attended: int = 0
    no_shows: int = 0  # confirmed, not checked in, at an event that has ended
    organisations_reached: int = 0
    organisations_by_municipality: list[tuple[str, int]] = field(default_factory=list)
    organisations_by_sector: list[tuple[str, int]] = field(default_factory=list)
    evaluations: int = 0
    average_rating: float | None = None
    ratings: dict[int, int] = field(default_factory=dict)  # rating → how many gave it

    @property
    def attendance_rate(self) -> float | None:
        """Attended as a share of confirmed places at events that have ended."""
        ended_confirmed = self.attended + self.no_shows
        return self.attended / ended_confirmed if ended_confirmed else None


def _statistics(events: QuerySet[Event], now: datetime | None = None) -> EventStatistics:
    now = now or timezone.now()
    registrations = Registration.objects.filter(event__in=events)
    counts = registrations.aggregate(
        n_total=Count("pk"),
        n_confirmed=Count("pk", filter=Q(status=Registration.Status.CONFIRMED)),
        n_waitlisted=Count("pk", filter=Q(status=Registration.Status.WAITLISTED)),
        n_cancelled=Count("pk", filter=Q(status=Registration.Status.CANCELLED)),
        n_attended=Count("pk", filter=Q(status=Registration.Status.CONFIRMED, attended=True)),
        n_no_shows=Count(
            "pk",
            filter=Q(
                status=Registration.Status.CONFIRMED,
                attended=False,
                event__ends_at__lte=now,
                event__status=Event.Status.PUBLISHED,
            ),
        ),
    )
    reached = Organisation.objects.filter(
        pk__in=registrations.filter(status=Registration.Status.CONFIRMED, organisation__isnull=False).values(
            "organisation_id"
        )
    )
    by_municipality = Counter(reached.values_list("municipality__name", flat=True))
    by_sector = Counter(reached.values_list("sectors__name", flat=True).exclude(sectors__isnull=True))
    evaluations = Evaluation.objects.filter(registration__event__in=events)
    rating = evaluations.aggregate(average=Avg("rating"), count=Count("pk"))
    return EventStatistics(
        events=events.count(),
        registrations=counts["n_total"],
        confirmed=counts["n_confirmed"],
        waitlisted=counts["n_waitlisted"],
        cancelled=counts["n_cancelled"],
        attended=counts["n_attended"],
        no_shows=counts["n_no_shows"],
        organisations_reached=reached.count(),
        organisations_by_municipality=sorted(by_municipality.items(), key=lambda item: (-item[1], item[0])),
        organisations_by_sector=sorted(by_sector.items(), key=lambda item: (-item[1], item[0])),
        evaluations=rating["count"],
        average_rating=round(rating["average"], 1) if rating["average"] is not None else None,
        ratings=dict(sorted(Counter(evaluations.values_list("rating", flat=True)).items())),
    )


def event_statistics(event: Event, *, now: datetime | None = None) -> EventStatistics:
    return _statistics(Event.objects.filter(pk=event.pk), now)


def events_in_period(user, *, date_from: date, date_to: date) -> QuerySet[Event]:
    """The user's support points' events starting in [date_from, date_to] (local dates, inclusive)."""
    return (
        events_organised_by(user)
        .filter(starts_at__gte=local_day_start(date_from))
        .filter(starts_at__lt=local_day_start(date_to) + timedelta(days=1))
        .order_by("starts_at", "pk")
    )


def period_statistics(
    user, *, date_from: date, date_to: date, now: datetime | None = None
) -> EventStatistics:
    events = events_in_period(user, date_from=date_from, date_to=date_to)
    return _statistics(Event.objects.filter(pk__in=events.values("pk")), now)


def per_event_rows(user, *, date_from: date, date_to: date, now: datetime | None = None) -> list[dict]:
    """One row per event in the period: `{"event", "confirmed", "attended", "no_shows", "waitlisted",
    "average_rating"}`, for the statistics table and the export."""
    now = now or timezone.now()
    events = events_in_period(user, date_from=date_from, date_to=date_to).annotate(
        attended_count=Count(
            "registrations",
            filter=Q(registrations__status=Registration.Status.CONFIRMED, registrations__attended=True),
        ),
        average_rating=Avg("registrations__evaluation__rating"),
    )
    rows = []
    for event in events:
        ended = event.ends_at <= now and not event.is_cancelled
        rows.append(
            {
                "event": event,
                "confirmed": event.confirmed_count,
                "waitlisted": event.waitlist_count,
                "attended": event.attended_count,
                "no_shows": event.confirmed_count - event.attended_count if ended else 0,
                "average_rating": round(event.average_rating, 1)
                if event.average_rating is not None
                else None,
            }
        )
    return rows
