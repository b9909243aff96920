"""Events as iCalendar (RFC 5545): one event as an .ics download or e-mail attachment, and subscribable feeds.

Times are written in local time with TZID=Europe/Amsterdam and a VTIMEZONE that covers the events' years, so a
calendar shows 10:00 as 10:00 on both sides of a daylight-saving change. UIDs are stable (`event-<id>@<host>`):
a calendar that fetches the feed again updates the event instead of adding a copy, and sees a cancellation.
"""

from collections.abc import Iterable
from datetime import date
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Timezone
from icalendar import Event as CalendarEvent

from inzet.events.models import Event

TZID = "Europe/Amsterdam"
AMSTERDAM = ZoneInfo(TZID)
CONTENT_TYPE = "text/calendar; charset=utf-8"


def event_uid(event: Event) -> str:
    host = urlsplit(settings.SITE_URL).hostname or "inzet.invalid"
    return f"event-{event.pk}@{host}"


def event_ics(event: Event, *, with_online_link: bool = False) -> bytes:
    """One event, for a download or an e-mail attachment. The link of an online event only for those who may
    see it (permission events.view_online_link): a public download or feed leaves it out."""
    return calendar_ics([event], name=event.title, with_online_link=with_online_link)


def calendar_ics(events: Iterable[Event], *, name: str, with_online_link: bool = False) -> bytes:
    events = list(events)
    with translation.override(settings.LANGUAGE_CODE):
        calendar = Calendar()
        calendar.add("prodid", f"-//{settings.SITE_NAME}//Bijeenkomsten//NL")
        calendar.add("version", "2.0")
        calendar.add("calscale", "GREGORIAN")
        calendar.add("method", "PUBLISH")
        calendar.add("x-wr-calname", name)
        calendar.add("x-wr-timezone", TZID)
        calendar.add_component(_timezone(events))
        for event in events:
            calendar.add_component(_vevent(event, with_online_link=with_online_link))
    return calendar.to_ical()


def _timezone(events: list[Event]) -> Timezone:
    # Only the transitions of the years the events fall in: a feed stays small and correct.
    years = [e.starts_at.astimezone(AMSTERDAM).year for e in events] or [date.today().year]
    return Timezone.from_tzid(
        TZID, first_date=date(min(years) - 1, 1, 1), last_date=date(max(years) + 2, 1, 1)
    )


def _vevent(event: Event, *, with_online_link: bool) -> CalendarEvent:
    vevent = CalendarEvent()
    vevent.add("uid", event_uid(event))
    vevent.add("dtstamp", event.updated_at)
    vevent.add("last-modified", event.updated_at)
    vevent.add("created", event.created_at)
    vevent.add("dtstart", event.starts_at.astimezone(AMSTERDAM))
    vevent.add("dtend", event.ends_at.astimezone(AMSTERDAM))
    vevent.add("summary", event.title if not event.is_cancelled else f"{_('Geannuleerd')}: {event.title}")
    vevent.add("description", _description(event, with_online_link=with_online_link))
    location = event.location_text or (event.online_url if with_online_link else _("Online"))
    if location:
        vevent.add("location", location)
    vevent.add("url", f"{settings.SITE_URL}{event.get_absolute_url()}")
    vevent.add("categories", [event.get_kind_display()])
    vevent.add("status", "CANCELLED" if event.is_cancelled else "CONFIRMED")
    # Calendars take a higher sequence as "this is newer"; the cancellation is the one change that must win.
    vevent.add("sequence", 1 if event.is_cancelled else 0)
    if event.support_point.email:
        vevent.add("organizer", f"mailto:{event.support_point.email}")
    return vevent


def _description(event: Event, *, with_online_link: bool) -> str:
    parts = [event.description]
    programme = list(event.programme.all())
    if programme:
        parts.append(
            _("Programma:") + "\n" + "\n".join(f"{item.time:%H:%M} {item.title}" for item in programme)
        )
    if event.online_url and with_online_link:
        parts.append(_("Online deelnemen:") + f" {event.online_url}")
    elif event.online_url:
        parts.append(_("De link voor online deelname krijg je na aanmelden."))
    if event.is_cancelled and event.cancel_reason:
        parts.append(_("Geannuleerd:") + f" {event.cancel_reason}")
    parts.append(f"{settings.SITE_URL}{event.get_absolute_url()}")
    return "\n\n".join(parts)
