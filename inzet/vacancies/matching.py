"""Match scores between a volunteer profile and a vacancy, with the reasons behind them.

A score (0..100) is a weighted sum of six components, each a fraction between 0 and 1:

- interest: half for the vacancy's sector among the volunteer's interests, half for a shared kind of work;
- distance: 1 at the volunteer's postcode, falling linearly to 0 at the distance they are willing to travel
  (further away is no match at all);
- availability: the share of the vacancy's moments (day parts) at which the volunteer is available; 0.5 when
  either side left availability empty ("in overleg");
- hours: 1 when the vacancy asks no more hours than the volunteer wants to give, else the ratio;
- suitability: the share of what the volunteer looks for (MDT, B1, newcomers, disability, remote) that the
  vacancy offers; 1 when they look for none of it;
- skills: 1 when the vacancy asks for no skills or for at least one the volunteer has, else 0.

``explain`` computes this in Python for one pair, with the reasons. ``suggested_vacancies`` and
``suggested_volunteers`` compute the same formula as SQL expressions: the database filters (bounding box on
the indexed coordinates, then the exact distance), scores, sorts and returns only the ids of the top rows;
those rows are then loaded and ``explain`` writes the reasons for them alone. Tests hold the SQL ranking to
``explain``'s scores.

Keeping that within ~100 ms at national scale (250,000 vacancies, 1,000,000 profiles):

- the candidate area: the volunteer's whole travel distance — unless vacancies (or, for a vacancy,
  volunteers) are so dense there that it would hold far more than CANDIDATE_POOL candidates; then a smaller
  circle around the postcode that holds about that many (``candidate_radius_km``). Within that area the
  ranking is exact; a better-scoring candidate further out can be missed, which costs little because
  distance is part of the score;
- suggested vacancies: kinds of work and skills live in link tables, and looking them up per candidate is
  the expensive part; the database first computes the rest of the score, and looks into the link tables only
  for rows that can still reach the top (their cheap part plus the most the link tables can add is at least
  the limit-th best cheap part), which is exact;
- suggested volunteers: deactivated accounts are dropped among the winners (the ranking takes
  INACTIVE_MARGIN extra rows) instead of being checked for every candidate.
"""

import math
from dataclasses import dataclass, field

from django.db.models import (
    Case,
    Exists,
    ExpressionWrapper,
    F,
    FloatField,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
    prefetch_related_objects,
)
from django.db.models.functions import Cast, Coalesce, Greatest, Least
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from inzet.places.geo import distance_km as python_distance_km
from inzet.places.selectors import Location
from inzet.vacancies import availability as slots
from inzet.vacancies.models import Mediation, Response, Vacancy, VolunteerProfile
from inzet.vacancies.search import (
    SUITABILITY_FLAGS,
    BitCount,
    bounding_box_q,
    clamp_radius,
    open_vacancies,
    usable_origin,
    within_radius,
)

# The one place the weights live. They add up to 100, so the score reads as a percentage.
WEIGHTS: dict[str, float] = {
    "interest": 30.0,
    "distance": 20.0,
    "availability": 20.0,
    "hours": 10.0,
    "suitability": 10.0,
    "skills": 10.0,
}
# Availability when one side left it empty: we do not know, so neither reward nor punish.
UNKNOWN_AVAILABILITY = 0.5
# Suggested volunteers come from at most this far away, even if they would travel further: it keeps the
# candidate set (and the query) small, and a consultant mediates locally.
VOLUNTEER_SEARCH_RADIUS_KM = 50.0
# About this many candidates are scored per suggestion list (see candidate_radius_km).
CANDIDATE_POOL = 1000
PROBE_RADIUS_KM = 10.0
MIN_CANDIDATE_RADIUS_KM = 3.0
INACTIVE_MARGIN = 10
MAX_LIMIT = 100
MAX_SLOTS_IN_REASON = 3

# What the volunteer reads when the vacancy offers what they look for.
SUITABILITY_REASONS = {
    "suits_mdt": gettext_lazy("geschikt voor maatschappelijke diensttijd (MDT)"),
    "suits_simple_dutch": gettext_lazy("geschikt als je eenvoudig Nederlands (B1) spreekt"),
    "suits_newcomers": gettext_lazy("geschikt voor nieuwkomers"),
    "suits_disability": gettext_lazy("geschikt voor mensen met een beperking"),
    "remote_possible": gettext_lazy("kan op afstand"),
}


