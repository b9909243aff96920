"""Background work of the assessments app. Each task is idempotent: every email goes out through `send_once`."""

from django.tasks import task
from django.urls import reverse

from inzet.core.mail import send_once


@task
def send_campaign_invitations(campaign_id: int) -> int:
    """Invite the coordinators of the organisations recorded as invited. Returns the number of emails sent."""
    from inzet.assessments import selectors
    from inzet.assessments.models import Campaign
    from inzet.organisations.models import Organisation

    campaign = Campaign.objects.select_related("support_point", "instrument").filter(pk=campaign_id).first()
    if campaign is None:
        return 0
    sent = 0
    for organisation in campaign.invited_organisations.filter(status=Organisation.Status.APPROVED):
        sent += send_once(
            key=f"campaign_invitation:{campaign.pk}:{organisation.pk}",
            to=selectors.coordinator_emails(organisation),
            template_prefix="assessments/email/campaign_invitation",
            context={
                "campaign": campaign,
                "organisation": organisation,
                "url": reverse("assessments:organisation", args=[organisation.pk]),
            },
        )
    return sent


@task
def send_campaign_reminders(campaign_id: int) -> int:
    """One reminder per organisation in scope that has not handed in a questionnaire yet."""
    from inzet.assessments import selectors
    from inzet.assessments.models import Campaign, Response

    campaign = Campaign.objects.select_related("support_point", "instrument").filter(pk=campaign_id).first()
    if campaign is None:
        return 0
    done = set(
        Response.objects.filter(assessment__campaign=campaign, status=Response.Status.SUBMITTED).values_list(
            "assessment__organisation_id", flat=True
        )
    )
    sent = 0
    # Everyone who can still take part, also organisations approved since the start.
    for organisation in selectors.organisations_in_scope(campaign).exclude(pk__in=done):
        sent += send_once(
            key=f"campaign_reminder:{campaign.pk}:{organisation.pk}",
            to=selectors.coordinator_emails(organisation),
            template_prefix="assessments/email/campaign_reminder",
            context={
                "campaign": campaign,
                "organisation": organisation,
                "url": reverse("assessments:organisation", args=[organisation.pk]),
            },
        )
    return sent


@task
def send_respondent_invitation(invitation_id: int) -> bool:
    from inzet.assessments.models import RespondentInvitation

    invitation = (
        RespondentInvitation.objects.select_related(
            "assessment__organisation", "assessment__instrument", "invited_by"
        )
        .filter(pk=invitation_id)
        .first()
    )
    if invitation is None or not invitation.is_open:
        return False
    return send_once(
        key=f"respondent_invitation:{invitation.pk}",
        to=[invitation.email],
        template_prefix="assessments/email/respondent_invitation",
        context={
            "invitation": invitation,
            "assessment": invitation.assessment,
            "url": reverse("assessments:invitation", args=[invitation.token]),
        },
    )


@task
def send_mail_merge(mail_merge_id: int) -> int:
    """The consultant's message, to the coordinators of each chosen organisation, once per organisation."""
    from inzet.assessments import selectors
    from inzet.assessments.models import MailMerge
    from inzet.organisations.models import Organisation

    merge = MailMerge.objects.select_related("campaign__support_point").filter(pk=mail_merge_id).first()
    if merge is None:
        return 0
    sent = 0
    for organisation in Organisation.objects.filter(pk__in=merge.organisation_ids):
        sent += send_once(
            key=f"mail_merge:{merge.pk}:{organisation.pk}",
            to=selectors.coordinator_emails(organisation),
            template_prefix="assessments/email/mail_merge",
            context={"merge": merge, "campaign": merge.campaign, "organisation": organisation},
        )
    return sent


@task
def remind_campaigns(days_before: int = 7) -> int:
    """Daily: reminders for the campaigns whose deadline is near (see `campaign_send_reminders`)."""
    from inzet.assessments import services

    return services.campaign_send_reminders(days_before=days_before)
