"""Events in the API: the public list with its filters, one event, and an organiser's registrations."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from inzet.events import services
from inzet.factories import UserFactory

pytestmark = pytest.mark.django_db


def make_event(world, **overrides):
    start = (timezone.localtime() + timedelta(days=10)).replace(hour=19, minute=30, second=0, microsecond=0)
    data = {
        "kind": "open_club",
        "title": "Open Club Uithuizen",
        "description": "Besturen houden elkaar een spiegel voor.",
        "venue_name": "Dorpshuis De Schakel",
        "city": "Uithuizen",
        "starts_at": start,
        "ends_at": start + timedelta(hours=2),
        "capacity": 1,
    }
    data.update(overrides)
    return services.event_create(actor=world.consultant, support_point=world.support_point, **data)


def test_anyone_lists_upcoming_events_with_places_left_and_filters(world, client):
    open_club = make_event(world)
    make_event(world, kind="training", title="Werven van jongeren", capacity=None)
    services.registration_create(actor=UserFactory(), event=open_club)
    services.registration_create(actor=UserFactory(), event=open_club)  # full: waiting list

    rows = client.get(reverse("api:event_list")).json()["results"]
    by_title = {row["title"]: row for row in rows}
    assert by_title["Open Club Uithuizen"]["places_left"] == 0
    assert by_title["Open Club Uithuizen"]["waiting_list"] == 1
    assert by_title["Werven van jongeren"]["places_left"] is None
    assert by_title["Open Club Uithuizen"]["url"].endswith(open_club.get_absolute_url())

    trainings = client.get(reverse("api:event_list"), {"kind": "training"}).json()["results"]
    assert [row["title"] for row in trainings] == ["Werven van jongeren"]
    later = (timezone.localdate() + timedelta(days=30)).isoformat()
    assert client.get(reverse("api:event_list"), {"date_from": later}).json()["results"] == []
    detail = client.get(reverse("api:event_detail", args=[open_club.pk])).json()
    assert detail["kind"] == "open_club" and detail["capacity"] == 1


def test_nonsense_filters_are_ignored_not_errors(world, client):
    make_event(world)
    for params in (
        {"kind": "'; drop"},
        {"date_from": "gisteren"},
        {"date_to": "2026-13-45"},
        {"municipality": "x" * 500},
        {"province": "PV99"},
        {"audience": "iedereen"},
    ):
        assert client.get(reverse("api:event_list"), params).status_code == 200
    assert client.get(reverse("api:event_detail", args=[999999])).status_code == 404


def test_the_organiser_reads_the_registrations_in_order(world, client):
    event = make_event(world)
    first, second = UserFactory(name="Eerste Aanmelder"), UserFactory(name="Tweede Aanmelder")
    services.registration_create(actor=first, event=event)
    services.registration_create(actor=second, event=event)

    client.force_login(world.consultant)
    rows = client.get(reverse("api:organised_event_registrations", args=[event.pk])).json()["results"]
    assert [(row["name"], row["status"], row["position"]) for row in rows] == [
        ("Eerste Aanmelder", "confirmed", None),
        ("Tweede Aanmelder", "waitlisted", 1),
    ]


def test_attendee_lists_stay_with_the_organisers(world, client):
    event = make_event(world)
    services.registration_create(actor=world.volunteer, event=event)
    url = reverse("api:organised_event_registrations", args=[event.pk])
    for persona in (world.other_consultant, world.coordinator, world.volunteer, world.officer):
        client.force_login(persona)
        assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code in (401, 403)