@dataclass
class Match:
    score: int  # 0..100
    reasons: list[str] = field(default_factory=list)  # Dutch sentences (translated through gettext)
    vacancy: Vacancy | None = None
    profile: VolunteerProfile | None = None
    distance_km: float | None = None


# --- one pair, in Python ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Wants:
    """The ids of what a profile chose: sectors, kinds of work, skills."""

    sectors: frozenset[int] = frozenset()
    activities: frozenset[int] = frozenset()
    skills: frozenset[int] = frozenset()

    @classmethod
    def of(cls, profile: VolunteerProfile) -> "_Wants":
        return cls(
            frozenset(sector.pk for sector in profile.sectors.all()),
            frozenset(activity.pk for activity in profile.activity_types.all()),
            frozenset(skill.pk for skill in profile.skills.all()),
        )


def _wants_of(profile_ids: list[int]) -> dict[int, _Wants]:
    """The choices of many profiles in one query (a UNION ALL over the three link tables)."""
    links = [
        (VolunteerProfile.sectors.through, "sector_id"),
        (VolunteerProfile.activity_types.through, "activitytype_id"),
        (VolunteerProfile.skills.through, "skill_id"),
    ]
    queries = [
        model.objects.filter(volunteerprofile_id__in=profile_ids)
        .order_by()
        .annotate(kind=Value(kind, output_field=IntegerField()))
        .values_list("volunteerprofile_id", "kind", column)
        for kind, (model, column) in enumerate(links)
    ]
    chosen: dict[int, tuple[set, set, set]] = {pk: (set(), set(), set()) for pk in profile_ids}
    for profile_id, kind, item_id in queries[0].union(*queries[1:], all=True):
        chosen[profile_id][kind].add(item_id)
    return {pk: _Wants(*(frozenset(ids) for ids in sets)) for pk, sets in chosen.items()}


def explain(profile: VolunteerProfile, vacancy: Vacancy, *, perspective: str = "volunteer") -> Match:
    """Score one pair and say why. Reads only (uses prefetched relations when present).

    perspective "volunteer" words the reasons for the volunteer ("3 km van je postcode"); "organisation" for
    a consultant or coordinator looking at the volunteer ("woont op 3 km").
    """
    return _explain(profile, vacancy, wants=_Wants.of(profile), for_volunteer=perspective != "organisation")


