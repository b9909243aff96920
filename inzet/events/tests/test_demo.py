"""The demo meetings and trainings that `manage.py load_demo` builds (through the real services)."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from inzet.accounts.models import User
from inzet.events import selectors
from inzet.events.models import Evaluation, Event, EventSeries, Idea, Registration

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded():
    call_command("load_demo", force=True, stdout=StringIO())


def test_the_demo_has_an_open_club_series_in_het_hogeland_with_a_full_session_and_a_waiting_list(loaded):
    series = EventSeries.objects.get(title="Open Club Het Hogeland")
    assert series.support_point.name == "Vrijwilligerscentrale"
    sessions = list(selectors.series_events(series))
    assert len(sessions) == 3 and all(s.starts_at > timezone.now() for s in sessions)
    assert all(list(s.municipalities.values_list("code", flat=True)) == ["GM1966"] for s in sessions)
    first, second, _third = sessions
    assert (first.confirmed_count, first.waitlist_count, selectors.places_left(first)) == (10, 3, 0)
    volunteer = User.objects.get(email="vrijwilliger@inzet.example")
    assert first.registrations.get(person=volunteer).position == 3
    assert selectors.places_left(second) == 1


def test_the_demo_has_each_kind_of_upcoming_event_with_registrations_from_demo_accounts(loaded):
    kinds = set(selectors.upcoming_events().values_list("kind", flat=True))
    assert {"open_club", "regiobijeenkomst", "training", "provinciale_kennisdag"} <= kinds
    training = Event.objects.get(title="Werven van jongeren")
    question = training.questions.get()
    assert "dieetwensen" in question.text.lower()
    coordinator = User.objects.get(email="coordinator@inzet.example")
    mine = training.registrations.get(person=coordinator)
    assert mine.answers == {question.answer_key: "Vegetarisch"}
    assert mine.organisation.name == "Muziekvereniging Concordia Zuidhorn"
    member = User.objects.get(email="lid@inzet.example")
    assert Registration.objects.filter(person=member, status="confirmed").count() == 2
    assert Event.objects.get(kind="provinciale_kennisdag").province_id == "PV20"


def test_the_demos_past_session_has_attendance_an_outcome_with_two_ideas_and_evaluations(loaded, client):
    past = Event.objects.get(ends_at__lt=timezone.now())
    stats = selectors.event_statistics(past)
    assert stats.attended == 6 and stats.no_shows == 1
    assert stats.evaluations == 4 and 7 <= stats.average_rating <= 9
    assert Idea.objects.filter(outcome__event=past).count() == 2
    assert past.outcome.organisations_present.count() == 6
    coordinator = User.objects.get(email="coordinator@inzet.example")
    mine = past.registrations.get(person=coordinator)
    assert mine.attended and not Evaluation.objects.filter(registration=mine).exists()  # left to try
    client.force_login(coordinator)
    assert 'name="rating"' in client.get(reverse("events:evaluate", args=[mine.pk])).text
    consultant = User.objects.get(email="consulent@inzet.example")
    assert selectors.events_organised_by(consultant).count() == Event.objects.count() == 7


def test_loading_the_demo_again_adds_no_events(loaded):
    before = (Event.objects.count(), Registration.objects.count(), Evaluation.objects.count())
    call_command("load_demo", force=True, stdout=StringIO())
    assert (Event.objects.count(), Registration.objects.count(), Evaluation.objects.count()) == before
