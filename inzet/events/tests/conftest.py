"""Fixtures of the events tests: events of `world.support_point` in Groningen, registrations by new people."""

from datetime import time, timedelta

import pytest
from django.utils import timezone

from inzet.events import services
from inzet.factories import UserFactory


def event_data(**overrides):
    start = (timezone.localtime() + timedelta(days=10)).replace(hour=19, minute=30, second=0, microsecond=0)
    data = {
        "kind": "open_club",
        "title": "Open Club Groningen-Noord",
        "description": "Besturen houden elkaar een spiegel voor.",
        "venue_name": "Dorpshuis De Schakel",
        "address": "Hoofdstraat 1",
        "postcode": "9981 aa",
        "city": "Uithuizen",
        "starts_at": start,
        "ends_at": start + timedelta(hours=2),
        "capacity": 2,
        "basic_functions": ["expertise", "innovation"],
    }
    data.update(overrides)
    return data


@pytest.fixture
def make_event(world):
    def make(**overrides):
        programme = overrides.pop("programme", [{"time": time(19, 30), "title": "Ontvangst"}])
        questions = overrides.pop("questions", [])
        return services.event_create(
            actor=world.consultant,
            support_point=world.support_point,
            programme=programme,
            questions=questions,
            **event_data(**overrides),
        )

    return make


@pytest.fixture
def event(make_event):
    return make_event()


@pytest.fixture
def people(db):
    return [UserFactory(email=f"deelnemer{n}@example.org") for n in range(6)]