def _explain(profile: VolunteerProfile, vacancy: Vacancy, *, wants: _Wants, for_volunteer: bool) -> Match:
    fractions: dict[str, float] = {}
    reasons: list[str] = []

    # interest
    sector_hit = vacancy.sector_id in wants.sectors
    shared_activities = [
        activity for activity in vacancy.activity_types.all() if activity.pk in wants.activities
    ]
    fractions["interest"] = 0.5 * sector_hit + 0.5 * bool(shared_activities)
    topics = ([vacancy.sector.label] if sector_hit else []) + [
        activity.label for activity in shared_activities
    ]
    if topics:
        topic_text = _join([_sentence_case(topic) for topic in topics])
        reasons.append(
            _("past bij je interesse in %(topics)s") % {"topics": topic_text}
            if for_volunteer
            else _("heeft interesse in %(topics)s") % {"topics": topic_text}
        )

    # distance
    reach = reach_km(profile)
    distance = python_distance_km(profile.lat, profile.lon, vacancy.lat, vacancy.lon)
    fractions["distance"] = max(0.0, 1.0 - distance / reach)
    if distance <= reach:
        if distance < 1:
            reasons.append(
                _("minder dan 1 km van je postcode") if for_volunteer else _("woont op minder dan 1 km")
            )
        else:
            km = round(distance)
            reasons.append(
                _("%(km)s km van je postcode") % {"km": km}
                if for_volunteer
                else _("woont op %(km)s km") % {"km": km}
            )

    # availability
    wanted_slots, offered_slots = _valid_slots(profile.availability), _valid_slots(vacancy.availability)
    if wanted_slots and offered_slots:
        shared = wanted_slots & offered_slots
        fractions["availability"] = shared.bit_count() / offered_slots.bit_count()
        if shared:
            moments = _moments(shared)
            reasons.append(
                _("past bij je beschikbaarheid op %(moments)s") % {"moments": moments}
                if for_volunteer
                else _("is beschikbaar op %(moments)s") % {"moments": moments}
            )
    else:
        fractions["availability"] = UNKNOWN_AVAILABILITY

    # hours
    if vacancy.hours_per_week <= profile.hours_per_week:
        fractions["hours"] = 1.0
        reasons.append(
            ngettext(
                "past bij het %(wanted)s uur per week dat je wilt geven (%(hours)s nodig)",
                "past bij de %(wanted)s uur per week die je wilt geven (%(hours)s nodig)",
                profile.hours_per_week,
            )
            % {"hours": vacancy.hours_per_week, "wanted": profile.hours_per_week}
            if for_volunteer
            else ngettext(
                "wil %(wanted)s uur per week geven",
                "wil %(wanted)s uur per week geven",
                profile.hours_per_week,
            )
            % {"wanted": profile.hours_per_week}
        )
    else:
        fractions["hours"] = profile.hours_per_week / vacancy.hours_per_week

    # suitability
    wished = [flag for flag in SUITABILITY_FLAGS if getattr(profile, flag)]
    offered = [flag for flag in wished if getattr(vacancy, flag)]
    fractions["suitability"] = len(offered) / len(wished) if wished else 1.0
    if offered:
        if for_volunteer:
            reasons.extend(str(SUITABILITY_REASONS[flag]) for flag in offered)
        else:
            labels = _join([str(_flag_label(flag)) for flag in offered])
            reasons.append(_("zoekt wat deze vacature biedt: %(what)s") % {"what": labels})

    # skills
    asked_skills = list(vacancy.skills.all())
    shared_skills = [skill for skill in asked_skills if skill.pk in wants.skills]
    fractions["skills"] = 1.0 if (not asked_skills or shared_skills) else 0.0
    if shared_skills:
        names = _join([skill.label for skill in shared_skills])
        reasons.append(
            _("je hebt de gevraagde vaardigheden: %(skills)s") % {"skills": names}
            if for_volunteer
            else _("heeft de gevraagde vaardigheden: %(skills)s") % {"skills": names}
        )

    raw = sum(WEIGHTS[name] * fractions[name] for name in WEIGHTS)
    return Match(
        score=max(0, min(100, math.floor(raw + 0.5))),
        reasons=reasons,
        vacancy=vacancy,
        profile=profile,
        distance_km=distance,
    )


def _flag_label(flag: str):
    return VolunteerProfile._meta.get_field(flag).verbose_name


def reach_km(profile: VolunteerProfile) -> float:
    """How far the volunteer will travel, kept within 1..300 km whatever the database holds."""
    return clamp_radius(profile.max_distance_km) or 1.0


def _valid_slots(mask: int) -> int:
    """A mask outside the 21 bits is treated as empty, here and in SQL alike."""
    return mask if 0 < mask <= slots.ALL else 0


def _moments(mask: int) -> str:
    labels = [str(slots.label(day, part)) for day, part in slots.slots(mask)]
    if len(labels) > MAX_SLOTS_IN_REASON:
        rest = len(labels) - MAX_SLOTS_IN_REASON
        return _join(
            [
                *labels[:MAX_SLOTS_IN_REASON],
                ngettext("nog %(count)s ander moment", "nog %(count)s andere momenten", rest)
                % {"count": rest},
            ]
        )
    return _join(labels)


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return _("%(items)s en %(last)s") % {"items": ", ".join(items[:-1]), "last": items[-1]}


def _sentence_case(text: str) -> str:
    # "Sport & training" → "sport & training"; keeps acronyms such as "EHBO" (second letter upper case).
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


# --- many pairs, in SQL ---------------------------------------------------------------------------------------


