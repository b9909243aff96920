"""The certificate of attendance (PDF), the spreadsheets, and the public list and statistics selectors."""

import io
from datetime import date, timedelta

import pytest
from django.utils import timezone
from openpyxl import load_workbook
from pypdf import PdfReader

from inzet.events import documents, selectors, services
from inzet.events.models import Event
from inzet.events.tests.test_services import past, register


def test_a_trained_attendee_gets_a_certificate_of_attendance(world, make_event):
    event = make_event(kind="training", title="Training adviesvaardigheden")
    registration = register(event, world.coordinator, organisation=world.organisation)
    assert not documents.certificate_available(registration)
    services.attendance_record(actor=world.consultant, registration=registration)
    registration.refresh_from_db()
    assert documents.certificate_available(registration)
    text = " ".join(
        p.extract_text() for p in PdfReader(io.BytesIO(documents.certificate_pdf(registration))).pages
    )
    assert "Bewijs van deelname" in text
    assert "Carla Coördinator" in text and "Training adviesvaardigheden" in text
    assert "Voetbalvereniging Oranje" in text


def test_no_certificate_for_a_meeting_that_is_not_a_training(world, event):
    registration = register(event, world.volunteer)
    services.attendance_record(actor=world.consultant, registration=registration)
    registration.refresh_from_db()
    assert not documents.certificate_available(registration)


def test_the_registrations_export_has_answers_and_attendance(world, make_event, people):
    event = make_event(
        questions=[{"text": "Met de auto?", "kind": "yes_no"}, {"text": "Dieet", "kind": "text"}]
    )
    car, diet = event.questions.all()
    register(
        event,
        world.coordinator,
        organisation=world.organisation,
        answers={car.answer_key: "yes", diet.answer_key: "=1+1"},
    )
    register(event, people[0])
    register(event, people[1])
    sheet = load_workbook(io.BytesIO(documents.registrations_xlsx(event, selectors.attendees(event)))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][-2:] == ("Met de auto?", "Dieet")
    assert rows[1][1] == "coordinator@example.org" and rows[1][2] == "Voetbalvereniging Oranje"
    assert rows[1][-2:] == ("ja", "=1+1")  # text, never a formula
    assert rows[3][4] == "op de wachtlijst" and rows[3][5] == 1


def test_the_public_list_filters_by_kind_place_date_and_audience(world, make_event):
    # Noon, so that the hour-long event never runs past midnight into the next day.
    soon = (timezone.localtime() + timedelta(days=5)).replace(hour=12, minute=0, second=0, microsecond=0)
    hogeland = make_event(title="Hogeland", municipalities=["GM1966"], kind="open_club")
    province = make_event(
        title="Provincie", province="PV20", kind="provinciale_kennisdag", for_volunteers=True
    )
    everyone = make_event(
        title="Iedereen", kind="training", starts_at=soon, ends_at=soon + timedelta(hours=1)
    )
    limburg = make_event(title="Limburg", province="PV31")
    cancelled = make_event(title="Geannuleerd")
    services.event_cancel(actor=world.consultant, event=cancelled)
    finished = past(make_event(title="Voorbij"))

    def titles(**filters):
        return {e.title for e in selectors.upcoming_events(**filters)}

    assert titles() == {"Hogeland", "Provincie", "Iedereen", "Limburg"}
    assert titles(kind="training") == {"Iedereen"}
    assert titles(municipality="GM1966") == {"Hogeland", "Provincie", "Iedereen"}
    assert titles(municipality="GM0014") == {"Provincie", "Iedereen"}
    assert titles(province="PV31") == {"Limburg", "Iedereen"}
    assert titles(audience="volunteers") == {"Provincie"}
    assert titles(date_to=soon.date()) == {"Iedereen"}
    assert titles(date_from=soon.date() + timedelta(days=1)) == {"Hogeland", "Provincie", "Limburg"}
    assert "Geannuleerd" in {e.title for e in selectors.upcoming_events(include_cancelled=True)}
    assert hogeland and province and everyone and limburg and finished


def test_places_left_counts_confirmed_people(world, event, people):
    register(event, people[0])
    listed = selectors.upcoming_events().get(pk=event.pk)
    assert (listed.confirmed_count, selectors.places_left(listed)) == (1, 1)
    register(event, people[1])
    register(event, people[2])
    listed = selectors.upcoming_events().get(pk=event.pk)
    assert (selectors.places_left(listed), listed.waitlist_count) == (0, 1)


def test_attendee_lists_are_for_the_organising_support_point_only(world, event, people):
    register(event, people[0])
    assert selectors.registrations_organised_by(world.consultant).count() == 1
    assert selectors.registrations_organised_by(world.other_consultant).count() == 0
    assert selectors.registrations_organised_by(world.coordinator).count() == 0
    assert selectors.registrations_organised_by(world.staff).count() == 1
    assert not selectors.events_organised_by(world.other_consultant).filter(pk=event.pk).exists()


def test_statistics_per_event_and_per_period(world, make_event, people):
    event = make_event(capacity=10)
    there = register(event, world.coordinator, organisation=world.organisation)
    register(event, world.other_coordinator, organisation=world.other_organisation)
    register(event, people[0])
    cancelled = register(event, people[1])
    services.registration_cancel(actor=people[1], registration=cancelled)
    services.attendance_record(actor=world.consultant, registration=there)
    past(event)
    services.evaluation_submit(actor=world.coordinator, registration=there, rating=8)
    stats = selectors.event_statistics(event)
    assert (stats.registrations, stats.confirmed, stats.cancelled, stats.attended, stats.no_shows) == (
        4,
        3,
        1,
        1,
        2,
    )
    assert stats.attendance_rate == pytest.approx(1 / 3)
    assert stats.organisations_reached == 2
    assert dict(stats.organisations_by_municipality) == {"Groningen": 1, "Oldambt": 1}
    assert dict(stats.organisations_by_sector) == {"Sport": 2}
    assert (stats.evaluations, stats.average_rating, stats.ratings) == (1, 8.0, {8: 1})
    today = timezone.localdate()
    period = selectors.period_statistics(
        world.consultant, date_from=today - timedelta(days=30), date_to=today
    )
    assert (period.events, period.attended) == (1, 1)
    assert (
        selectors.period_statistics(
            world.other_consultant, date_from=today - timedelta(days=30), date_to=today
        ).events
        == 0
    )
    rows = selectors.per_event_rows(world.consultant, date_from=today - timedelta(days=30), date_to=today)
    assert [(r["confirmed"], r["attended"], r["no_shows"], r["average_rating"]) for r in rows] == [
        (3, 1, 2, 8.0)
    ]
    workbook = load_workbook(io.BytesIO(documents.statistics_xlsx(rows=rows, totals=period)))
    assert workbook.sheetnames == ["Bijeenkomsten", "Totaal", "Organisaties bereikt"]
    assert date(2000, 1, 1)  # dates are local (Europe/Amsterdam) days


def test_outcomes_are_listed_for_each_organisation(world, event):
    past(event)
    services.outcome_save(actor=world.consultant, event=event, organisations_present=[world.organisation])
    services.idea_add(
        actor=world.consultant, event=event, title="Samen werven", organisations=[world.other_organisation]
    )
    (mine,) = selectors.outcomes_for_organisation(world.organisation)
    assert mine["event"] == event and mine["present"] and mine["ideas"] == []
    (theirs,) = selectors.outcomes_for_organisation(world.other_organisation)
    assert not theirs["present"] and [i.title for i in theirs["ideas"]] == ["Samen werven"]
    assert Event.objects.count() == 1
