"""Vacancy search (the vacaturebank's search box, the API's ``?q=``) and the SQL building blocks that matching
shares.

One function, ``vacancy_search(VacancyQuery)``, on both databases: the filters (place and radius, sector, kind
of work, moments, hours, duration, suitability) are plain SQL; the text is planned per word in Python against
the index's vocabulary and matched in the index (``search_text.py``; PostgreSQL: a weighted tsvector with a
GIN index, SQLite: a regular expression on the same terms), so that both find the same vacancies.

Order: relevance (with a text), distance or newest. With a text, only the newest ``RANK_LIMIT`` matches are
ranked (a common word matches most vacancies of the country) and the count stops after ``COUNT_LIMIT``
("meer dan 1.000"): both bound the work of a broad search at national scale.

Distance: a bounding box on the indexed ``(status, lat, lon)`` columns, then the exact haversine distance
computed in SQL with Django's math functions (which Django also registers for SQLite).

Remote work: when the searcher asks for ``remote_possible``, the radius is not applied (the place of a
vacancy that can be done from home does not limit who can do it); ``distance_km`` still reports the real
distance, so sorting by distance puts the nearby ones first.
"""

import math
import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime

from django.db import connection
from django.db.models import (
    Exists,
    F,
    FloatField,
    Func,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Value,
)

from inzet.organisations.models import Sector
from inzet.places.geo import EARTH_RADIUS_KM
from inzet.places.selectors import Location
from inzet.vacancies import availability, search_text
from inzet.vacancies.models import Commitment, Vacancy
from inzet.vacancies.selectors import open_vacancies

TEXT_SEARCH_CONFIG = "inzet_dutch"  # created by migration 0003
MIN_RADIUS_KM, MAX_RADIUS_KM = 1.0, 300.0
MAX_TEXT_LENGTH = 200  # characters of cleaned query text that reach the database
MAX_WORDS = 10
SORTS = ("relevance", "distance", "newest")
SUITABILITY_FLAGS = (
    "suits_mdt",
    "suits_simple_dutch",
    "suits_newcomers",
    "suits_disability",
    "remote_possible",
)
KM_PER_DEGREE_LAT = math.pi * EARTH_RADIUS_KM / 180
BITS = 21  # availability: 7 days × 3 parts of the day
# What a result list shows (the search page's cards, the API's list); the detail page loads the rest. Tests
# hold the page and the API to a fixed number of queries whatever the number of results, so a field used but
# missing here fails them.
RESULT_FIELDS = (
    "title",
    "description",
    "activities",
    "status",
    "availability",
    "hours_per_week",
    "commitment",
    "start_date",
    "end_date",
    "places",
    "requires_vog",
    "minimum_age",
    *SUITABILITY_FLAGS,
    "expenses_reimbursed",
    "insured",
    "published_at",
    "expires_at",
    "organisation__name",
    "sector__slug",
    "sector__name",
    "sector__name_en",
    "municipality__name",
)
MAX_HOURS = 40  # a vacancy asks at most this many hours a week (model validator)
COUNT_LIMIT = 1000  # counted exactly up to here; beyond, "meer dan 1.000"
RANK_LIMIT = 1000  # with a text, the newest this many matches are ranked by relevance
FALLBACK_BELOW = search_text.FALLBACK_BELOW


@dataclass(frozen=True)
class VacancyQuery:
    text: str = ""
    origin: Location | None = None
    radius_km: float | None = None  # clamped to 1..300; None = no distance filter
    sector_slugs: tuple[str, ...] = ()
    activity_type_slugs: tuple[str, ...] = ()
    availability: int = 0  # 21-bit mask; the vacancy must overlap when non-zero
    max_hours: int | None = None  # vacancy.hours_per_week <= max_hours
    commitment: str = ""  # a Commitment value or ""
    suits_mdt: bool = False
    suits_simple_dutch: bool = False
    suits_newcomers: bool = False
    suits_disability: bool = False
    remote_possible: bool = False  # True = the vacancy must have the flag
    sort: str = "relevance"  # "relevance" | "distance" | "newest"
    published_after: datetime | None = None  # only vacancies published later (a saved search's alert)


