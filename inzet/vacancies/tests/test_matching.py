"""Match scores and reasons, pinned on hand-made cases; the SQL ranking must agree with explain()."""

from datetime import timedelta

import pytest
from django.utils import timezone

from inzet.factories import UserFactory
from inzet.places.geo import distance_km
from inzet.vacancies import availability, matching
from inzet.vacancies.matching import WEIGHTS, explain, suggested_vacancies, suggested_volunteers
from inzet.vacancies.models import Mediation, Response, Vacancy
from inzet.vacancies.tests.factories import VacancyFactory, VolunteerProfileFactory, place

pytestmark = pytest.mark.django_db

MONDAY_MORNING = availability.bit(0, 0)
TUESDAY_EVENING = availability.bit(1, 2)
THURSDAY_EVENING = availability.bit(3, 2)
WEEKDAY_EVENINGS = availability.mask_of((day, 2) for day in range(5))


@pytest.fixture
def profile():
    """Sport, training, first aid, Tuesday and Thursday evenings, 6 hours, MDT, within 10 km of 9712."""
    return VolunteerProfileFactory(
        sectors=["sport"],
        activity_types=["sport-training"],
        skills=["ehbo"],
        availability=TUESDAY_EVENING | THURSDAY_EVENING,
        hours_per_week=6,
        max_distance_km=10,
        suits_mdt=True,
        allows_mediation=True,
    )


def perfect_vacancy(pc4: str = "", **kwargs):
    if pc4:
        kwargs.update(place(pc4))
    defaults = {
        "title": "Perfect",
        "sector": "sport",
        "activity_types": ["sport-training"],
        "skills": ["ehbo"],
        "availability": TUESDAY_EVENING,
        "hours_per_week": 4,
        "suits_mdt": True,
    }
    return VacancyFactory(**{**defaults, **kwargs})


def sector_only_vacancy(**kwargs):
    defaults = {
        "title": "Alleen de sector",
        "sector": "sport",
        "activity_types": ["bestuur"],
        "skills": ["financien"],
        "availability": MONDAY_MORNING,
        "hours_per_week": 8,
        **place("9722"),  # 3.2 km
    }
    return VacancyFactory(**{**defaults, **kwargs})


# --- explain: pinned cases -------------------------------------------------------------------------------------


def test_the_weights_make_a_percentage():
    assert set(WEIGHTS) == {"interest", "distance", "availability", "hours", "suitability", "skills"}
    assert sum(WEIGHTS.values()) == 100


def test_a_perfect_match_scores_100_and_says_why(profile):
    match = explain(profile, perfect_vacancy())

    assert match.score == 100
    assert match.reasons == [
        "past bij je interesse in sport en sport & training",
        "minder dan 1 km van je postcode",
        "past bij je beschikbaarheid op dinsdagavond",
        "past bij de 6 uur per week die je wilt geven (4 nodig)",
        "geschikt voor maatschappelijke diensttijd (MDT)",
        "je hebt de gevraagde vaardigheden: EHBO",
    ]
    assert match.distance_km == 0
    assert match.profile == profile


def test_a_vacancy_sharing_only_the_sector_scores_far_lower(profile):
    vacancy = sector_only_vacancy()
    distance = distance_km(profile.lat, profile.lon, vacancy.lat, vacancy.lon)

    match = explain(profile, vacancy)

    # interest 30·½ + distance 20·(1 − 3.2/10) + availability 0 + hours 10·6/8 + suitability 0 + skills 0
    assert match.score == round(15 + 20 * (1 - distance / 10) + 7.5) == 36
    assert match.reasons == ["past bij je interesse in sport", "3 km van je postcode"]
    assert match.vacancy == vacancy


def test_the_organisation_reads_the_reasons_about_the_volunteer(profile):
    match = explain(profile, perfect_vacancy(**place("9722")), perspective="organisation")

    assert match.reasons == [
        "heeft interesse in sport en sport & training",
        "woont op 3 km",
        "is beschikbaar op dinsdagavond",
        "wil 6 uur per week geven",
        "zoekt wat deze vacature biedt: maatschappelijke diensttijd (MDT)",
        "heeft de gevraagde vaardigheden: EHBO",
    ]


