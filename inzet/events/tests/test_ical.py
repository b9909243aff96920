"""iCalendar output, parsed back with `icalendar`: local times with TZID=Europe/Amsterdam, right across DST."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar

from inzet.events import ical, services

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def parse(content: bytes) -> Calendar:
    return Calendar.from_ical(content)


def test_it_writes_times_in_amsterdam_time_on_both_sides_of_a_dst_change(world, make_event):
    # The last Sunday of October 2027 (31st): clocks go back at 03:00. The last Sunday of March 2027 (28th):
    # clocks go forward at 02:00. A 10:00 start is 09:00 UTC in October (CET) and 08:00 UTC in March (CEST).
    october = make_event(
        starts_at=datetime(2027, 10, 31, 10, 0, tzinfo=AMSTERDAM),
        ends_at=datetime(2027, 10, 31, 12, 0, tzinfo=AMSTERDAM),
    )
    march = make_event(
        starts_at=datetime(2027, 3, 28, 10, 0, tzinfo=AMSTERDAM),
        ends_at=datetime(2027, 3, 28, 12, 0, tzinfo=AMSTERDAM),
    )
    content = ical.calendar_ics([march, october], name="Bijeenkomsten")
    assert b"DTSTART;TZID=Europe/Amsterdam:20271031T100000" in content
    assert b"DTSTART;TZID=Europe/Amsterdam:20270328T100000" in content
    calendar = parse(content)
    (vtimezone,) = calendar.walk("VTIMEZONE")
    assert vtimezone["TZID"] == "Europe/Amsterdam"
    # The VTIMEZONE in the file alone gives the right offsets (a client without a tz database relies on it).
    file_zone = vtimezone.to_tz()
    starts = {e["UID"]: e.decoded("DTSTART") for e in calendar.walk("VEVENT")}
    assert starts[ical.event_uid(october)].astimezone(UTC) == datetime(2027, 10, 31, 9, 0, tzinfo=UTC)
    assert starts[ical.event_uid(march)].astimezone(UTC) == datetime(2027, 3, 28, 8, 0, tzinfo=UTC)
    assert datetime(2027, 10, 31, 10, 0, tzinfo=file_zone).utcoffset() == timedelta(hours=1)
    assert datetime(2027, 10, 30, 10, 0, tzinfo=file_zone).utcoffset() == timedelta(hours=2)
    assert datetime(2027, 3, 28, 10, 0, tzinfo=file_zone).utcoffset() == timedelta(hours=2)
    assert datetime(2027, 3, 27, 10, 0, tzinfo=file_zone).utcoffset() == timedelta(hours=1)


def test_one_event_has_a_stable_uid_its_place_programme_and_link(world, event):
    first = parse(ical.event_ics(event)).walk("VEVENT")[0]
    again = parse(ical.event_ics(event)).walk("VEVENT")[0]
    assert first["UID"] == again["UID"] == f"event-{event.pk}@127.0.0.1"
    assert first["STATUS"] == "CONFIRMED"
    assert "Hoofdstraat 1" in first["LOCATION"]
    assert "19:30 Ontvangst" in first["DESCRIPTION"]
    assert first["URL"].endswith(event.get_absolute_url())


def test_a_cancelled_event_is_status_cancelled_with_a_higher_sequence(world, event):
    services.event_cancel(actor=world.consultant, event=event, reason="Zaal onbeschikbaar")
    event.refresh_from_db()
    vevent = parse(ical.event_ics(event)).walk("VEVENT")[0]
    assert vevent["STATUS"] == "CANCELLED"
    assert vevent.decoded("SEQUENCE") == 1
    assert vevent["UID"] == ical.event_uid(event)


def test_the_feed_holds_upcoming_events_cancelled_ones_too_and_can_be_one_province(world, make_event, client):
    groningen = make_event(title="In Groningen", province="PV20")
    make_event(title="In Limburg", province="PV31")
    cancelled = make_event(title="Gaat niet door")
    services.event_cancel(actor=world.consultant, event=cancelled)
    from django.urls import reverse

    response = client.get(reverse("events:feed"))
    assert response["Content-Type"].startswith("text/calendar")
    summaries = {str(e["SUMMARY"]) for e in parse(response.content).walk("VEVENT")}
    assert summaries == {"In Groningen", "In Limburg", "Geannuleerd: Gaat niet door"}
    response = client.get(reverse("events:feed_province", args=["PV20"]))
    summaries = {str(e["SUMMARY"]) for e in parse(response.content).walk("VEVENT")}
    assert "In Groningen" in summaries and "In Limburg" not in summaries
    assert groningen.pk
    assert client.get(reverse("events:feed_province", args=["PV99"])).status_code == 404
