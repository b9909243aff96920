"""Found in review: the online link stays with those who have a place, far-off dates are no error, no-shows are
not asked to evaluate, and an organiser's list keeps confirmed, waiting, cancelled in that order."""

from datetime import timedelta

from django.core import mail
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from inzet.events import services
from inzet.events.models import Evaluation


def test_the_online_link_is_only_for_people_with_a_place(world, client, make_event, people):
    event = make_event(online_url="https://vergader.example.org/geheim", capacity=5)
    for url in (
        reverse("events:ics", args=[event.pk]),
        reverse("events:feed"),
        reverse("events:series", args=[event.pk]) if event.series_id else reverse("events:list"),
        reverse("api:event_list"),
        reverse("api:event_detail", args=[event.pk]),
    ):
        assert "vergader.example.org" not in client.get(url).content.decode(), url
    assert client.get(reverse("api:event_detail", args=[event.pk])).json()["online"] is True

    mail.outbox.clear()
    services.registration_create(actor=people[0], event=event)
    (confirmation,) = [m for m in mail.outbox if people[0].email in m.to]
    (ics,) = [content for _name, content, _type in confirmation.attachments]
    assert "vergader.example.org" in Calendar.from_ical(ics).walk("VEVENT")[0]["description"]
    client.force_login(people[0])
    assert "vergader.example.org" in client.get(reverse("events:ics", args=[event.pk])).content.decode()
    assert "vergader.example.org" in client.get(event.get_absolute_url()).content.decode()


def test_far_off_dates_in_filters_are_no_error(world, client, make_event):
    make_event()
    client.force_login(world.consultant)
    for url, params in (
        (reverse("events:list"), {"date_to": "9999-12-31"}),
        (reverse("events:list"), {"date_from": "0001-01-01"}),
        (reverse("api:event_list"), {"date_to": "9999-12-31", "date_from": "0001-01-01"}),
        (reverse("events:statistics"), {"date_from": "2020-01-01", "date_to": "9999-12-31"}),
    ):
        assert client.get(url, params).status_code == 200, params


def test_no_shows_are_not_asked_once_the_attendees_have_evaluated(world, make_event, people):
    event = make_event(capacity=5)
    present = services.registration_create(actor=people[0], event=event)
    services.registration_create(actor=people[1], event=event)  # does not come
    services.attendance_record(actor=world.consultant, registration=present)
    now = timezone.now()
    type(event).objects.filter(pk=event.pk).update(
        starts_at=now - timedelta(hours=3), ends_at=now - timedelta(hours=1)
    )
    mail.outbox.clear()
    assert services.evaluation_requests_send() == 1
    Evaluation.objects.create(registration=present, rating=8)
    assert services.evaluation_requests_send() == 0
    assert [m.to for m in mail.outbox] == [[people[0].email]]


def test_the_organiser_gets_confirmed_then_waiting_then_cancelled(world, client, make_event, people):
    event = make_event(capacity=1)
    first = services.registration_create(actor=people[0], event=event)
    services.registration_create(actor=people[1], event=event)
    services.registration_create(actor=people[2], event=event)
    services.registration_cancel(actor=people[0], registration=first)  # people[1] moves up
    client.force_login(world.consultant)
    rows = client.get(reverse("api:organised_event_registrations", args=[event.pk])).json()["results"]
    assert [row["status"] for row in rows] == ["confirmed", "waitlisted", "cancelled"]
