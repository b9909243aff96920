"""Vacancy search (the vacaturebank's search box) and the SQL building blocks that matching shares.

Two engines behind one function, chosen by the database:

PostgreSQL
    Dutch full-text search on ``Vacancy.search_vector`` (text search configuration ``inzet_dutch`` = the Dutch
    snowball stemmer behind ``unaccent``, created by migration 0003, GIN index), OR'ed with ``pg_trgm`` word
    similarity on the title (GIN trigram index) so that typos still find. Relevance is ``ts_rank`` plus the
    trigram similarity. Everything, distance included, is one SQL query.

SQLite (the embedded fallback)
    Every word of the query must occur in title, activities, description or organisation name, matched with a
    case-insensitive regular expression that Django's SQLite backend evaluates (``REGEXP``). The pattern
    tolerates accents (``cafe`` finds ``café``), one typo per word of five letters or more (a letter missing,
    extra or wrong; not a swap of two letters) and a few Dutch plural endings (``vrijwilligers`` →
    ``vrijwilliger``, ``kinderen`` → ``kinder``). A word also matches inside a longer word (``voetbal`` finds
    ``voetbalvereniging``). There is no real stemmer (``bomen`` does not find ``boom``), typo tolerance reaches
    every field rather than the title only, and relevance is a count of words found in the title (3) or
    elsewhere (1). Common Dutch stop words are ignored, as PostgreSQL does.

Distance, on both: a bounding box on the indexed ``(status, lat, lon)`` columns, then the exact haversine
distance computed in SQL with Django's math functions (which Django also registers for SQLite).

Remote work: when the searcher asks for ``remote_possible``, the radius is not applied (the place of a
vacancy that can be done from home does not limit who can do it); ``distance_km`` still reports the real
distance, so sorting by distance puts the nearby ones first.
"""

