"""Downloads of the events domain: the certificate of attendance (PDF) and spreadsheets (XLSX)."""

from django.utils import timezone
from django.utils.translation import gettext as _

from inzet.core.documents import Sheet, render_pdf, xlsx_bytes
from inzet.events.models import Event, Registration
from inzet.events.selectors import EventStatistics


def certificate_available(registration: Registration) -> bool:
    """A certificate of attendance: for trainings, for people who were checked in."""
    event = registration.event
    return (
        event.kind == Event.Kind.TRAINING
        and not event.is_cancelled
        and registration.status == Registration.Status.CONFIRMED
        and registration.attended
    )


def certificate_pdf(registration: Registration) -> bytes:
    event = registration.event
    return render_pdf(
        "events/certificate_pdf.html",
        {
            "registration": registration,
            "event": event,
            "person_name": registration.person.name or registration.person.email,
            "programme": list(event.programme.all()),
            "issued_on": timezone.localdate(),
        },
    )


def registrations_xlsx(event: Event, registrations: list[Registration]) -> bytes:
    """Registrations and attendance of one event, with the answers to its questions as columns."""
    questions = list(event.questions.all())
    header = [
        _("Naam"),
        _("E-mailadres"),
        _("Organisatie"),
        _("Gemeente organisatie"),
        _("Status"),
        _("Plaats op wachtlijst"),
        _("Aangemeld op"),
        _("Aanwezig"),
        _("Ingecheckt om"),
        *[question.text for question in questions],
    ]
    rows = []
    for registration in registrations:
        organisation = registration.organisation
        answers = [_answer(registration.answers.get(question.answer_key)) for question in questions]
        rows.append(
            [
                registration.person.name,
                registration.person.email,
                organisation.name if organisation else "",
                organisation.municipality.name if organisation else "",
                registration.get_status_display(),
                registration.position,
                registration.created_at,
                registration.attended,
                registration.checked_in_at,
                *answers,
            ]
        )
    return xlsx_bytes([Sheet(title=_("Aanmeldingen"), header=header, rows=rows)])


def _answer(value):
    if value is True:
        return _("ja")
    if value is False:
        return _("nee")
    return value


def statistics_xlsx(*, rows: list[dict], totals: EventStatistics) -> bytes:
    """The statistics page as a workbook: one row per event, the totals, organisations reached."""
    events = Sheet(
        title=_("Bijeenkomsten"),
        header=[
            _("Datum"),
            _("Bijeenkomst"),
            _("Soort"),
            _("Status"),
            _("Plaatsen"),
            _("Aangemeld"),
            _("Wachtlijst"),
            _("Aanwezig"),
            _("Niet verschenen"),
            _("Gemiddeld cijfer"),
        ],
        rows=[
            [
                row["event"].starts_at,
                row["event"].title,
                row["event"].get_kind_display(),
                row["event"].get_status_display(),
                row["event"].capacity,
                row["confirmed"],
                row["waitlisted"],
                row["attended"],
                row["no_shows"],
                row["average_rating"],
            ]
            for row in rows
        ],
    )
    summary = Sheet(
        title=_("Totaal"),
        header=[_("Cijfer"), _("Waarde")],
        rows=[
            [_("Bijeenkomsten"), totals.events],
            [_("Aanmeldingen"), totals.registrations],
            [_("Bevestigd"), totals.confirmed],
            [_("Op de wachtlijst"), totals.waitlisted],
            [_("Afgemeld"), totals.cancelled],
            [_("Aanwezig"), totals.attended],
            [_("Niet verschenen"), totals.no_shows],
            [_("Opkomst"), totals.attendance_rate],
            [_("Organisaties bereikt"), totals.organisations_reached],
            [_("Evaluaties"), totals.evaluations],
            [_("Gemiddeld cijfer"), totals.average_rating],
        ],
    )
    reached = Sheet(
        title=_("Organisaties bereikt"),
        header=[_("Gemeente of sector"), _("Soort"), _("Organisaties")],
        rows=[[name, _("gemeente"), count] for name, count in totals.organisations_by_municipality]
        + [[name, _("sector"), count] for name, count in totals.organisations_by_sector],
    )
    return xlsx_bytes([events, summary, reached])
