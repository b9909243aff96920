"""Demo meetings and trainings for `manage.py load_demo`, made through the real services (registrations, waiting
list, attendance, outcome, evaluations), so lists, statistics, audit log and e-mails look as after real use.

What a demo login finds:
- consultant / manager: an Open Club series of three sessions in Het Hogeland (the first full, with a waiting
  list; the second nearly full), a regiobijeenkomst in Westerkwartier, the training ‘Werven van jongeren’ with a
  question about dietary wishes, the provincial knowledge day, and a past Open Club session in Groningen with
  attendance, an outcome with two ideas and evaluations;
- coordinator: registered for the regiobijeenkomst and the training on behalf of Concordia Zuidhorn; was at the
  past session and has not evaluated it yet (try it);
- member: registered for the regiobijeenkomst and the provincial day;
- volunteer: first on the waiting list of the full Open Club session.
"""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db.models import Case, IntegerField, Value, When
from django.utils import timezone

from inzet.accounts.models import Membership, User
from inzet.events import services
from inzet.events.models import Event, Registration
from inzet.organisations.models import Organisation, SupportPoint
from inzet.places.models import Municipality, Province

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
GRONINGEN, HET_HOGELAND, WESTERKWARTIER = "GM0014", "GM1966", "GM1969"
PROVINCE_GRONINGEN = "PV20"

OPEN_CLUB_PROGRAMME = [
    {"time": time(19, 30), "title": "Inloop met koffie"},
    {"time": time(19, 45), "title": "Spiegel: waar staat jullie organisatie?"},
    {"time": time(20, 30), "title": "Wat kunnen we samen beter? Ideeën en gedeelde ambities"},
    {"time": time(21, 15), "title": "Afspraken en afsluiting"},
]
OPEN_CLUB_DESCRIPTION = (
    "Bestuurders van verenigingen en stichtingen uit de gemeente praten over wat er in hun dorp of wijk "
    "verandert, houden hun eigen organisatie een spiegel voor en inventariseren wat ze samen beter kunnen doen. "
    "De Vrijwilligerscentrale begeleidt; jullie bepalen de agenda."
)


def _at(days: int, hour: int, minute: int = 0) -> datetime:
    """A local time `days` from today (Europe/Amsterdam, so DST is right)."""
    day = timezone.localdate() + timedelta(days=days)
    return datetime.combine(day, time(hour, minute), tzinfo=AMSTERDAM)