import math
import re
import unicodedata
from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector, TrigramWordSimilarity
from django.db import connection
from django.db.models import (
    Case,
    Exists,
    ExpressionWrapper,
    F,
    FloatField,
    Func,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    TextField,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Concat

from inzet.organisations.models import Organisation, Sector
from inzet.places.geo import EARTH_RADIUS_KM
from inzet.places.selectors import Location
from inzet.vacancies import availability
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
_WORD = re.compile(r"[^\W_]+")  # letters and digits; "_" separates like punctuation

STOP_WORDS = frozenset(
    """aan al alles als bij dan dat de der des die dit door een en er had heb hebben het hij hoe iets ik in is
    je jij kan me met mij na naar niet nog of om ook op over te tot u uit van veel voor was wat we wel wie wij
    zal ze zich zij zijn zo zonder""".split()
)


def clean_text(text) -> str:
    """The words of a search string, ready for any database: no quotes, operators, NULs or lone surrogates,
    at most MAX_WORDS words and MAX_TEXT_LENGTH characters. Empty when nothing searchable is left."""
    if not isinstance(text, str):
        return ""
    text = text[: MAX_TEXT_LENGTH * 20].encode("utf-8", "ignore").decode("utf-8")
    text = _NUL_AND_CONTROL.sub(" ", unicodedata.normalize("NFC", text))
    # Single characters ("auto's" → "auto", "s") would match nearly everything on the fallback.
    words = [word for word in _WORD.findall(text) if len(word) > 1][:MAX_WORDS]
    return " ".join(words)[:MAX_TEXT_LENGTH].strip()


def _fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _strip_dutch_ending(word: str) -> str:
    """A light Dutch suffix stripper for the SQLite fallback: plurals and -heden."""
    for ending, replacement, min_stem in (("heden", "heid", 3), ("en", "", 4), ("s", "", 4)):
        if word.endswith(ending) and len(word) - len(ending) >= min_stem:
            stem = word[: len(word) - len(ending)] + replacement
            # lessen → les, bakken → bak: Dutch doubles the consonant before -en.
            if ending == "en" and len(stem) >= 4 and stem[-1] == stem[-2] and stem[-1] not in "aeiou":
                stem = stem[:-1]
            return stem
    return word


_ACCENTED = {
    "a": "aáàâäãå",
    "c": "cç",
    "e": "eéèêë",
    "i": "iíìîï",
    "n": "nñ",
    "o": "oóòôöõø",
    "u": "uúùûü",
    "y": "yýÿ",
}


def _char_pattern(char: str) -> str:
    variants = _ACCENTED.get(char)
    return f"[{variants}]" if variants else re.escape(char)


def _literal_pattern(word: str) -> str:
    return "".join(_char_pattern(char) for char in word)


def _typo_alternatives(word: str) -> list[str]:
    """Patterns within one edit of word (missing, extra or wrong letter), never at the first letter."""
    if len(word) < 5:
        return []
    alternatives = []
    for i in range(1, len(word)):
        head, rest, tail = (
            _literal_pattern(word[:i]),
            _literal_pattern(word[i:]),
            _literal_pattern(word[i + 1 :]),
        )
        alternatives.append(head + r"\w" + rest)  # the query misses a letter
        alternatives.append(head + r"\w" + tail)  # the query has a wrong letter
        alternatives.append(head + tail)  # the query has a letter too many
    return alternatives


def fallback_terms(text: str) -> list[tuple[str, str]]:
    """For the SQLite fallback: (exact pattern, pattern with typos) per searchable word."""
    terms = []
    for raw in clean_text(text).split():
        word = _fold(raw)
        if not word or word in STOP_WORDS:
            continue
        word = _strip_dutch_ending(word)
        exact = _literal_pattern(word)
        tolerant = "|".join([exact, *_typo_alternatives(word)])
        terms.append((exact, f"(?:{tolerant})"))
    return terms


def _postgres_text(qs: QuerySet, text: str) -> tuple[QuerySet, ExpressionWrapper]:
    """The rows that match, and the relevance expression."""
    query = SearchQuery(text, config=TEXT_SEARCH_CONFIG, search_type="plain")
    relevance = ExpressionWrapper(
        Coalesce(SearchRank(F("search_vector"), query), Value(0.0), output_field=FloatField())
        + TrigramWordSimilarity(text, "title"),
        output_field=FloatField(),
    )
    return qs.filter(Q(search_vector=query) | Q(title__trigram_word_similar=text)), relevance


def _fallback_text(qs: QuerySet, text: str) -> tuple[QuerySet, Case | Value]:
    """The rows that match, and the relevance expression."""
    terms = fallback_terms(text)
    if not terms:
        # Only stop words: like PostgreSQL's empty tsquery, nothing matches.
        return qs.none(), Value(0.0, output_field=FloatField())
    qs = qs.alias(
        haystack=Concat(
            "title",
            Value(" "),
            "activities",
            Value(" "),
            "description",
            Value(" "),
            "organisation__name",
            output_field=TextField(),
        )
    )
    relevance = Value(0)
    for exact, tolerant in terms:
        qs = qs.filter(haystack__iregex=tolerant)
        relevance = relevance + Case(
            When(title__iregex=exact, then=Value(3)), default=Value(1), output_field=IntegerField()
        )
    return qs, relevance


# --- the search ----------------------------------------------------------------------------------------------


class SearchResults:
    """What ``vacancy_search`` returns: the matching open vacancies, best first, counted and sliced like a
    queryset (Django's Paginator and DRF's pagination take it as it is).

    A slice is one SQL statement that ranks on the vacancy table alone and joins organisation, sector and
    municipality for the rows of that slice only (``WHERE id IN (SELECT id ... ORDER BY ... LIMIT 20)``), as
    one would write it by hand: joining every candidate before the sort made a city search twice as slow.
    The rows carry ``distance_km`` (None without an origin) and, with a text, ``relevance``.
    """

    def __init__(self, ranked: QuerySet, annotations: dict, ordering: list):
        self.ranked = ranked  # the filtered, ordered queryset of candidates (vacancy table only)
        self._annotations = annotations
        self._ordering = ordering

    def count(self) -> int:
        return self.ranked.count()

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

    text = clean_text(query.text)
    if text:
        qs, annotations["relevance"] = _postgres_text(qs, text) if is_postgres() else _fallback_text(qs, text)

    newest = [F("published_at").desc(nulls_last=True), "-pk"]
    sort = query.sort if query.sort in SORTS else "relevance"
    if sort == "distance" and origin is not None:
        ordering = ["distance_km", *newest]
    elif sort == "relevance" and text:
        ordering = ["-relevance", *newest]
    else:
        ordering = newest
    ranked = qs.annotate(
        **{name: annotations[name] for name in annotations if name not in qs.query.annotations}
    )
    return SearchResults(ranked.order_by(*ordering), annotations, ordering)


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


# --- keeping the search vector current -----------------------------------------------------------------------


def vacancy_search_vector_update(*, vacancy_ids: list[int]) -> None:
    """Recompute ``search_vector`` for these vacancies (PostgreSQL; a no-op on SQLite).

    Call after creating a vacancy, after changing its title, activities or description, and for all of an
    organisation's vacancies after renaming the organisation. Weights: title A, activities and description B,
    organisation name C.
    """
    if not is_postgres() or not vacancy_ids:
        return
    organisation_name = Subquery(
        Organisation.objects.filter(pk=OuterRef("organisation_id")).values("name")[:1]
    )
    vector = (
        SearchVector("title", weight="A", config=TEXT_SEARCH_CONFIG)
        + SearchVector("activities", "description", weight="B", config=TEXT_SEARCH_CONFIG)
        + SearchVector(organisation_name, weight="C", config=TEXT_SEARCH_CONFIG)
    )
    ids = sorted(set(vacancy_ids))
    for start in range(0, len(ids), 1000):
        Vacancy.objects.filter(pk__in=ids[start : start + 1000]).update(search_vector=vector)