def is_postgres() -> bool:
    return connection.vendor == "postgresql"


# --- shared SQL building blocks (also used by matching) ---------------------------------------------------


def clamp_radius(radius_km) -> float | None:
    """1..300 km; None for anything that is not a number."""
    try:
        radius = float(radius_km)
    except (TypeError, ValueError, OverflowError):
        return None
    if math.isnan(radius):
        return None
    return min(MAX_RADIUS_KM, max(MIN_RADIUS_KM, radius))


def usable_origin(origin) -> Location | None:
    if origin is None:
        return None
    try:
        lat, lon = float(origin.lat), float(origin.lon)
    except (AttributeError, TypeError, ValueError):
        return None
    if not (math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    return origin


class DistanceKm(Func):
    """Haversine distance in km from a fixed point to the row's coordinates.

    Same formula and earth radius as ``inzet.places.geo.distance_km``, so SQL and Python agree. Written as one
    node of SQL text (RADIANS, SIN, COS, ASIN, SQRT and POWER exist in PostgreSQL and Django registers them for
    SQLite) rather than ~25 expression nodes: Django hashes and compares the nodes of every expression it
    orders or filters on, and that cost several milliseconds per search.
    """

    output_field = FloatField()

    def __init__(self, lat: float, lon: float, *, lat_field: str = "lat", lon_field: str = "lon"):
        super().__init__(F(lat_field), F(lon_field))
        self.origin = (float(lat), float(lon))

    def as_sql(self, compiler, connection, **extra_context):
        lat_sql, lat_params = compiler.compile(self.source_expressions[0])
        lon_sql, lon_params = compiler.compile(self.source_expressions[1])
        lat, lon = self.origin
        # LEAST guards ASIN against a rounding error just above 1 (PostgreSQL would raise "out of range").
        least = "MIN" if connection.vendor == "sqlite" else "LEAST"
        sql = (
            f"(%s * ASIN({least}(1.0, SQRT("
            f"POWER(SIN(RADIANS({lat_sql} - %s) / 2.0), 2)"
            f" + %s * COS(RADIANS({lat_sql})) * POWER(SIN(RADIANS({lon_sql} - %s) / 2.0), 2)"
            "))))"
        )
        params = (
            2 * EARTH_RADIUS_KM,
            *lat_params,
            lat,
            math.cos(math.radians(lat)),
            *lat_params,
            *lon_params,
            lon,
        )
        return sql, params


def distance_expression(
    lat: float, lon: float, *, lat_field: str = "lat", lon_field: str = "lon"
) -> DistanceKm:
    """Haversine distance in km from (lat, lon) to the row's coordinates, as a SQL expression."""
    return DistanceKm(lat, lon, lat_field=lat_field, lon_field=lon_field)


def bounding_box_q(
    lat: float, lon: float, radius_km: float, *, lat_field: str = "lat", lon_field: str = "lon"
) -> Q:
    """A box that contains the circle, expressed on plain columns so that a B-tree index can serve it."""
    dlat = radius_km / KM_PER_DEGREE_LAT
    widest = math.radians(min(89.0, abs(lat) + dlat))
    dlon = min(180.0, radius_km / (KM_PER_DEGREE_LAT * math.cos(widest)))
    return Q(**{f"{lat_field}__gte": lat - dlat, f"{lat_field}__lte": lat + dlat}) & Q(
        **{f"{lon_field}__gte": lon - dlon, f"{lon_field}__lte": lon + dlon}
    )


def within_radius(qs: QuerySet, origin: Location, radius_km: float) -> QuerySet:
    """Rows within radius_km of origin, annotated with ``distance_km``: box first (index), then exact."""
    return (
        qs.filter(bounding_box_q(origin.lat, origin.lon, radius_km))
        .annotate(distance_km=distance_expression(origin.lat, origin.lon))
        .filter(distance_km__lte=radius_km)
    )


class BitCount(Func):
    """How many of the 21 availability bits of an integer expression are set.

    PostgreSQL counts natively (``bit_count`` on a ``bit(21)``); elsewhere a sum of shifted bits. Built as
    SQL text rather than 21 expression nodes: the score expressions are compiled on every call.
    """

    output_field = IntegerField()
    arity = 1

    def as_sql(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.source_expressions[0])
        terms = " + ".join(f"((({sql}) >> {position}) & 1)" for position in range(BITS))
        return f"({terms})", tuple(params) * BITS

    def as_postgresql(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.source_expressions[0])
        return f"bit_count(CAST(({sql}) AS bit({BITS})))", params


# --- text --------------------------------------------------------------------------------------------------

_NUL_AND_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")  # letters and digits, hyphenated words kept whole


def clean_text(text) -> str:
    """The words of a search string as typed, safe to show and to keep: no quotes, operators, NULs or lone
    surrogates, at most MAX_WORDS words and MAX_TEXT_LENGTH characters. Empty when nothing is left."""
    if not isinstance(text, str):
        return ""
    text = text[: MAX_TEXT_LENGTH * 20].encode("utf-8", "ignore").decode("utf-8")
    text = _NUL_AND_CONTROL.sub(" ", unicodedata.normalize("NFC", text))
    words = [word for word in _WORD.findall(text) if len(word) > 1][:MAX_WORDS]
    return " ".join(words)[:MAX_TEXT_LENGTH].strip()


# --- the search ----------------------------------------------------------------------------------------------


class SearchResults:
    """What ``vacancy_search`` returns: the matching open vacancies, best first, counted and sliced like a
    queryset (Django's Paginator and DRF's pagination take it as it is).

    A slice is one SQL statement that ranks on the vacancy table alone and joins organisation, sector and
    municipality for the rows of that slice only (``WHERE id IN (SELECT id ... ORDER BY ... LIMIT 20)``), as
    one would write it by hand: joining every candidate before the sort made a city search twice as slow.
    The rows carry ``distance_km`` (None without an origin) and, with a text, ``relevance``.

    ``count()`` stops at ``COUNT_LIMIT + 1``: beyond that the page says "meer dan 1.000" (``count_capped``);
    an exact count of a broad search at national scale costs a second. ``text`` is the plan of the query
    text (corrections, unknown words; None without text) and ``any_word`` says that too few vacancies had
    all the words, so those with some of them are shown as well.
    """

    def __init__(
        self,
        ranked: QuerySet,
        annotations: dict,
        ordering: list,
        *,
        matching: QuerySet,
        text: search_text.TextPlan | None = None,
        any_word: bool = False,
    ):
        self.ranked = ranked  # the ordered candidates (vacancy table only)
        self.matching = matching  # every match, unordered: what is counted
        self._annotations = annotations
        self._ordering = ordering
        self.text = text
        self.any_word = any_word
        self._count = None

    def count(self) -> int:
        if self._count is None:
            self._count = self.matching.values("pk")[: COUNT_LIMIT + 1].count()
        return self._count

    @property
    def count_capped(self) -> bool:
        return self.count() > COUNT_LIMIT

    @property
    def count_limit(self) -> int:
        """What a capped count shows: "meer dan 1.000", never the 1.001 that ``count()`` stopped at."""
        return COUNT_LIMIT

    def __len__(self) -> int:
        return self.count()

    def __iter__(self):
        return iter(self[:])

    def __getitem__(self, key):
        if isinstance(key, int):
            rows = self[key : key + 1]
            if not rows:
                raise IndexError(key)
            return rows[0]
        return list(
            Vacancy.objects.filter(pk__in=self.ranked.values("pk")[key])
            .select_related("organisation", "sector", "municipality")
            .only(*RESULT_FIELDS)
            .annotate(**self._annotations)
            .order_by(*self._ordering)
        )


def vacancy_search(query: VacancyQuery) -> SearchResults:
    """Open vacancies matching the query, ordered, with ``distance_km`` (see SearchResults).

    Never raises on odd input: out-of-range numbers are clamped, unknown values ignored.
    """
    qs = open_vacancies()
    annotations: dict = {}

    origin = usable_origin(query.origin)
    radius = clamp_radius(query.radius_km) if query.radius_km is not None else None
    if origin is not None:
        annotations["distance_km"] = distance_expression(origin.lat, origin.lon)
        if radius is not None and not query.remote_possible:
            qs = within_radius(qs, origin, radius)
    else:
        annotations["distance_km"] = Value(None, output_field=FloatField())

    sector_slugs = [slug for slug in _strings(query.sector_slugs) if slug]
    if sector_slugs:
        qs = qs.filter(sector_id__in=Sector.objects.filter(slug__in=sector_slugs).values("pk"))
    activity_slugs = [slug for slug in _strings(query.activity_type_slugs) if slug]
    if activity_slugs:
        through = Vacancy.activity_types.through
        qs = qs.filter(
            Exists(through.objects.filter(vacancy_id=OuterRef("pk"), activitytype__slug__in=activity_slugs))
        )

    mask = _as_int(query.availability)
    mask = mask & availability.ALL if mask and mask > 0 else 0
    if mask:
        qs = qs.alias(availability_overlap=F("availability").bitand(mask)).filter(availability_overlap__gt=0)

    max_hours = _as_int(query.max_hours)
    if max_hours is not None and 1 <= max_hours < MAX_HOURS:
        qs = qs.filter(hours_per_week__lte=max_hours)
    if query.commitment in Commitment.values:
        qs = qs.filter(commitment=query.commitment)
    required_flags = {flag: True for flag in SUITABILITY_FLAGS if getattr(query, flag) is True}
    if required_flags:
        qs = qs.filter(**required_flags)
    if isinstance(query.published_after, datetime):
        qs = qs.filter(published_at__gt=query.published_after)

    newest = [F("published_at").desc(nulls_last=True), "-pk"]
    sort = query.sort if query.sort in SORTS else "relevance"
    plan = search_text.plan_text(clean_text(query.text))
    any_word = False
    if plan is not None:
        if not plan.found:
            qs = qs.none()  # words, but none of them in the index (nor close to a word that is)
        elif len(plan.found) == 1:
            qs = qs.filter(search_text.all_words_match(plan))
        else:
            every_word = qs.filter(search_text.all_words_match(plan))
            any_word = every_word.values("pk")[:FALLBACK_BELOW].count() < FALLBACK_BELOW
            qs = qs.filter(search_text.any_word_matches(plan)) if any_word else every_word
        annotations["relevance"] = search_text.relevance(plan)
    matching = qs

    if sort == "distance" and origin is not None:
        ordering = ["distance_km", *newest]
    elif sort == "relevance" and plan is not None:
        ordering = ["-relevance", *newest]
        # Rank the newest RANK_LIMIT matches only (found through the (status, published_at) index): a common
        # word matches most vacancies of the country, and ranking them all costs seconds.
        candidates = qs.order_by(*newest).values("pk")[:RANK_LIMIT]
        qs = Vacancy.objects.filter(pk__in=candidates)
    else:
        ordering = newest
    ranked = qs.annotate(
        **{name: annotations[name] for name in annotations if name not in qs.query.annotations}
    )
    return SearchResults(
        ranked.order_by(*ordering), annotations, ordering, matching=matching, text=plan, any_word=any_word
    )


def _strings(values) -> list[str]:
    if isinstance(values, str):
        values = (values,)
    try:
        return [value for value in values if isinstance(value, str)][:50]
    except TypeError:
        return []


def _as_int(value) -> int | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        return int(value)
    except (TypeError, ValueError, OverflowError):
        return None


# --- keeping the index current: search_text.vacancy_search_index_update -------------------------------------

vacancy_search_index_update = search_text.vacancy_search_index_update
search_terms_refresh = search_text.search_terms_refresh
