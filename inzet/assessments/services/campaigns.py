"""Campaigns of a support point: invite a municipality's organisations, remind them, and mail a group of them."""

from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from inzet.accounts.models import User
from inzet.assessments import reports, selectors, tasks
from inzet.assessments.models import Campaign, Dimension, Instrument, MailMerge
from inzet.collaboration.models import SupportTheme
from inzet.core import audit
from inzet.core.errors import ApplicationError, NotAllowed
from inzet.organisations.models import Organisation, Sector, SupportPoint
from inzet.places.models import Municipality

REMIND_DAYS_BEFORE = 7


def _required(**values) -> None:
    missing = [
        name for name, value in values.items() if not (value.strip() if isinstance(value, str) else value)
    ]
    if missing:
        raise ApplicationError(
            _("Vul alle verplichte velden in."),
            {"fields": {name: _("Dit veld is verplicht.") for name in missing}},
        )


@transaction.atomic
def campaign_create(
    *,
    actor: User,
    support_point: SupportPoint,
    instrument: Instrument,
    title: str,
    starts_on: date,
    deadline: date,
    municipalities: list[Municipality],
    sectors: list[Sector] | None = None,
    invitation_text: str,
) -> Campaign:
    """A consultant invites the organisations of some of their municipalities (and sectors) to an instrument."""
    if not actor.has_perm("assessments.run_campaign", support_point):
        raise NotAllowed(_("Je mag geen campagne starten voor dit steunpunt."))
    _required(title=title, invitation_text=invitation_text, municipalities=municipalities)
    if instrument.status != Instrument.Status.PUBLISHED:
        message = _("Kies een gepubliceerde vragenlijst.")
        raise ApplicationError(message, {"fields": {"instrument": message}})
    if deadline < starts_on:
        message = _("De einddatum ligt voor de begindatum.")
        raise ApplicationError(message, {"fields": {"deadline": message}})
    if deadline < timezone.localdate():
        message = _("De einddatum ligt in het verleden.")
        raise ApplicationError(message, {"fields": {"deadline": message}})
    served = set(support_point.municipalities.values_list("code", flat=True))
    outside = sorted(m.name for m in municipalities if m.code not in served)
    if outside:
        message = _("%(point)s werkt niet in: %(names)s.") % {
            "point": support_point.name,
            "names": ", ".join(outside),
        }
        raise ApplicationError(message, {"fields": {"municipalities": message}})
    campaign = Campaign.objects.create(
        support_point=support_point,
        instrument=instrument,
        title=title.strip(),
        starts_on=starts_on,
        deadline=deadline,
        invitation_text=invitation_text.strip(),
        created_by=actor,
    )
    campaign.municipalities.set(municipalities)
    campaign.sectors.set(sectors or [])
    campaign_record_invited(campaign=campaign)
    audit.log(
        actor,
        "campaign.created",
        campaign,
        {
            "instrument": instrument.slug,
            "version": instrument.version,
            "municipalities": sorted(m.code for m in municipalities),
            "sectors": sorted(s.slug for s in sectors or []),
        },
    )
    tasks.send_campaign_invitations.enqueue(campaign.pk)
    return campaign


def campaign_record_invited(*, campaign: Campaign) -> None:
    """Record the organisations in the campaign's scope now as invited (the response rate's denominator)."""
    campaign.invited_organisations.add(
        *selectors.organisations_in_scope(campaign).values_list("pk", flat=True)
    )


def campaign_send_reminders(*, today: date | None = None, days_before: int = REMIND_DAYS_BEFORE) -> int:
    """Queue reminders for open campaigns whose deadline is at most `days_before` days away.

    Run daily; each organisation gets one reminder per campaign however often this runs. Returns the number of
    campaigns whose reminders were queued.
    """
    today = today or timezone.localdate()
    campaigns = Campaign.objects.filter(
        starts_on__lte=today, deadline__gte=today, deadline__lte=today + timedelta(days=days_before)
    )
    count = 0
    for campaign_id in campaigns.values_list("pk", flat=True):
        tasks.send_campaign_reminders.enqueue(campaign_id)
        count += 1
    return count


def mail_merge_recipients(
    *, campaign: Campaign, theme: SupportTheme | None = None, dimension: Dimension | None = None
) -> list[Organisation]:
    """Organisations of the campaign that asked for `theme`, or that score low on `dimension`."""
    if theme is not None:
        ids = reports.organisations_asking_for(campaign, theme_slug=theme.slug)
    elif dimension is not None:
        ids = reports.organisations_low_on(campaign, dimension_id=dimension.pk)
    else:
        ids = []
    return list(Organisation.objects.filter(pk__in=ids).order_by("name"))


@transaction.atomic
def mail_merge_create(
    *,
    actor: User,
    campaign: Campaign,
    subject: str,
    message: str,
    theme: SupportTheme | None = None,
    dimension: Dimension | None = None,
) -> MailMerge:
    """Send one message (e.g. an invitation to a round-table talk) to the coordinators of a group of organisations."""
    if not actor.has_perm("assessments.send_mail_merge", campaign):
        raise NotAllowed(_("Je mag de organisaties van deze campagne niet mailen."))
    _required(subject=subject, message=message)
    if "\n" in subject or "\r" in subject:
        # A line break in a mail header would make every message fail to send (or smuggle in a header).
        error = _("Het onderwerp moet op één regel.")
        raise ApplicationError(error, {"fields": {"subject": error}})
    if (theme is None) == (dimension is None):
        text = _("Kies een thema of een krachtveld.")
        raise ApplicationError(text, {"fields": {"target": text}})
    if dimension is not None and dimension.instrument_id != campaign.instrument_id:
        raise ApplicationError(_("Dit veld hoort niet bij de vragenlijst van deze campagne."))
    recipients = mail_merge_recipients(campaign=campaign, theme=theme, dimension=dimension)
    if not recipients:
        text = _("Geen enkele organisatie hoort bij deze keuze; er is niets verstuurd.")
        raise ApplicationError(text, {"fields": {"target": text}})
    merge = MailMerge.objects.create(
        campaign=campaign,
        subject=subject.strip(),
        message=message.strip(),
        theme=theme,
        dimension=dimension,
        organisation_ids=[organisation.pk for organisation in recipients],
        created_by=actor,
    )
    audit.log(
        actor,
        "campaign.mail_merge_sent",
        campaign,
        {
            "subject": merge.subject,
            "theme": theme and theme.slug,
            "dimension": dimension and dimension.slug,
            "organisations": len(recipients),
        },
    )
    tasks.send_mail_merge.enqueue(merge.pk)
    return merge
