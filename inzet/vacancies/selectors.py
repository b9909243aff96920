"""Reads of the vacaturebank, scoped to the person asking. Search and matching live in search.py / matching.py."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, DateField, F, Q, QuerySet
from django.db.models.functions import TruncMonth
from django.utils import timezone

from inzet.accounts.selectors import municipality_ids_served_by
from inzet.organisations.models import Organisation, Sector
from inzet.places.selectors import Location
from inzet.vacancies.models import (
    Mediation,
    Placement,
    Response,
    SavedSearch,
    Vacancy,
    VolunteerProfile,
)


def open_vacancies() -> QuerySet[Vacancy]:
    return Vacancy.objects.filter(status=Vacancy.Status.PUBLISHED).filter(
        Q(expires_at__isnull=True) | Q(expires_at__gt=timezone.now())
    )


def open_vacancies_of_organisation(organisation: Organisation) -> QuerySet[Vacancy]:
    """What the organisation's public page lists: its open vacancies, newest first."""
    return (
        open_vacancies()
        .filter(organisation=organisation)
        .select_related("sector", "municipality")
        .order_by(F("published_at").desc(nulls_last=True), "-pk")
    )


@dataclass(frozen=True)
class VacancybankFigures:
    """The home page's numbers: how many vacancies are open, and the sectors with the most of them."""

    open_count: int
    popular_sectors: list[Sector]  # each with `open_count`, most first


POPULAR_SECTORS = 6


def vacancybank_figures() -> VacancybankFigures:
    """Counted over the whole vacaturebank (at national scale a few hundred thousand rows), so kept in the cache
    for INZET_HOME_FIGURES_CACHE_SECONDS: the home page is the most visited page and may lag a few minutes."""

    def count() -> VacancybankFigures:
        per_sector = list(
            open_vacancies().values("sector_id").annotate(total=Count("pk")).order_by("-total", "sector_id")
        )
        sectors = Sector.objects.in_bulk([row["sector_id"] for row in per_sector[:POPULAR_SECTORS]])
        popular = []
        for row in per_sector[:POPULAR_SECTORS]:
            sector = sectors[row["sector_id"]]
            sector.open_count = row["total"]
            popular.append(sector)
        return VacancybankFigures(open_count=sum(row["total"] for row in per_sector), popular_sectors=popular)

    return cache.get_or_set("vacancies:figures", count, settings.INZET_HOME_FIGURES_CACHE_SECONDS)


def newest_open_vacancies(
    *, near: Location | None = None, radius_km: float | None = None, limit: int = 6
) -> list[Vacancy]:
    """The newest open vacancies; with `near`, only those within radius_km of it (each with `distance_km`).

    Through the search (sorted newest), so the list is the first page of what "show all" opens.
    """
    from inzet.vacancies.search import VacancyQuery, vacancy_search  # search.py imports this module

    query = VacancyQuery(origin=near, radius_km=radius_km if near is not None else None, sort="newest")
    return list(vacancy_search(query)[:limit])


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


def saved_searches_of(user) -> QuerySet[SavedSearch]:
    """A person's own saved searches, newest first; nobody sees another's (their URLs are a 404)."""
    if not user.is_authenticated:
        return SavedSearch.objects.none()
    return SavedSearch.objects.filter(owner=user)


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


@dataclass
class ActivityCounts:
    """What the vacaturebank did for one organisation, municipality or month."""

    responses: int = 0
    mediations: int = 0
    placements_started: int = 0
    placements_ended: int = 0

    def add(self, other: "ActivityCounts") -> None:
        for name in COUNTED:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def is_empty(self) -> bool:
        return not any(getattr(self, name) for name in COUNTED)


COUNTED = ("responses", "mediations", "placements_started", "placements_ended")


@dataclass
class OrganisationActivity:
    name: str
    counts: ActivityCounts


@dataclass
class MunicipalityActivity:
    name: str
    counts: ActivityCounts  # the subtotal of its organisations
    organisations: list[OrganisationActivity]


@dataclass
class ActivityReport:
    start: date
    end: date
    months: list[tuple[date, ActivityCounts]]  # every month of the period, first day; empty months included
    municipalities: list[MunicipalityActivity]  # only those with activity, by name
    total: ActivityCounts


def activity_report(user, *, start: date, end: date) -> ActivityReport:
    """Responses, mediations and placements (started, ended) in [start, end], per organisation with
    municipality subtotals, and per month, for the municipalities the user's support point serves (all for
    platform staff).

    Four grouped queries, one per kind of event, each counting per organisation and month in the database;
    the few hundred resulting rows are folded together here.
    """
    organisations = Organisation.objects.all()
    if not user.is_staff:
        organisations = organisations.filter(municipality__in=municipality_ids_served_by(user))
    organisation_ids = organisations.values("pk")
    sources = {
        "responses": Response.objects.filter(
            created_at__date__range=(start, end), vacancy__organisation__in=organisation_ids
        ).values(org=F("vacancy__organisation_id"), month=_month("created_at")),
        "mediations": Mediation.objects.filter(
            created_at__date__range=(start, end), vacancy__organisation__in=organisation_ids
        ).values(org=F("vacancy__organisation_id"), month=_month("created_at")),
        "placements_started": Placement.objects.filter(
            start_date__range=(start, end), organisation__in=organisation_ids
        ).values(org=F("organisation_id"), month=TruncMonth("start_date")),
        "placements_ended": Placement.objects.filter(
            end_date__range=(start, end), organisation__in=organisation_ids
        ).values(org=F("organisation_id"), month=TruncMonth("end_date")),
    }
    per_organisation: dict[int, ActivityCounts] = defaultdict(ActivityCounts)
    per_month: dict[date, ActivityCounts] = {month: ActivityCounts() for month in months_between(start, end)}
    for name, rows in sources.items():
        for row in rows.annotate(count=Count("pk")).order_by():
            setattr(
                per_organisation[row["org"]],
                name,
                getattr(per_organisation[row["org"]], name) + row["count"],
            )
            month = per_month.setdefault(row["month"], ActivityCounts())
            setattr(month, name, getattr(month, name) + row["count"])

    by_municipality: dict[str, MunicipalityActivity] = {}
    for organisation in (
        Organisation.objects.filter(pk__in=per_organisation)
        .select_related("municipality")
        .order_by("municipality__name", "name")
    ):
        counts = per_organisation[organisation.pk]
        municipality = by_municipality.setdefault(
            organisation.municipality.name,
            MunicipalityActivity(organisation.municipality.name, ActivityCounts(), []),
        )
        municipality.counts.add(counts)
        municipality.organisations.append(OrganisationActivity(organisation.name, counts))
    total = ActivityCounts()
    for municipality in by_municipality.values():
        total.add(municipality.counts)
    return ActivityReport(
        start=start,
        end=end,
        months=sorted(per_month.items()),
        municipalities=list(by_municipality.values()),
        total=total,
    )


def _month(field: str) -> TruncMonth:
    # The month in the platform's time zone, as a date (the first of the month).
    return TruncMonth(field, output_field=DateField())


def months_between(start: date, end: date) -> list[date]:
    """The first day of every month from start's month to end's month, inclusive."""
    months, month = [], start.replace(day=1)
    while month <= end:
        months.append(month)
        month = (month + timedelta(days=32)).replace(day=1)
    return months
