"""Reads of the vacaturebank, scoped to the person asking. Search and matching live in search.py / matching.py."""

from datetime import date

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from inzet.accounts.selectors import municipality_ids_served_by
from inzet.organisations.models import Organisation
from inzet.vacancies.models import Mediation, Placement, Response, Vacancy, VolunteerProfile


def open_vacancies() -> QuerySet[Vacancy]:
    return Vacancy.objects.filter(status=Vacancy.Status.PUBLISHED).filter(
        Q(expires_at__isnull=True) | Q(expires_at__gt=timezone.now())
    )


def vacancies_visible_to(user) -> QuerySet[Vacancy]:
    """Open vacancies for everyone; drafts and closed ones only for their organisation and its consultants."""
    qs = Vacancy.objects.select_related("organisation", "municipality", "sector")
    if user.is_authenticated and user.is_staff:
        return qs
    visible = Q(pk__in=open_vacancies().values("pk"))
    if user.is_authenticated:
        visible |= Q(organisation__memberships__user=user)
        visible |= Q(organisation__municipality__in=municipality_ids_served_by(user))
    return qs.filter(pk__in=Vacancy.objects.filter(visible).values("pk"))


def vacancies_of_organisation(organisation: Organisation) -> QuerySet[Vacancy]:
    return (
        organisation.vacancies.annotate(
            open_responses=Count("responses", filter=Q(responses__status__in=Response.OPEN_STATUSES))
        )
        .select_related("sector")
        .order_by("status", "-updated_at")
    )


def vacancy_review_queue_for(user) -> QuerySet[Vacancy]:
    qs = Vacancy.objects.filter(status=Vacancy.Status.SUBMITTED).select_related(
        "organisation", "municipality"
    )
    if not user.is_staff:
        qs = qs.filter(organisation__municipality__in=municipality_ids_served_by(user))
    return qs.order_by("updated_at", "pk")


def responses_visible_to(user) -> QuerySet[Response]:
    """Responses carry personal data: the volunteer, the organisation responded to, consultants of its area."""
    qs = Response.objects.select_related("vacancy__organisation", "volunteer")
    if user.is_authenticated and user.is_staff:
        return qs
    if not user.is_authenticated:
        return qs.none()
    visible = Q(volunteer=user) | Q(vacancy__organisation__memberships__user=user)
    visible |= Q(vacancy__organisation__municipality__in=municipality_ids_served_by(user))
    return qs.filter(pk__in=Response.objects.filter(visible).values("pk"))


def responses_for_vacancy(vacancy: Vacancy) -> QuerySet[Response]:
    return vacancy.responses.select_related("volunteer").order_by("status", "created_at")


def responses_of_volunteer(user) -> QuerySet[Response]:
    return (
        Response.objects.filter(volunteer=user)
        .select_related("vacancy__organisation")
        .order_by("-created_at")
    )


def unanswered_responses_for(user) -> QuerySet[Response]:
    """Responses the organisation has not touched for 10 working days, in the consultant's area."""
    qs = Response.objects.filter(status=Response.Status.NEW, escalated_at__isnull=False).select_related(
        "vacancy__organisation", "volunteer"
    )
    if not user.is_staff:
        qs = qs.filter(vacancy__organisation__municipality__in=municipality_ids_served_by(user))
    return qs.order_by("created_at")


def profile_of(user) -> VolunteerProfile | None:
    if not user.is_authenticated:
        return None
    return (
        VolunteerProfile.objects.filter(user=user)
        .prefetch_related("sectors", "activity_types", "skills")
        .first()
    )


def mediation_candidates_for(user) -> QuerySet[VolunteerProfile]:
    """Volunteers who asked for mediation and live in the consultant's area."""
    qs = VolunteerProfile.objects.filter(allows_mediation=True).select_related("user", "municipality")
    if not user.is_staff:
        qs = qs.filter(municipality__in=municipality_ids_served_by(user))
    return qs.order_by("-updated_at")


def mediations_for(user) -> QuerySet[Mediation]:
    qs = Mediation.objects.select_related("vacancy__organisation", "volunteer", "consultant")
    if not user.is_staff:
        qs = qs.filter(vacancy__organisation__municipality__in=municipality_ids_served_by(user))
    return qs.order_by("-created_at")


def placements_for(user) -> QuerySet[Placement]:
    qs = Placement.objects.select_related("vacancy", "organisation", "volunteer")
    if not user.is_staff:
        qs = qs.filter(organisation__municipality__in=municipality_ids_served_by(user))
    return qs.order_by("-start_date", "-pk")


def placements_visible_to(user) -> QuerySet[Placement]:
    qs = Placement.objects.select_related("vacancy__organisation", "volunteer")
    if user.is_authenticated and user.is_staff:
        return qs
    if not user.is_authenticated:
        return qs.none()
    visible = Q(volunteer=user) | Q(organisation__memberships__user=user)
    visible |= Q(organisation__municipality__in=municipality_ids_served_by(user))
    return qs.filter(pk__in=Placement.objects.filter(visible).values("pk"))


def activity_counts(user, *, start: date, end: date) -> list[dict]:
    """Responses, mediations and placements per organisation (with its municipality) in [start, end]."""
    organisations = Organisation.objects.all()
    if not user.is_staff:
        organisations = organisations.filter(municipality__in=municipality_ids_served_by(user))
    rows = (
        organisations.annotate(
            responses=Count(
                "vacancies__responses",
                filter=Q(vacancies__responses__created_at__date__range=(start, end)),
                distinct=True,
            ),
            mediations=Count(
                "vacancies__mediations",
                filter=Q(vacancies__mediations__created_at__date__range=(start, end)),
                distinct=True,
            ),
            placements_started=Count(
                "placements", filter=Q(placements__start_date__range=(start, end)), distinct=True
            ),
        )
        .filter(Q(responses__gt=0) | Q(mediations__gt=0) | Q(placements_started__gt=0))
        .select_related("municipality")
        .order_by("municipality__name", "name")
    )
    return [
        {
            "organisation": row.name,
            "municipality": row.municipality.name,
            "responses": row.responses,
            "mediations": row.mediations,
            "placements": row.placements_started,
        }
        for row in rows
    ]