def suggested_vacancies(*, profile: VolunteerProfile, limit: int = 20) -> list[Match]:
    """Open vacancies for this volunteer ("voor jou"), best first, within the distance they will travel.

    Scores the open vacancies of the candidate area (see ``candidate_radius_km``), leaving out vacancies they
    already responded to or were proposed for and those whose minimum age they do not reach by birth year.
    """
    limit = _clamp_limit(limit)
    origin = _origin(profile.lat, profile.lon)
    if not limit or origin is None:
        return []
    wants = _wants_of([profile.pk])[profile.pk]
    reach = reach_km(profile)
    radius = candidate_radius_km(
        Vacancy.objects.filter(status=Vacancy.Status.PUBLISHED), origin=origin, reach_km=reach
    )

    qs = within_radius(open_vacancies(), origin, radius)
    # Already answered or proposed: NOT IN over the volunteer's few rows (hashed once by the database).
    qs = qs.exclude(
        pk__in=Response.objects.filter(volunteer_id=profile.user_id).values("vacancy_id")
    ).exclude(pk__in=Mediation.objects.filter(volunteer_id=profile.user_id).values("vacancy_id"))
    if profile.birth_year:
        age = timezone.now().year - profile.birth_year
        qs = qs.filter(Q(minimum_age__isnull=True) | Q(minimum_age__lte=age))

    cheap, expensive, most = _vacancy_score_parts(profile, wants, reach)
    qs = qs.annotate(cheap_score=cheap)
    # Only rows that could still reach the top `limit` need the look into kinds of work and skills: a row
    # whose cheap part plus the most the rest can add stays below the limit-th best cheap part cannot. The
    # database computes that threshold once (an uncorrelated subquery) before it scores.
    kth = qs.order_by("-cheap_score").values("cheap_score")[limit - 1 : limit]
    qs = qs.filter(
        cheap_score__gte=Coalesce(Subquery(kth), _float(-1e9)) - _float(most + 1e-6),
    )
    # Rank on the vacancy table alone; join and prefetch only for the winners.
    ranked = list(
        qs.annotate(match_score=ExpressionWrapper(F("cheap_score") + expensive, output_field=FloatField()))
        .order_by("-match_score", F("published_at").desc(nulls_last=True), "-pk")
        .values_list("pk", flat=True)[:limit]
    )
    rows = (
        Vacancy.objects.filter(pk__in=ranked)
        .select_related("organisation", "sector", "municipality")
        .prefetch_related("activity_types", "skills")
        .defer("search_vector")
    )
    by_pk = {vacancy.pk: vacancy for vacancy in rows}
    return [_explain(profile, by_pk[pk], wants=wants, for_volunteer=True) for pk in ranked if pk in by_pk]


def suggested_volunteers(*, vacancy: Vacancy, limit: int = 20) -> list[Match]:
    """Volunteers a consultant could propose for this vacancy, best first: only profiles that allow mediation,
    of active users, who live within the distance they will travel and within the candidate area (see
    ``candidate_radius_km``; never beyond VOLUNTEER_SEARCH_RADIUS_KM).

    Leaves out volunteers who already responded to or were proposed for the vacancy, and those too young by
    birth year for its minimum age.
    """
    limit = _clamp_limit(limit)
    origin = _origin(vacancy.lat, vacancy.lon)
    if not limit or origin is None:
        return []
    prefetch_related_objects([vacancy], "activity_types", "skills")
    radius = candidate_radius_km(
        VolunteerProfile.objects.filter(allows_mediation=True),
        origin=origin,
        reach_km=VOLUNTEER_SEARCH_RADIUS_KM,
    )

    reach = Least(Greatest(Cast("max_distance_km", FloatField()), Value(1.0)), Value(300.0))
    qs = (
        within_radius(VolunteerProfile.objects.filter(allows_mediation=True), origin, radius)
        .annotate(reach_km=reach)
        .filter(distance_km__lte=F("reach_km"))
    )
    qs = qs.exclude(user_id__in=Response.objects.filter(vacancy=vacancy).values("volunteer_id")).exclude(
        user_id__in=Mediation.objects.filter(vacancy=vacancy).values("volunteer_id")
    )
    if vacancy.minimum_age:
        born_by = timezone.now().year - vacancy.minimum_age
        qs = qs.filter(Q(birth_year__isnull=True) | Q(birth_year__lte=born_by))

    # Deactivated accounts are left out among the winners rather than probed for every candidate: the
    # ranking takes INACTIVE_MARGIN extra rows to make up for them.
    ranked = list(
        qs.annotate(match_score=_volunteer_score(vacancy))
        .order_by("-match_score", "-pk")
        .values_list("pk", flat=True)[: limit + INACTIVE_MARGIN]
    )
    by_pk = {
        profile.pk: profile
        for profile in VolunteerProfile.objects.filter(pk__in=ranked, user__is_active=True).select_related(
            "user", "municipality"
        )
    }
    ranked = [pk for pk in ranked if pk in by_pk][:limit]
    wants = _wants_of(ranked)
    return [
        _explain(by_pk[pk], vacancy, wants=wants[pk], for_volunteer=False) for pk in ranked if pk in by_pk
    ]


