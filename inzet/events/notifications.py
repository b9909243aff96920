"""Who is told what, for each happening around an event. Called from the `notify` task only."""

from django.urls import reverse

from inzet.accounts.models import Membership
from inzet.core.mail import send_once
from inzet.events import ical
from inzet.events.models import Event, Registration
from inzet.organisations.models import Organisation

REGISTRATION_KINDS = {
    "registration_confirmed",
    "registration_waitlisted",
    "registration_promoted",
    "event_cancelled",
    "event_reminder",
    "evaluation_request",
}


def _ics_attachment(event: Event) -> list[tuple[str, bytes, str]]:
    # Sent only to people with a place (or whose place the cancellation ends): the online link is theirs.
    return [("bijeenkomst.ics", ical.event_ics(event, with_online_link=True), "text/calendar")]


def send(*, kind: str, object_id: int, organisation_id: int | None = None) -> bool:
    if kind in REGISTRATION_KINDS:
        registration = (
            Registration.objects.select_related("event__support_point", "person", "organisation")
            .filter(pk=object_id)
            .first()
        )
        if registration is None:
            return False
        event = registration.event
        context = {
            "registration": registration,
            "event": event,
            "url": event.get_absolute_url(),
            "cancel_url": registration.get_cancel_url(),
            "my_url": reverse("events:my_registrations"),
        }
        attachments = None
        if kind in ("registration_confirmed", "registration_promoted", "event_reminder"):
            # Someone who lost their place (or the event) in the meantime is not told to come.
            if registration.status != Registration.Status.CONFIRMED or event.is_cancelled:
                return False
            attachments = _ics_attachment(event)
        if kind == "registration_waitlisted" and registration.status != Registration.Status.WAITLISTED:
            return False
        if kind == "evaluation_request":
            context["url"] = reverse("events:evaluate", args=[registration.pk])
        if kind == "event_cancelled":
            attachments = _ics_attachment(event)  # STATUS:CANCELLED takes it out of the person's calendar
        return send_once(
            key=f"{kind}:{registration.pk}",
            to=[registration.person.email],
            template_prefix=f"events/email/{kind}",
            context=context,
            attachments=attachments,
        )

    if kind == "event_invitation":
        event = Event.objects.select_related("support_point").filter(pk=object_id).first()
        organisation = Organisation.objects.filter(pk=organisation_id).first()
        if event is None or organisation is None or event.is_cancelled:
            return False
        coordinators = organisation.memberships.filter(role=Membership.Role.COORDINATOR).values_list(
            "user__email", flat=True
        )
        return send_once(
            key=f"{kind}:{event.pk}:{organisation.pk}",
            to=[organisation.contact_email, *coordinators],
            template_prefix="events/email/event_invitation",
            context={"event": event, "organisation": organisation, "url": event.get_absolute_url()},
        )
    raise ValueError(f"unknown notification kind {kind!r}")