@pytest.mark.parametrize(
    ("change", "lost"),
    [
        ({"sector": "muziek"}, 15),  # half of interest
        ({"activity_types": ["bestuur"]}, 15),  # the other half
        ({"availability": MONDAY_MORNING}, 20),
        ({"availability": TUESDAY_EVENING | MONDAY_MORNING}, 10),  # half the vacancy's moments
        ({"availability": 0}, 10),  # "in overleg": neither rewarded nor punished
        ({"hours_per_week": 12}, 5),  # 6 of 12 hours
        ({"suits_mdt": False}, 10),
        ({"skills": ["financien"]}, 10),
        ({"skills": ["financien", "ehbo"]}, 0),  # one shared skill is enough
        ({"skills": []}, 0),  # asking nothing fits everyone
        ({"pc4": "9755"}, 19),  # 9.5 of 10 km
    ],
)
def test_each_component_costs_its_weight(profile, change, lost):
    assert explain(profile, perfect_vacancy(**change)).score == 100 - lost


def test_a_vacancy_beyond_the_travel_distance_gets_nothing_for_distance_and_no_distance_reason(profile):
    match = explain(profile, perfect_vacancy(**place("9591")))  # 39 km

    assert match.score == 80
    assert not any("km" in reason for reason in match.reasons)


def test_the_availability_reason_names_the_shared_moments_in_dutch(profile):
    profile.availability = WEEKDAY_EVENINGS | MONDAY_MORNING

    few = explain(profile, perfect_vacancy(availability=TUESDAY_EVENING | THURSDAY_EVENING | MONDAY_MORNING))
    many = explain(profile, perfect_vacancy(availability=WEEKDAY_EVENINGS))

    assert "past bij je beschikbaarheid op maandagochtend, dinsdagavond en donderdagavond" in few.reasons
    assert (
        "past bij je beschikbaarheid op maandagavond, dinsdagavond, woensdagavond en nog 2 andere momenten"
        in many.reasons
    )


def test_a_profile_that_looks_for_nothing_special_finds_every_vacancy_suitable(profile):
    profile.suits_mdt = False

    match = explain(profile, perfect_vacancy(suits_mdt=False))

    assert match.score == 100
    assert not any("geschikt" in reason for reason in match.reasons)


def test_suitability_counts_the_share_of_wishes_met(profile):
    profile.remote_possible = True
    profile.suits_simple_dutch = True

    # MDT, B1 and remote wished; only MDT offered: 1/3 of 10.
    match = explain(profile, perfect_vacancy())

    assert match.score == 93
    assert "geschikt voor maatschappelijke diensttijd (MDT)" in match.reasons
    assert "kan op afstand" not in match.reasons


# --- suggested vacancies ---------------------------------------------------------------------------------------


def test_suggested_vacancies_rank_the_perfect_match_first(profile):
    sector_only = sector_only_vacancy()
    perfect = perfect_vacancy()
    VacancyFactory(title="Niets gemeen", sector="muziek", availability=MONDAY_MORNING, hours_per_week=20)

    matches = suggested_vacancies(profile=profile)

    assert [match.vacancy.title for match in matches] == ["Perfect", "Alleen de sector", "Niets gemeen"]
    assert matches[0].vacancy == perfect and matches[0].score == 100
    assert matches[1].vacancy == sector_only and matches[1].score == 36
    assert matches[0].reasons == explain(profile, perfect).reasons


def test_suggested_vacancies_leave_out_what_lies_beyond_the_travel_distance(profile):
    perfect_vacancy(title="Dichtbij", **place("9755"))  # 9.5 km
    perfect_vacancy(title="Te ver", **place("9761"))  # 10.1 km

    assert [match.vacancy.title for match in suggested_vacancies(profile=profile)] == ["Dichtbij"]
    profile.max_distance_km = 11
    assert {match.vacancy.title for match in suggested_vacancies(profile=profile)} == {"Dichtbij", "Te ver"}