def candidate_radius_km(candidates: QuerySet, *, origin: Location, reach_km: float) -> float:
    """How far around origin to look for candidates: the whole reach, unless that holds far more than
    CANDIDATE_POOL rows — then a smaller circle that holds about that many.

    Where vacancies or volunteers are dense (a city, a volunteer who travels 50 km) scoring every candidate
    would cost hundreds of milliseconds; the best matches are near anyway, as distance is part of the score.
    One cheap count on the indexed coordinates (an index-only scan of a box of PROBE_RADIUS_KM) estimates the
    density; the radius follows from it, never below MIN_CANDIDATE_RADIUS_KM nor beyond the reach.
    """
    probe = min(reach_km, PROBE_RADIUS_KM)
    found = candidates.filter(bounding_box_q(origin.lat, origin.lon, probe)).count()
    if found >= CANDIDATE_POOL:
        # Enough close by: shrink to the circle that holds about CANDIDATE_POOL (area ∝ radius²).
        return max(min(MIN_CANDIDATE_RADIUS_KM, reach_km), probe * math.sqrt(CANDIDATE_POOL / found))
    if probe >= reach_km:
        return reach_km
    # Too few close by: grow towards the reach, by what the density so far suggests.
    grown = probe * math.sqrt(CANDIDATE_POOL / max(found, 1))
    return min(reach_km, max(grown, probe))


def _clamp_limit(limit) -> int:
    try:
        return max(0, min(MAX_LIMIT, int(limit)))
    except (TypeError, ValueError, OverflowError):
        return 0


def _origin(lat, lon) -> Location | None:
    return usable_origin(Location(lat, lon, None, "exact"))


def _float(value: float) -> Value:
    return Value(float(value), output_field=FloatField())


def _when(condition, then: float, otherwise) -> Case:
    return Case(When(condition, then=_float(then)), default=otherwise, output_field=FloatField())


def _weighted_sum(fractions: dict) -> ExpressionWrapper:
    total = None
    for name, fraction in fractions.items():
        term = _float(WEIGHTS[name]) * fraction
        total = term if total is None else total + term
    return ExpressionWrapper(total, output_field=FloatField())


