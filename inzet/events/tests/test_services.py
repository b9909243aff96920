"""Events, series, registrations with the waiting list, attendance, outcomes and evaluations, through the
services as every caller uses them."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from inzet.core.errors import ApplicationError, NotAllowed
from inzet.core.models import AuditEntry
from inzet.events import selectors, services
from inzet.events.models import Evaluation, Event, EventSeries, Idea, Outcome, Registration
from inzet.events.tests.conftest import event_data
from inzet.factories import OrganisationFactory, make_member


def register(event, person, **kwargs):
    return services.registration_create(actor=person, event=event, **kwargs)


def past(event, *, days=1):
    """Move an event into the past (as if time went by); services refuse to create one there."""
    Event.objects.filter(pk=event.pk).update(
        starts_at=timezone.now() - timedelta(days=days, hours=2),
        ends_at=timezone.now() - timedelta(days=days),
    )
    event.refresh_from_db()
    return event


# ── events ─────────────────────────────────────────────────────────────────────────────────────────────────────


def test_it_creates_an_event_with_programme_questions_and_an_audit_entry(world, make_event):
    event = make_event(
        questions=[
            {"text": "Dieetwensen?", "kind": "text"},
            {"text": "Lunch?", "kind": "choice", "choices": "Vegetarisch\nVlees\n", "required": True},
        ]
    )
    assert event.postcode == "9981 AA"
    assert event.basic_functions == ["expertise", "innovation"]
    assert [item.title for item in event.programme.all()] == ["Ontvangst"]
    assert [q.choices for q in event.questions.all()] == [[], ["Vegetarisch", "Vlees"]]
    assert AuditEntry.objects.filter(action="event.created", target_id=str(event.pk)).exists()


def test_it_reads_typed_times_as_amsterdam_time(world, make_event):
    from datetime import datetime

    event = make_event(starts_at=datetime(2027, 3, 28, 10, 0), ends_at=datetime(2027, 3, 28, 12, 0))
    assert event.starts_at.utcoffset() is not None
    assert timezone.localtime(event.starts_at).hour == 10
    assert event.starts_at.astimezone(timezone.UTC).hour == 8  # CEST after the change that night


@pytest.mark.parametrize(
    "overrides, field",
    [
        ({"ends_at": "start"}, "ends_at"),
        ({"capacity": -1}, "capacity"),
        ({"venue_name": "", "address": "", "online_url": ""}, "address"),
        ({"basic_functions": ["world_peace"]}, "basic_functions"),
        ({"postcode": "0000 XX"}, "postcode"),
    ],
)
def test_it_refuses_an_event_with_bad_input_and_writes_nothing(world, overrides, field):
    data = event_data()
    if overrides.get("ends_at") == "start":
        overrides["ends_at"] = data["starts_at"] - timedelta(hours=1)
    with pytest.raises(ApplicationError) as error:
        services.event_create(
            actor=world.consultant, support_point=world.support_point, **{**data, **overrides}
        )
    assert field in error.value.fields
    assert not Event.objects.exists()


def test_it_refuses_a_choice_question_without_choices(world):
    with pytest.raises(ApplicationError):
        services.event_create(
            actor=world.consultant,
            support_point=world.support_point,
            questions=[{"text": "Lunch?", "kind": "choice", "choices": "alleen dit"}],
            **event_data(),
        )
    assert not Event.objects.exists()


def test_only_staff_of_the_support_point_organise_events(world):
    for actor in (world.other_consultant, world.coordinator, world.volunteer):
        with pytest.raises(NotAllowed):
            services.event_create(actor=actor, support_point=world.support_point, **event_data())
    assert not Event.objects.exists()


def test_it_refuses_lowering_capacity_below_the_confirmed_count_and_explains(world, event, people):
    register(event, people[0])
    register(event, people[1])
    with pytest.raises(ApplicationError) as error:
        services.event_update(actor=world.consultant, event=event, capacity=1)
    assert "2 bevestigde aanmeldingen" in error.value.message
    event.refresh_from_db()
    assert event.capacity == 2


def test_raising_capacity_promotes_from_the_waiting_list(world, event, people):
    for person in people[:4]:
        register(event, person)
    services.event_update(actor=world.consultant, event=event, capacity=3)
    statuses = list(event.registrations.order_by("pk").values_list("status", "position"))
    assert statuses == [("confirmed", None), ("confirmed", None), ("confirmed", None), ("waitlisted", 1)]


def test_another_support_point_cannot_edit_or_cancel_the_event(world, event):
    with pytest.raises(NotAllowed):
        services.event_update(actor=world.other_consultant, event=event, title="Overgenomen")
    with pytest.raises(NotAllowed):
        services.event_cancel(actor=world.other_consultant, event=event)


def test_it_creates_a_series_of_three_open_club_sessions_at_once(world):
    start = timezone.now() + timedelta(days=20)
    sessions = [
        {
            "starts_at": start + timedelta(weeks=n),
            "ends_at": start + timedelta(weeks=n, hours=2),
            "city": city,
        }
        for n, city in enumerate(["Uithuizen", "Winsum", "Bedum"])
    ]
    series = services.series_create(
        actor=world.consultant,
        support_point=world.support_point,
        title="Open Club Hogeland",
        sessions=sessions,
        kind="open_club",
        description="Drie avonden samen verder.",
        venue_name="Dorpshuis",
        capacity=20,
        municipalities=["GM1966"],
    )
    events = list(series.events.order_by("starts_at"))
    assert [e.title for e in events] == [f"Open Club Hogeland ({n}/3)" for n in (1, 2, 3)]
    assert [e.city for e in events] == ["Uithuizen", "Winsum", "Bedum"]
    assert all(e.capacity == 20 and e.kind == "open_club" for e in events)
    assert all(list(e.municipalities.values_list("code", flat=True)) == ["GM1966"] for e in events)


def test_one_bad_session_creates_no_series_at_all(world):
    start = timezone.now() + timedelta(days=20)
    sessions = [
        {"starts_at": start, "ends_at": start + timedelta(hours=2)},
        {"starts_at": start, "ends_at": start - timedelta(hours=2)},
    ]
    with pytest.raises(ApplicationError) as error:
        services.series_create(
            actor=world.consultant,
            support_point=world.support_point,
            title="Open Club",
            sessions=sessions,
            kind="open_club",
            description="x",
            venue_name="Dorpshuis",
        )
    assert error.value.message.startswith("Sessie 2:")
    assert not EventSeries.objects.exists() and not Event.objects.exists()


def test_cancelling_an_event_tells_everyone_with_the_calendar_cancellation(world, event, people):
    for person in people[:3]:
        register(event, person)
    mail.outbox.clear()
    services.event_cancel(actor=world.consultant, event=event, reason="De zaal is niet beschikbaar.")
    assert sorted(m.to[0] for m in mail.outbox) == sorted(p.email for p in people[:3])
    assert all("De zaal is niet beschikbaar." in m.body for m in mail.outbox)
    assert all(b"STATUS:CANCELLED" in m.attachments[0][1].encode() for m in mail.outbox)
    with pytest.raises(ApplicationError):
        register(event, people[4])


def test_cancelling_an_event_cancels_its_places_and_waiting_list_without_promoting_anyone(
    world, make_event, people
):
    event = make_event(capacity=1)
    confirmed, waiting, gone = (register(event, person) for person in people[:3])
    services.registration_cancel(actor=people[2], registration=gone)
    gone.refresh_from_db()
    mail.outbox.clear()
    services.event_cancel(actor=world.consultant, event=event)
    event.refresh_from_db()
    for registration in (confirmed, waiting):
        registration.refresh_from_db()
        assert registration.status == Registration.Status.CANCELLED
        assert registration.cancelled_at == event.cancelled_at and registration.position is None
        assert registration.promoted_at is None
    assert Registration.objects.get(pk=gone.pk).cancelled_at == gone.cancelled_at  # untouched
    assert sorted(m.to[0] for m in mail.outbox) == sorted(p.email for p in people[:2])
    assert "registration.promoted" not in AuditEntry.objects.values_list("action", flat=True)
    stats = selectors.event_statistics(event)
    assert (stats.confirmed, stats.waitlisted, stats.cancelled) == (0, 0, 3)
    assert selectors.places_left(event) == 1


def test_an_event_that_cannot_be_cancelled_keeps_its_registrations(world, event, people):
    registration = register(event, people[0])
    with pytest.raises(NotAllowed):
        services.event_cancel(actor=world.other_consultant, event=event)
    past(event)
    with pytest.raises(ApplicationError):
        services.event_cancel(actor=world.consultant, event=event)
    registration.refresh_from_db()
    event.refresh_from_db()
    assert registration.status == Registration.Status.CONFIRMED and registration.cancelled_at is None
    assert not event.is_cancelled


# ── registrations and the waiting list ───────────────────────────────────────────────────────────────────────────


def test_a_registration_is_confirmed_by_email_with_the_event_attached(world, event):
    registration = register(event, world.volunteer)
    assert registration.status == Registration.Status.CONFIRMED
    (message,) = mail.outbox
    assert message.to == [world.volunteer.email]
    assert event.title in message.subject
    filename, content, mimetype = message.attachments[0]
    assert (filename, mimetype) == ("bijeenkomst.ics", "text/calendar")
    assert "BEGIN:VEVENT" in content
    assert registration.get_cancel_url() in message.body


def test_a_full_event_puts_people_on_the_waiting_list_in_order(world, event, people):
    registrations = [register(event, person) for person in people[:5]]
    assert [(r.status, r.position) for r in registrations] == [
        ("confirmed", None),
        ("confirmed", None),
        ("waitlisted", 1),
        ("waitlisted", 2),
        ("waitlisted", 3),
    ]
    assert "wachtlijst" in mail.outbox[-1].subject


def test_cancelling_promotes_the_first_on_the_waiting_list_and_emails_them(world, event, people):
    first, second, waiting_1, waiting_2 = (register(event, person) for person in people[:4])
    mail.outbox.clear()
    services.registration_cancel(actor=people[0], registration=first)
    waiting_1.refresh_from_db()
    waiting_2.refresh_from_db()
    assert (waiting_1.status, waiting_1.position, waiting_1.promoted_at is not None) == (
        "confirmed",
        None,
        True,
    )
    assert (waiting_2.status, waiting_2.position) == ("waitlisted", 1)
    (message,) = mail.outbox
    assert message.to == [people[2].email]
    assert "plek vrijgekomen" in message.subject
    assert message.attachments


def test_leaving_the_waiting_list_closes_the_gap(world, event, people):
    registrations = [register(event, person) for person in people[:5]]
    services.registration_cancel(actor=people[3], registration=registrations[3])
    positions = list(
        event.registrations.filter(status="waitlisted")
        .order_by("position")
        .values_list("person__email", "position")
    )
    assert positions == [(people[2].email, 1), (people[4].email, 2)]


@pytest.mark.parametrize("case", ["twice", "closed", "not_yet_open", "cancelled"])
def test_it_refuses_registrations_that_break_the_rules_and_writes_nothing(world, make_event, people, case):
    now = timezone.now()
    if case == "closed":
        event = make_event(registration_closes_at=now + timedelta(days=1))
        Event.objects.filter(pk=event.pk).update(registration_closes_at=now - timedelta(minutes=1))
        event.refresh_from_db()
    elif case == "not_yet_open":
        event = make_event(registration_opens_at=now + timedelta(days=2))
    else:
        event = make_event()
    if case == "twice":
        register(event, people[0])
    if case == "cancelled":
        services.event_cancel(actor=world.consultant, event=event)
    before = Registration.objects.count()
    with pytest.raises(ApplicationError):
        register(event, people[0])
    assert Registration.objects.count() == before


def test_it_keeps_to_the_limit_per_organisation(world, make_event):
    event = make_event(limit_per_organisation=1, capacity=10)
    register(event, world.coordinator, organisation=world.organisation)
    with pytest.raises(ApplicationError) as error:
        register(event, world.member, organisation=world.organisation)
    assert "organisation" in error.value.fields
    assert event.registrations.count() == 1
    other = make_member(OrganisationFactory(name="Scouting Uithuizen"), world.member)
    assert other  # the same person may still come for another organisation of theirs
    register(
        event,
        world.member,
        organisation=world.member.memberships.exclude(organisation=world.organisation).get().organisation,
    )


def test_it_refuses_registering_on_behalf_of_an_organisation_one_is_not_part_of(world, event):
    with pytest.raises(ApplicationError):
        register(event, world.volunteer, organisation=world.organisation)
    assert not event.registrations.exists()


def test_it_checks_the_answers_to_the_registration_questions(world, make_event):
    event = make_event(
        questions=[
            {"text": "Lunch?", "kind": "choice", "choices": ["Vegetarisch", "Vlees"], "required": True},
            {"text": "Met de auto?", "kind": "yes_no"},
        ]
    )
    lunch, car = event.questions.all()
    with pytest.raises(ApplicationError) as error:
        register(event, world.volunteer, answers={})
    assert lunch.answer_key in error.value.fields
    with pytest.raises(ApplicationError):
        register(event, world.volunteer, answers={lunch.answer_key: "Pizza"})
    assert not event.registrations.exists()
    registration = register(
        event, world.volunteer, answers={lunch.answer_key: "Vlees", car.answer_key: "yes"}
    )
    assert registration.answers == {lunch.answer_key: "Vlees", car.answer_key: True}


def test_cancel_tokens_find_their_registration_and_refuse_tampering(world, event):
    registration = register(event, world.volunteer)
    assert services.registration_by_cancel_token(registration.cancel_token) == registration
    token = registration.cancel_token
    for bad in (token[:-1] + ("A" if token[-1] != "A" else "B"), "nonsense", "", f"{token}x"):
        with pytest.raises(ApplicationError):
            services.registration_by_cancel_token(bad)


def test_nobody_cancels_someone_elses_registration_but_the_organiser_may(world, event, people):
    registration = register(event, people[0])
    with pytest.raises(NotAllowed):
        services.registration_cancel(actor=people[1], registration=registration)
    with pytest.raises(NotAllowed):
        services.registration_cancel(actor=world.other_consultant, registration=registration)
    services.registration_cancel(actor=world.consultant, registration=registration)
    registration.refresh_from_db()
    assert registration.status == "cancelled"
    with pytest.raises(ApplicationError):
        services.registration_cancel(actor=people[0], registration=registration)


def test_cancelled_people_may_register_again(world, event):
    registration = register(event, world.volunteer)
    services.registration_cancel(actor=world.volunteer, registration=registration)
    again = register(event, world.volunteer)
    assert again.status == "confirmed"


# ── attendance, outcome, evaluation ─────────────────────────────────────────────────────────────────────────────


def test_the_organiser_takes_attendance_of_confirmed_people_only(world, event, people):
    confirmed, _second, waiting = (register(event, person) for person in people[:3])
    services.attendance_record(actor=world.consultant, registration=confirmed, attended=True)
    confirmed.refresh_from_db()
    assert confirmed.attended and confirmed.checked_in_at
    with pytest.raises(ApplicationError):
        services.attendance_record(actor=world.consultant, registration=waiting)
    with pytest.raises(NotAllowed):
        services.attendance_record(actor=world.other_consultant, registration=confirmed)
    services.attendance_record(actor=world.consultant, registration=confirmed, attended=False)
    confirmed.refresh_from_db()
    assert not confirmed.attended and confirmed.checked_in_at is None


def test_the_outcome_and_ideas_are_kept_with_the_organisations(world, event):
    with pytest.raises(ApplicationError):  # not before the meeting
        services.outcome_save(actor=world.consultant, event=event, notes="Te vroeg")
    past(event)
    outcome = services.outcome_save(
        actor=world.consultant, event=event, notes="Goed gesprek.", organisations_present=[world.organisation]
    )
    idea = services.idea_add(
        actor=world.consultant,
        event=event,
        title="Samen vrijwilligers werven",
        organisations=[world.organisation, world.other_organisation],
    )
    assert list(outcome.organisations_present.all()) == [world.organisation]
    assert set(idea.organisations.all()) == {world.organisation, world.other_organisation}
    with pytest.raises(ApplicationError):
        services.idea_add(actor=world.consultant, event=event, title="  ")
    with pytest.raises(NotAllowed):
        services.idea_add(actor=world.other_consultant, event=event, title="Overnemen")
    assert Idea.objects.count() == 1 and Outcome.objects.count() == 1


def test_attendees_evaluate_once_after_the_event(world, event):
    registration = register(event, world.volunteer)
    with pytest.raises(ApplicationError):
        services.evaluation_submit(actor=world.volunteer, registration=registration, rating=8)
    past(event)
    with pytest.raises(NotAllowed):
        services.evaluation_submit(actor=world.member, registration=registration, rating=8)
    for bad in (0, 11, "acht"):
        with pytest.raises(ApplicationError):
            services.evaluation_submit(actor=world.volunteer, registration=registration, rating=bad)
    services.evaluation_submit(
        actor=world.volunteer, registration=registration, rating=8, useful="Nieuwe ideeën", next_step="Bellen"
    )
    with pytest.raises(ApplicationError):
        services.evaluation_submit(actor=world.volunteer, registration=registration, rating=9)
    assert list(Evaluation.objects.values_list("rating", flat=True)) == [8]


def test_an_evaluation_is_refused_while_the_event_is_still_under_way(world, event):
    registration = register(event, world.volunteer)
    Event.objects.filter(pk=event.pk).update(
        starts_at=timezone.now() - timedelta(hours=1), ends_at=timezone.now() + timedelta(minutes=5)
    )
    with pytest.raises(ApplicationError, match="afgelopen"):
        services.evaluation_submit(actor=world.volunteer, registration=registration, rating=8)
    assert not Evaluation.objects.exists()


# ── e-mails: reminders, evaluation requests, invitations ──────────────────────────────────────────────────────────


def test_reminders_go_out_once_two_days_before(world, make_event, people):
    soon = make_event(
        starts_at=timezone.now() + timedelta(days=1), ends_at=timezone.now() + timedelta(days=1, hours=2)
    )
    later = make_event()
    register(soon, people[0])
    register(later, people[1])
    mail.outbox.clear()
    assert services.reminders_send() == 1
    (message,) = mail.outbox
    assert message.to == [people[0].email] and "Herinnering" in message.subject
    assert services.reminders_send() == 0
    assert len(mail.outbox) == 1


def test_the_reminder_command_is_idempotent(world, make_event, people):
    from django.core.management import call_command

    soon = make_event(
        starts_at=timezone.now() + timedelta(days=1), ends_at=timezone.now() + timedelta(days=1, hours=2)
    )
    register(soon, people[0])
    mail.outbox.clear()
    call_command("send_event_reminders")
    call_command("send_event_reminders")
    assert len(mail.outbox) == 1


def test_evaluation_requests_go_to_those_who_were_there(world, event, people):
    present, absent = register(event, people[0]), register(event, people[1])
    services.attendance_record(actor=world.consultant, registration=present)
    past(event)
    mail.outbox.clear()
    assert services.evaluation_requests_send() == 1
    assert [m.to for m in mail.outbox] == [[people[0].email]]
    assert services.evaluation_requests_send() == 0
    assert absent.pk


def test_invitations_go_to_the_chosen_organisations_once(world, event):
    mail.outbox.clear()
    services.invitations_send(actor=world.consultant, event=event, organisations=[world.organisation])
    services.invitations_send(actor=world.consultant, event=event, organisations=[world.organisation])
    (message,) = mail.outbox
    assert world.organisation.contact_email in message.to and world.coordinator.email in message.to
    with pytest.raises(ApplicationError):
        services.invitations_send(actor=world.consultant, event=event, organisations=[])
    with pytest.raises(NotAllowed):
        services.invitations_send(
            actor=world.other_consultant, event=event, organisations=[world.organisation]
        )