def test_suggested_vacancies_leave_out_closed_expired_and_already_answered_ones(profile):
    perfect_vacancy(title="Open")
    perfect_vacancy(title="Gesloten", status="closed")
    perfect_vacancy(title="Verlopen", expires_at=timezone.now() - timedelta(days=1))
    answered = perfect_vacancy(title="Gereageerd")
    Response.objects.create(vacancy=answered, volunteer=profile.user, message="Ik doe mee")
    proposed = perfect_vacancy(title="Voorgesteld")
    Mediation.objects.create(vacancy=proposed, volunteer=profile.user, note="Past goed")

    assert [match.vacancy.title for match in suggested_vacancies(profile=profile)] == ["Open"]


def test_suggested_vacancies_respect_a_minimum_age(profile):
    profile.birth_year = timezone.now().year - 15
    perfect_vacancy(title="Vanaf 18", minimum_age=18)
    perfect_vacancy(title="Vanaf 14", minimum_age=14)
    perfect_vacancy(title="Geen leeftijd")

    assert {match.vacancy.title for match in suggested_vacancies(profile=profile)} == {
        "Vanaf 14",
        "Geen leeftijd",
    }


def test_suggested_vacancies_stop_at_the_limit_and_order_like_explain(profile):
    for index, pc4 in enumerate(["9712", "9722", "9734", "9755", "9724", "9731"]):
        for hours in (2, 8, 16):
            VacancyFactory(
                title=f"{pc4}-{hours}",
                hours_per_week=hours,
                availability=[TUESDAY_EVENING, MONDAY_MORNING, 0][index % 3],
                sector=["sport", "muziek"][index % 2],
                **place(pc4),
            )

    matches = suggested_vacancies(profile=profile, limit=10)

    assert len(matches) == 10
    scores = [match.score for match in matches]
    assert scores == sorted(scores, reverse=True)
    assert all(match.score == explain(profile, match.vacancy).score for match in matches)
    best_left_out = max(
        explain(profile, vacancy).score
        for vacancy in set(Vacancy.objects.all()) - {match.vacancy for match in matches}
    )
    assert best_left_out <= scores[-1]


def test_a_vacancy_that_wins_on_kinds_of_work_and_skills_is_not_pruned_away(profile):
    # The database scores what a vacancy row tells first and looks into kinds of work and skills only for
    # rows that can still win: B trails A by 15 on the row alone but gains 25 from the link tables.
    perfect_vacancy(title="A", activity_types=["bestuur"], skills=["financien"])  # 75
    perfect_vacancy(title="B", sector="muziek")  # 60 + 25

    (match,) = suggested_vacancies(profile=profile, limit=1)

    assert (match.vacancy.title, match.score) == ("B", 85)


def test_where_vacancies_are_dense_suggestions_come_from_a_smaller_circle(profile, monkeypatch):
    VacancyFactory.create_batch(3, title="Hier", sector="muziek")
    perfect_vacancy(title="Perfect maar verder", pc4="9755")  # 9.5 km, within the 10 km reach

    assert suggested_vacancies(profile=profile)[0].vacancy.title == "Perfect maar verder"

    # Four candidates in the 10 km probe, about two wanted: the circle shrinks to 10·√(2/4) ≈ 7 km.
    monkeypatch.setattr(matching, "CANDIDATE_POOL", 2)
    assert {match.vacancy.title for match in suggested_vacancies(profile=profile)} == {"Hier"}


def test_the_ranking_follows_the_weights(profile, monkeypatch):
    perfect_vacancy(title="Dichtbij, andere sector", sector="muziek", activity_types=[])
    perfect_vacancy(title="Verder, zelfde sector", **place("9755"))

    titles = [match.vacancy.title for match in suggested_vacancies(profile=profile)]
    assert titles == ["Verder, zelfde sector", "Dichtbij, andere sector"]

    monkeypatch.setitem(WEIGHTS, "interest", 5.0)
    monkeypatch.setitem(WEIGHTS, "distance", 45.0)
    matches = suggested_vacancies(profile=profile)
    assert [match.vacancy.title for match in matches] == ["Dichtbij, andere sector", "Verder, zelfde sector"]
    assert matches[0].score == 95