def _vacancy_score_parts(
    profile: VolunteerProfile, wants: _Wants, reach: float
) -> tuple[ExpressionWrapper, ExpressionWrapper, float]:
    """explain()'s formula for one known profile against every vacancy row (expects ``distance_km``), in two
    parts: what the vacancy row itself tells (cheap), and what needs a look into the many-to-many tables
    (kinds of work, skills), with the most that second part can add."""
    sector_ids, activity_ids, skill_ids = (
        sorted(wants.sectors),
        sorted(wants.activities),
        sorted(wants.skills),
    )
    activity_link = Vacancy.activity_types.through.objects.filter(vacancy_id=OuterRef("pk"))
    skill_link = Vacancy.skills.through.objects.filter(vacancy_id=OuterRef("pk"))

    sector_hit = _when(Q(sector_id__in=sector_ids), 1.0, _float(0)) if sector_ids else _float(0)
    activity_hit = (
        _when(Exists(activity_link.filter(activitytype_id__in=activity_ids)), 1.0, _float(0))
        if activity_ids
        else _float(0)
    )

    wanted_slots = _valid_slots(profile.availability)
    if wanted_slots:
        offered = BitCount(F("availability"))
        shared = BitCount(F("availability").bitand(wanted_slots))
        availability = _when(
            Q(availability__lte=0) | Q(availability__gt=slots.ALL),
            UNKNOWN_AVAILABILITY,
            Cast(shared, FloatField()) / Cast(offered, FloatField()),
        )
    else:
        availability = _float(UNKNOWN_AVAILABILITY)

    hours = _when(
        Q(hours_per_week__lte=profile.hours_per_week),
        1.0,
        _float(profile.hours_per_week) / Greatest(Cast("hours_per_week", FloatField()), _float(1)),
    )

    wished = [flag for flag in SUITABILITY_FLAGS if getattr(profile, flag)]
    if wished:
        offered_count = None
        for flag in wished:
            term = _when(Q(**{flag: True}), 1.0, _float(0))
            offered_count = term if offered_count is None else offered_count + term
        suitability = offered_count / _float(len(wished))
    else:
        suitability = _float(1.0)

    asks_nothing = ~Exists(skill_link)
    if skill_ids:
        skills = _when(Exists(skill_link.filter(skill_id__in=skill_ids)) | asks_nothing, 1.0, _float(0))
    else:
        skills = _when(asks_nothing, 1.0, _float(0))

    cheap = _weighted_sum(
        {
            "interest": _float(0.5) * sector_hit,
            "distance": _float(1.0) - F("distance_km") / _float(reach),
            "availability": availability,
            "hours": hours,
            "suitability": suitability,
        }
    )
    expensive = _weighted_sum({"interest": _float(0.5) * activity_hit, "skills": skills})
    most = WEIGHTS["interest"] * 0.5 * bool(activity_ids) + WEIGHTS["skills"]
    return cheap, expensive, most


def _volunteer_score(vacancy: Vacancy) -> ExpressionWrapper:
    """explain()'s formula for one known vacancy against every profile row (expects distance_km, reach_km)."""
    activity_ids = [activity.pk for activity in vacancy.activity_types.all()]
    skill_ids = [skill.pk for skill in vacancy.skills.all()]
    sector_link = VolunteerProfile.sectors.through.objects.filter(volunteerprofile_id=OuterRef("pk"))
    activity_link = VolunteerProfile.activity_types.through.objects.filter(volunteerprofile_id=OuterRef("pk"))
    skill_link = VolunteerProfile.skills.through.objects.filter(volunteerprofile_id=OuterRef("pk"))

    sector_hit = _when(Exists(sector_link.filter(sector_id=vacancy.sector_id)), 1.0, _float(0))
    activity_hit = (
        _when(Exists(activity_link.filter(activitytype_id__in=activity_ids)), 1.0, _float(0))
        if activity_ids
        else _float(0)
    )

    offered_slots = _valid_slots(vacancy.availability)
    if offered_slots:
        shared = BitCount(F("availability").bitand(offered_slots))
        availability = _when(
            Q(availability__lte=0) | Q(availability__gt=slots.ALL),
            UNKNOWN_AVAILABILITY,
            Cast(shared, FloatField()) / _float(offered_slots.bit_count()),
        )
    else:
        availability = _float(UNKNOWN_AVAILABILITY)

    hours = _when(
        Q(hours_per_week__gte=vacancy.hours_per_week),
        1.0,
        Cast("hours_per_week", FloatField()) / _float(vacancy.hours_per_week),
    )

    wished_count = None
    offered_count = None
    for flag in SUITABILITY_FLAGS:
        wish = _when(Q(**{flag: True}), 1.0, _float(0))
        wished_count = wish if wished_count is None else wished_count + wish
        if getattr(vacancy, flag):
            offered_count = wish if offered_count is None else offered_count + wish
    suitability = _when(
        Q(**{flag: False for flag in SUITABILITY_FLAGS}),
        1.0,
        (offered_count if offered_count is not None else _float(0)) / Greatest(wished_count, _float(1)),
    )

    if skill_ids:
        skills = _when(Exists(skill_link.filter(skill_id__in=skill_ids)), 1.0, _float(0))
    else:
        skills = _float(1.0)

    return _weighted_sum(
        {
            "interest": _float(0.5) * sector_hit + _float(0.5) * activity_hit,
            "distance": Greatest(_float(0), _float(1.0) - F("distance_km") / F("reach_km")),
            "availability": availability,
            "hours": hours,
            "suitability": suitability,
            "skills": skills,
        }
    )
