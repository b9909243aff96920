"""Reads of the assessments app, scoped to the person asking. Report aggregates live in `reports.py`."""

from datetime import date

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from inzet.accounts.models import Membership
from inzet.accounts.selectors import municipality_ids_of_officer, municipality_ids_served_by
from inzet.assessments.models import Assessment, Campaign, Instrument, Item, RespondentInvitation, Response
from inzet.organisations.models import Organisation


def published_instruments() -> QuerySet[Instrument]:
    return Instrument.objects.filter(status=Instrument.Status.PUBLISHED).order_by("name", "-version")


def newer_version_of(instrument: Instrument) -> Instrument | None:
    """The published version that replaced this one, if any (shown to people still answering the old one)."""
    return (
        Instrument.objects.filter(
            slug=instrument.slug, version__gt=instrument.version, status=Instrument.Status.PUBLISHED
        )
        .order_by("-version")
        .first()
    )


def assessments_visible_to(user) -> QuerySet[Assessment]:
    """Measurements this person may know exist: of their organisations, ones they answer, ones in their area."""
    qs = Assessment.objects.select_related("organisation", "instrument", "campaign")
    if user.is_authenticated and user.is_staff:
        return qs
    if not user.is_authenticated:
        return qs.none()
    visible = (
        Q(organisation__memberships__user=user)
        | Q(responses__respondent=user)
        | Q(organisation__municipality__in=municipality_ids_served_by(user))
    )
    return qs.filter(pk__in=Assessment.objects.filter(visible).values("pk"))


def responses_visible_to(user) -> QuerySet[Response]:
    return Response.objects.select_related(
        "assessment__organisation", "assessment__instrument", "respondent"
    ).filter(assessment__in=assessments_visible_to(user).values("pk"))


def assessments_of_organisation(organisation: Organisation) -> QuerySet[Assessment]:
    return (
        organisation.assessments.select_related("instrument", "campaign")
        .annotate(
            submitted=Count(
                "responses", filter=Q(responses__status=Response.Status.SUBMITTED), distinct=True
            ),
            in_progress=Count(
                "responses", filter=Q(responses__status=Response.Status.IN_PROGRESS), distinct=True
            ),
        )
        .order_by("-created_at", "-pk")
    )


def responses_of(user) -> QuerySet[Response]:
    """This person's own questionnaires (replaced ones left out)."""
    return (
        Response.objects.filter(respondent=user)
        .exclude(status=Response.Status.REPLACED)
        .select_related("assessment__organisation", "assessment__instrument")
        .order_by("status", "-updated_at", "-pk")
    )


def respondents_of(assessment: Assessment) -> QuerySet[Response]:
    return (
        assessment.responses.exclude(status=Response.Status.REPLACED)
        .select_related("respondent")
        .order_by("respondent__name", "respondent__email", "pk")
    )


def open_respondent_invitations(assessment: Assessment) -> QuerySet[RespondentInvitation]:
    return assessment.invitations.filter(accepted_at__isnull=True, revoked_at__isnull=True)


def respondent_invitation_get_open(token) -> RespondentInvitation | None:
    return (
        RespondentInvitation.objects.select_related("assessment__organisation", "assessment__instrument")
        .filter(token=token, accepted_at__isnull=True, revoked_at__isnull=True)
        .first()
    )


def items_for(assessment: Assessment) -> list[Item]:
    """The items this measurement asks, in order: all of them, or the essential ones for a small organisation."""
    qs = assessment.instrument.items.select_related("dimension").order_by(
        "dimension__position", "position", "pk"
    )
    if assessment.essential_only:
        qs = qs.filter(essential=True)
    return list(qs)


def pages_for(assessment: Assessment) -> list:
    """The dimensions that have items to answer for this measurement: the pages of the questionnaire."""
    items = items_for(assessment)
    seen, pages = set(), []
    for item in items:
        if item.dimension_id not in seen:
            seen.add(item.dimension_id)
            pages.append(item.dimension)
    return pages


# Campaigns


def campaigns_visible_to(user) -> QuerySet[Campaign]:
    """Campaigns of the support points this person works for, and campaigns covering an officer's municipality."""
    qs = Campaign.objects.select_related("support_point", "instrument")
    if user.is_authenticated and user.is_staff:
        return qs
    if not user.is_authenticated:
        return qs.none()
    visible = Q(support_point__staff_memberships__user=user) | Q(
        municipalities__in=municipality_ids_of_officer(user)
    )
    return qs.filter(pk__in=Campaign.objects.filter(visible).values("pk"))


def organisations_in_scope(campaign: Campaign) -> QuerySet[Organisation]:
    """The approved organisations a campaign invites: in its municipalities and, if it names any, its sectors."""
    qs = Organisation.objects.filter(
        status=Organisation.Status.APPROVED, municipality__in=campaign.municipalities.values("code")
    )
    if campaign.sectors.exists():
        qs = qs.filter(sectors__in=campaign.sectors.values("pk"))
    return Organisation.objects.filter(pk__in=qs.values("pk")).order_by("name", "pk")


def open_campaigns_for(organisation: Organisation, *, today: date | None = None) -> QuerySet[Campaign]:
    """Campaigns that invite this organisation and are open today."""
    today = today or timezone.localdate()
    if not organisation.is_approved:
        return Campaign.objects.none()
    qs = Campaign.objects.filter(
        starts_on__lte=today, deadline__gte=today, municipalities=organisation.municipality_id
    ).filter(Q(sectors__isnull=True) | Q(sectors__in=organisation.sectors.values("pk")))
    return (
        Campaign.objects.filter(pk__in=qs.values("pk"))
        .select_related("support_point", "instrument")
        .order_by("deadline", "pk")
    )


def coordinator_emails(organisation: Organisation) -> list[str]:
    emails = list(
        organisation.memberships.filter(role=Membership.Role.COORDINATOR).values_list(
            "user__email", flat=True
        )
    )
    return emails or [organisation.contact_email]