@pytest.mark.parametrize("limit", [0, -1, "veel", None])
def test_a_nonsense_limit_gives_nothing(profile, limit):
    perfect_vacancy()

    assert suggested_vacancies(profile=profile, limit=limit) == []


# --- suggested volunteers ---------------------------------------------------------------------------------


def test_only_volunteers_who_allow_mediation_are_suggested(profile):
    vacancy = perfect_vacancy()
    VolunteerProfileFactory(sectors=["sport"], allows_mediation=False)
    inactive = VolunteerProfileFactory(user=UserFactory(is_active=False), allows_mediation=True)

    matches = suggested_volunteers(vacancy=vacancy)

    assert [match.profile for match in matches] == [profile]
    assert inactive not in [match.profile for match in matches]
    assert matches[0].score == 100
    assert "woont op minder dan 1 km" in matches[0].reasons


def test_suggested_volunteers_rank_by_score_and_respect_their_travel_distance(profile):
    vacancy = perfect_vacancy(**place("9722"))  # 3.2 km from the profile
    near_but_other_interests = VolunteerProfileFactory(
        sectors=["muziek"], allows_mediation=True, **place("9722"), hours_per_week=4
    )
    unwilling_to_travel = VolunteerProfileFactory(
        sectors=["sport"], allows_mediation=True, max_distance_km=2, **place("9755")
    )  # 6 km away from the vacancy, travels 2

    matches = suggested_volunteers(vacancy=vacancy)

    assert [match.profile for match in matches] == [profile, near_but_other_interests]
    assert unwilling_to_travel not in [match.profile for match in matches]
    assert [match.score for match in matches] == [explain(match.profile, vacancy).score for match in matches]
    assert matches[0].reasons[1] == "woont op 3 km"


def test_suggested_volunteers_leave_out_who_already_responded_or_was_proposed_or_is_too_young(profile):
    vacancy = perfect_vacancy(minimum_age=18)
    responded = VolunteerProfileFactory(allows_mediation=True)
    Response.objects.create(vacancy=vacancy, volunteer=responded.user, message="Ik doe mee")
    proposed = VolunteerProfileFactory(allows_mediation=True)
    Mediation.objects.create(vacancy=vacancy, volunteer=proposed.user, note="Past goed")
    VolunteerProfileFactory(allows_mediation=True, birth_year=timezone.now().year - 15)
    unknown_age = VolunteerProfileFactory(allows_mediation=True, birth_year=None)

    assert {match.profile for match in suggested_volunteers(vacancy=vacancy)} == {profile, unknown_age}


def test_suggested_volunteers_order_like_explain_on_many_profiles():
    vacancy = perfect_vacancy(skills=["ehbo", "koken"], suits_newcomers=True, **place("9724"))
    for index, pc4 in enumerate(["9712", "9722", "9734", "9755", "9731"]):
        for hours in (2, 6):
            VolunteerProfileFactory(
                allows_mediation=True,
                hours_per_week=hours,
                max_distance_km=[5, 10, 25][index % 3],
                sectors=[["sport"], ["muziek"], []][index % 3],
                activity_types=[["sport-training"], []][index % 2],
                skills=[["koken"], []][hours % 3 == 0],
                availability=[TUESDAY_EVENING, MONDAY_MORNING | TUESDAY_EVENING, 0][index % 3],
                suits_newcomers=index % 2 == 0,
                remote_possible=hours == 2,
                **place(pc4),
            )

    matches = suggested_volunteers(vacancy=vacancy, limit=6)

    assert len(matches) == 6
    scores = [match.score for match in matches]
    assert scores == sorted(scores, reverse=True)
    assert scores == [explain(match.profile, vacancy).score for match in matches]