def _coordinators(municipality_first: str) -> list[tuple[User, Organisation]]:
    """(coordinator, organisation) of every approved organisation, those in `municipality_first` first; one
    organisation per person, demo logins left out (they register themselves below)."""
    memberships = (
        Membership.objects.filter(
            role=Membership.Role.COORDINATOR, organisation__status=Organisation.Status.APPROVED
        )
        .exclude(user__email__endswith="@inzet.example")
        .select_related("user", "organisation")
        .annotate(
            elsewhere=Case(
                When(organisation__municipality=municipality_first, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        .order_by("elsewhere", "organisation__name", "pk")
    )
    seen, pairs = set(), []
    for membership in memberships:
        if membership.user_id not in seen:
            seen.add(membership.user_id)
            pairs.append((membership.user, membership.organisation))
    return pairs


def _register_many(event: Event, pairs: list[tuple[User, Organisation]], count: int) -> None:
    for user, organisation in pairs[:count]:
        services.registration_create(actor=user, event=event, organisation=organisation)


def load_demo_events(*, consultant: User, users: dict[str, User]) -> int:
    """`users`: the demo logins by key (see `inzet.core.demo.DEMO_LOGINS`). Returns the number of events."""
    point = SupportPoint.objects.get(staff_memberships__user=consultant)
    municipalities = Municipality.objects.in_bulk([GRONINGEN, HET_HOGELAND, WESTERKWARTIER])
    coordinator, member, volunteer = users["coordinator"], users["member"], users["volunteer"]
    concordia = Organisation.objects.get(
        memberships__user=coordinator,
        memberships__role=Membership.Role.COORDINATOR,
        status=Organisation.Status.APPROVED,
    )

    # ── the Open Club series in Het Hogeland ──
    series = services.series_create(
        actor=consultant,
        support_point=point,
        title="Open Club Het Hogeland",
        description=OPEN_CLUB_DESCRIPTION,
        municipalities=[municipalities[HET_HOGELAND]],
        programme=OPEN_CLUB_PROGRAMME,
        sessions=[
            {
                "starts_at": _at(8, 19, 30),
                "ends_at": _at(8, 21, 30),
                "venue_name": "Dorpshuis De Rieshoek",
                "address": "Hoofdstraat 40",
                "city": "Uithuizen",
            },
            {
                "starts_at": _at(22, 19, 30),
                "ends_at": _at(22, 21, 30),
                "venue_name": "Kulturhus Winsum",
                "address": "Schoolstraat 5",
                "city": "Winsum",
            },
            {
                "starts_at": _at(36, 19, 30),
                "ends_at": _at(36, 21, 30),
                "venue_name": "De Borg",
                "address": "Schoolstraat 2",
                "city": "Bedum",
            },
        ],
        kind=Event.Kind.OPEN_CLUB,
        capacity=10,
        limit_per_organisation=2,
        basic_functions=["expertise", "innovation"],
    )
    first, second, _third = series.events.order_by("starts_at")
    hogeland = _coordinators(HET_HOGELAND)
    _register_many(first, hogeland, 12)  # ten places taken, two on the waiting list
    services.registration_create(actor=volunteer, event=first)  # the demo volunteer is third in line
    _register_many(second, hogeland[4:], 9)  # one place left

    # ── a regiobijeenkomst in Westerkwartier ──
    regional = services.event_create(
        actor=consultant,
        support_point=point,
        kind=Event.Kind.REGIONAL_MEETING,
        title="Regiobijeenkomst Westerkwartier: samen sterker",
        description=(
            "De startbijeenkomst voor organisaties in het Westerkwartier: wat speelt er, wat levert de "
            "KrachtMeting op, en waar willen we de Open Club-sessies dit jaar over laten gaan?"
        ),
        venue_name="Het Kompas",
        address="Hooiweg 2",
        postcode="9801 CB",
        city="Zuidhorn",
        starts_at=_at(15, 19, 30),
        ends_at=_at(15, 22, 0),
        capacity=40,
        limit_per_organisation=3,
        basic_functions=["expertise", "advocacy"],
        municipalities=[municipalities[WESTERKWARTIER]],
        programme=[
            {"time": time(19, 30), "title": "Welkom door de wethouder"},
            {"time": time(19, 45), "title": "Uitkomsten van de behoeftepeiling"},
            {"time": time(20, 30), "title": "In gesprek in kleine groepen"},
            {"time": time(21, 30), "title": "Borrel"},
        ],
    )
    services.registration_create(actor=coordinator, event=regional, organisation=concordia)
    services.registration_create(actor=member, event=regional, organisation=concordia)
    _register_many(regional, _coordinators(WESTERKWARTIER), 6)

    # ── the training with a registration question ──
    training = services.event_create(
        actor=consultant,
        support_point=point,
        kind=Event.Kind.TRAINING,
        title="Werven van jongeren",
        description=(
            "Hoe vind en houd je jonge vrijwilligers? Over korte klussen, de maatschappelijke diensttijd (MDT), "
            "sociale media en jongeren zelf laten meedenken. Met een bewijs van deelname."
        ),
        venue_name="Vrijwilligerscentrale",
        address="Gedempte Zuiderdiep 50",
        postcode="9711 HK",
        city="Groningen",
        starts_at=_at(29, 14, 0),
        ends_at=_at(29, 17, 0),
        capacity=16,
        limit_per_organisation=2,
        registration_closes_at=_at(26, 23, 59),
        basic_functions=["expertise", "matching"],
        for_volunteers=True,
        municipalities=list(municipalities.values()),
        programme=[
            {"time": time(14, 0), "title": "Wat zoeken jongeren?"},
            {"time": time(15, 0), "title": "Een vacature die jongeren aanspreekt"},
            {"time": time(16, 15), "title": "Aan de slag met je eigen plan"},
        ],
        questions=[{"text": "Heb je dieetwensen of een allergie?", "kind": "text"}],
    )
    question = training.questions.get()
    services.registration_create(
        actor=coordinator,
        event=training,
        organisation=concordia,
        answers={question.answer_key: "Vegetarisch"},
    )
    for number, (user, organisation) in enumerate(_coordinators(GRONINGEN)[:5]):
        answers = {question.answer_key: "Geen noten, graag"} if number == 1 else {}
        services.registration_create(actor=user, event=training, organisation=organisation, answers=answers)

    # ── the provincial knowledge and inspiration day ──
    day = services.event_create(
        actor=consultant,
        support_point=point,
        kind=Event.Kind.PROVINCIAL_DAY,
        title="Provinciale kennisdag vrijwillige inzet Groningen",
        description=(
            "De jaarlijkse dag voor vrijwilligersorganisaties, steunpunten en gemeenten uit de hele provincie: "
            "workshops, goede voorbeelden en de uitreiking van de vrijwilligersprijs."
        ),
        venue_name="Provinciehuis",
        address="Martinikerkhof 12",
        postcode="9712 JG",
        city="Groningen",
        starts_at=_at(50, 10, 0),
        ends_at=_at(50, 16, 30),
        capacity=150,
        province=Province.objects.get(pk=PROVINCE_GRONINGEN),
        for_volunteers=True,
        for_consultants=True,
        basic_functions=["recognition", "expertise", "promotion"],
        programme=[
            {"time": time(10, 0), "title": "Opening"},
            {"time": time(10, 30), "title": "Eerste ronde workshops"},
            {"time": time(12, 30), "title": "Lunch en informatiemarkt"},
            {"time": time(14, 0), "title": "Tweede ronde workshops"},
            {"time": time(15, 30), "title": "Uitreiking vrijwilligersprijs"},
        ],
    )
    services.registration_create(actor=member, event=day, organisation=concordia)
    services.registration_create(actor=users["manager"], event=day)
    _register_many(day, _coordinators(GRONINGEN)[5:], 8)

    # ── a past Open Club session: attendance, outcome with two ideas, evaluations ──
    past = services.event_create(
        actor=consultant,
        support_point=point,
        kind=Event.Kind.OPEN_CLUB,
        title="Open Club Groningen-Zuid",
        description=OPEN_CLUB_DESCRIPTION,
        venue_name="Buurtcentrum De Wijert",
        address="Van Lenneplaan 1",
        city="Groningen",
        starts_at=_at(5, 19, 30),
        ends_at=_at(5, 21, 30),
        capacity=20,
        basic_functions=["expertise", "innovation"],
        municipalities=[municipalities[GRONINGEN], municipalities[WESTERKWARTIER]],
        programme=OPEN_CLUB_PROGRAMME,
    )
    services.registration_create(actor=coordinator, event=past, organisation=concordia)
    others = _coordinators(GRONINGEN)[:6]
    _register_many(past, others, len(others))
    # Time goes by: the session took place three weeks ago (services register only for what is still to come).
    Event.objects.filter(pk=past.pk).update(starts_at=_at(-21, 19, 30), ends_at=_at(-21, 21, 30))
    past.refresh_from_db()
    registrations = list(past.registrations.filter(status=Registration.Status.CONFIRMED).order_by("pk"))
    no_show = registrations[-1]
    for registration in registrations:
        if registration != no_show:
            services.attendance_record(actor=consultant, registration=registration, attended=True)
    present = [r.organisation for r in registrations if r != no_show and r.organisation]
    services.outcome_save(
        actor=consultant,
        event=past,
        notes=(
            "Zes besturen aan tafel. Iedereen herkent het: moeilijk om nieuwe bestuursleden te vinden, en "
            "iedere club zoekt apart naar jongeren. Sportclubs en muziekverenigingen willen vaker samen "
            "optrekken; de buurtvereniging biedt haar gebouw aan."
        ),
        organisations_present=present,
    )
    services.idea_add(
        actor=consultant,
        event=past,
        title="Samen één wervingsavond voor jongeren",
        description="Eén avond in het voorjaar waarop alle clubs uit de wijk zich voorstellen aan jongeren.",
        organisations=present[:3],
    )
    services.idea_add(
        actor=consultant,
        event=past,
        title="Een gedeelde pool van penningmeesters",
        description="Bestuurders met financiële kennis springen bij elkaar bij, met hulp van de BestuurdersPoort.",
        organisations=present[2:5],
    )
    evaluations = [
        (8, "Goed om te horen dat anderen met hetzelfde worstelen.", "De wervingsavond mee organiseren."),
        (9, "Concrete contacten met twee andere clubs.", "Volgende maand samen koffie drinken."),
        (7, "Nuttig, maar de avond was kort.", ""),
        (8, "", "Onze vacatures op Inzet zetten."),
    ]
    attended = [r for r in registrations if r != no_show and r.person_id != coordinator.pk]
    for registration, (rating, useful, next_step) in zip(attended, evaluations, strict=False):
        services.evaluation_submit(
            actor=registration.person,
            registration=registration,
            rating=rating,
            useful=useful,
            next_step=next_step,
        )
    return Event.objects.filter(support_point=point).count()
