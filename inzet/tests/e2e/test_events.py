"""A consultant creates an Open Club series, two people register (the second is waitlisted), the first cancels and
the second is promoted, attendance is taken and an outcome with an idea is recorded. axe on every page."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from inzet.events.models import Event

pytestmark = pytest.mark.django_db(transaction=True)


def local(days: int, hour: int) -> str:
    moment = (timezone.localtime() + timedelta(days=days)).replace(hour=hour, minute=30)
    return moment.strftime("%Y-%m-%dT%H:%M")


def test_an_open_club_series_from_creation_to_outcome(live_server, page, accessible, log_in, world):
    base = live_server.url

    # The consultant creates a series of three Open Club sessions with one place each.
    log_in(world.consultant)
    page.goto(base + reverse("events:manage"))
    accessible(page)
    page.goto(base + reverse("events:series_create"))
    accessible(page)
    page.get_by_label("Titel").fill("Open Club Het Hogeland")
    page.get_by_label("Omschrijving").fill(
        "Besturen houden elkaar een spiegel voor en kijken wat samen beter kan."
    )
    page.get_by_label("Aantal plaatsen").fill("1")
    for number, days in enumerate((7, 21, 35)):
        page.locator(f"#id_sessions-{number}-starts_at").fill(local(days, 19))
        page.locator(f"#id_sessions-{number}-ends_at").fill(local(days, 21))
        page.locator(f"#id_sessions-{number}-venue_name").fill("Dorpshuis De Schakel")
        page.locator(f"#id_sessions-{number}-city").fill("Uithuizen")
    page.get_by_role("button", name="Reeks aanmaken").click()
    expect(page.get_by_role("status")).to_contain_text("De reeks is aangemaakt")
    expect(page.get_by_role("main")).to_contain_text("(3/3)")
    accessible(page)
    page.get_by_role("link", name="Open Club Het Hogeland (1/3)").click()
    first_session = page.url

    # The coordinator takes the one place ...
    log_in(world.coordinator)
    page.goto(first_session)
    accessible(page)
    page.get_by_role("link", name="Aanmelden").click()
    accessible(page)
    page.get_by_role("button", name="Aanmelden").click()
    expect(page.get_by_role("status")).to_be_visible()
    accessible(page)

    # ... so the volunteer joins the waiting list.
    log_in(world.volunteer)
    page.goto(first_session)
    page.get_by_role("link", name="Op de wachtlijst").click()
    page.get_by_role("button", name="Aanmelden").click()
    expect(page.get_by_role("status")).to_contain_text("wachtlijst")

    # The coordinator cancels; the volunteer moves up and is told by email.
    log_in(world.coordinator)
    page.goto(base + reverse("events:my_registrations"))
    accessible(page)
    page.get_by_role("link", name="Afmelden").first.click()
    accessible(page)
    mail.outbox.clear()
    page.get_by_role("button", name="Ja, afmelden").click()
    expect(page.get_by_role("status")).to_be_visible()
    assert any(world.volunteer.email in message.to for message in mail.outbox)
    log_in(world.volunteer)
    page.goto(base + reverse("events:my_registrations"))
    expect(page.get_by_role("main")).to_contain_text("aangemeld")
    accessible(page)

    # The evening has come: the consultant takes attendance and records what came out of it.
    event_pk = int(first_session.rstrip("/").rsplit("/", 1)[1])
    now = timezone.now()
    Event.objects.filter(pk=event_pk).update(
        starts_at=now - timedelta(hours=1), ends_at=now + timedelta(hours=1)
    )
    log_in(world.consultant)
    page.goto(base + reverse("events:attendees", args=[event_pk]))
    accessible(page)
    page.goto(base + reverse("events:checkin", args=[event_pk]))
    accessible(page)
    page.get_by_role("button", name="tik om aan te melden als aanwezig").click()
    expect(page.get_by_role("status")).to_contain_text("1 van 1 aanwezig")
    accessible(page)
    page.goto(base + reverse("events:outcome", args=[event_pk]))
    accessible(page)
    page.get_by_label("Verslag").fill("Zes besturen; veel zorg over vergrijzing.")
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_label("Idee of gedeelde ambitie").fill("Samen jongeren werven op het Hogeland College")
    page.get_by_role("button", name="Idee toevoegen").click()
    expect(page.get_by_role("main")).to_contain_text("Samen jongeren werven op het Hogeland College")
    accessible(page)
    page.goto(first_session)
    expect(page.get_by_role("main")).to_contain_text("Samen jongeren werven op het Hogeland College")
    accessible(page)
