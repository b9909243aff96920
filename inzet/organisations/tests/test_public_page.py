"""An organisation's public page lists its open vacancies and the coming meetings it takes part in, and says so
when there are none."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from inzet.events.models import Event, Registration
from inzet.factories import UserFactory, make_member
from inzet.vacancies.models import Vacancy
from inzet.vacancies.templatetags.vacancy_tags import ORGANISATION_PAGE_VACANCIES
from inzet.vacancies.tests.factories import VacancyFactory

pytestmark = pytest.mark.django_db


def public_page(client, organisation) -> str:
    response = client.get(reverse("organisations:detail", args=[organisation.pk]))
    assert response.status_code == 200
    return response.content.decode()


def event_of(world, title, *, starts_in: timedelta, **extra) -> Event:
    start = timezone.now() + starts_in
    return Event.objects.create(
        support_point=world.support_point,
        kind=Event.Kind.OPEN_CLUB,
        title=title,
        description="Samen verder.",
        venue_name="Dorpshuis",
        starts_at=start,
        ends_at=start + timedelta(hours=2),
        **extra,
    )


def register(event, organisation, *, status=Registration.Status.CONFIRMED):
    person = make_member(organisation, UserFactory())
    return Registration.objects.create(event=event, person=person, organisation=organisation, status=status)


def test_the_public_page_lists_open_vacancies_and_not_drafts_closed_or_expired_ones(world, client):
    VacancyFactory(organisation=world.organisation, title="Trainer onder 11")
    VacancyFactory(organisation=world.organisation, title="Kantinedienst", status=Vacancy.Status.DRAFT)
    VacancyFactory(organisation=world.organisation, title="Scheidsrechter", status=Vacancy.Status.CLOSED)
    VacancyFactory(
        organisation=world.organisation, title="Verlopen klus", expires_at=timezone.now() - timedelta(days=1)
    )
    VacancyFactory(organisation=world.other_organisation, title="Dirigent")

    page = public_page(client, world.organisation)

    assert "Open vacatures" in page and "Trainer onder 11" in page
    for not_listed in ("Kantinedienst", "Scheidsrechter", "Verlopen klus", "Dirigent"):
        assert not_listed not in page


def test_the_public_page_lists_coming_meetings_the_organisation_takes_part_in(world, client):
    coming = event_of(world, "Open Club Noord", starts_in=timedelta(days=7))
    register(coming, world.organisation)
    past = event_of(world, "Open Club van vorige maand", starts_in=timedelta(days=-30))
    register(past, world.organisation)
    cancelled = event_of(
        world, "Afgelaste training", starts_in=timedelta(days=3), status=Event.Status.CANCELLED
    )
    register(cancelled, world.organisation)
    withdrawn = event_of(world, "Doe-dag", starts_in=timedelta(days=5))
    register(withdrawn, world.organisation, status=Registration.Status.CANCELLED)
    elsewhere = event_of(world, "Regiobijeenkomst Oldambt", starts_in=timedelta(days=9))
    register(elsewhere, world.other_organisation)

    page = public_page(client, world.organisation)

    assert "Komende bijeenkomsten" in page and "Open Club Noord" in page
    for not_listed in ("vorige maand", "Afgelaste training", "Doe-dag", "Regiobijeenkomst Oldambt"):
        assert not_listed not in page


def test_a_meeting_shows_without_who_goes(world, client):
    coming = event_of(world, "Open Club Noord", starts_in=timedelta(days=7))
    registration = register(coming, world.organisation)

    page = public_page(client, world.organisation)

    assert "Open Club Noord" in page
    assert registration.person.name not in page and registration.person.email not in page


def test_without_vacancies_or_meetings_the_page_says_so_and_points_onwards(world, client):
    page = public_page(client, world.organisation)

    assert "Voetbalvereniging Oranje heeft nu geen open vacatures." in page
    assert "staat nog niet ingeschreven voor een komende bijeenkomst" in page
    assert f'href="{reverse("events:list")}?municipality=GM0014"' in page
    assert f'href="{reverse("vacancies:search")}"' in page


def test_a_pending_organisation_shows_its_coordinator_no_vacancy_or_meeting_lists(world, client):
    client.force_login(world.coordinator)

    page = public_page(client, world.pending_organisation)

    assert "Open vacatures" not in page and "Komende bijeenkomsten" not in page


def test_a_very_busy_organisation_shows_its_newest_vacancies_and_says_how_many_are_open(world, client):
    VacancyFactory.create_batch(ORGANISATION_PAGE_VACANCIES + 2, organisation=world.organisation)

    page = public_page(client, world.organisation)

    total = ORGANISATION_PAGE_VACANCIES + 2
    assert f"De {ORGANISATION_PAGE_VACANCIES} nieuwste van {total} open vacatures." in page
    assert page.count('<li class="inzet-card">') == ORGANISATION_PAGE_VACANCIES
