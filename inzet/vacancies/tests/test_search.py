"""Vacancy search. The same cases run on SQLite (the fallback) and PostgreSQL (full text + trigram):
`pytest inzet/vacancies` and `DATABASE_URL=postgres://... pytest inzet/vacancies`."""

import io
import re
from datetime import timedelta

import pytest
from django.core.paginator import Paginator
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from inzet.places.selectors import location_for_postcode
from inzet.vacancies import availability
from inzet.vacancies.models import Commitment, Vacancy
from inzet.vacancies.search import VacancyQuery, is_postgres, vacancy_search, vacancy_search_index_update
from inzet.vacancies.tests.factories import VacancyFactory, place

pytestmark = pytest.mark.django_db

TUESDAY_EVENING = availability.bit(1, 2)
SATURDAY_MORNING = availability.bit(5, 0)


def titles(query: VacancyQuery) -> list[str]:
    return [vacancy.title for vacancy in vacancy_search(query)]


def found(text: str) -> set[str]:
    return set(titles(VacancyQuery(text=text)))


@pytest.fixture
def groningen():
    return location_for_postcode("9712 CP")


# --- text ----------------------------------------------------------------------------------------------------


def test_a_plural_finds_the_singular_and_back():
    VacancyFactory(title="Vrijwilliger voor de bar")
    VacancyFactory(title="Penningmeester")

    assert found("vrijwilligers") == {"Vrijwilliger voor de bar"}
    assert found("vrijwilliger") == {"Vrijwilliger voor de bar"}


def test_a_verb_finds_the_noun_with_the_same_stem():
    # PostgreSQL stems both to "wandel"; the fallback strips "-en" and matches inside the longer word.
    VacancyFactory(title="Begeleider wandeling in het park")
    VacancyFactory(title="Penningmeester")

    assert found("wandelen") == {"Begeleider wandeling in het park"}


def test_a_plural_two_letters_longer_finds_the_singular():
    # Beyond the one-typo tolerance: PostgreSQL stems "boeken" to "boek", the fallback strips "-en".
    VacancyFactory(title="Voorlezen uit een boek")
    VacancyFactory(title="Penningmeester")

    assert found("boeken") == {"Voorlezen uit een boek"}
    assert found("tuinen") == set()


def test_words_are_found_in_activities_description_and_organisation_name_too():
    VacancyFactory(title="Helper A", activities="Je zet koffie voor de bezoekers.")
    VacancyFactory(title="Helper B", description="Wij zoeken iemand voor de moestuin.")
    VacancyFactory(title="Helper C", organisation__name="Schaakclub De Toren")
    VacancyFactory(title="Helper D")

    assert found("koffie") == {"Helper A"}
    assert found("moestuin") == {"Helper B"}
    assert found("schaakclub") == {"Helper C"}


def test_with_enough_results_every_word_must_be_found():
    VacancyFactory.create_batch(5, title="Trainer hockey")
    VacancyFactory(title="Trainer jeugdvoetbal")

    results = vacancy_search(VacancyQuery(text="trainer hockey"))

    assert {vacancy.title for vacancy in results} == {"Trainer hockey"}
    assert results.any_word is False


def test_with_too_few_results_vacancies_with_some_of_the_words_follow_and_the_results_say_so():
    VacancyFactory(title="Trainer hockey")
    VacancyFactory(title="Trainer jeugdvoetbal")
    VacancyFactory(title="Penningmeester")

    results = vacancy_search(VacancyQuery(text="trainer hockey"))

    assert [vacancy.title for vacancy in results] == ["Trainer hockey", "Trainer jeugdvoetbal"]
    assert results.any_word is True


def test_a_word_the_index_does_not_know_does_not_empty_the_list_and_is_reported():
    VacancyFactory(title="Trainer hockey")

    results = vacancy_search(VacancyQuery(text="hockey xqzwv"))

    assert [vacancy.title for vacancy in results] == ["Trainer hockey"]
    assert results.text.unknown == ("xqzwv",)


def test_accents_do_not_matter_either_way():
    VacancyFactory(title="Gastvrouw in ons café")
    VacancyFactory(title="Cafe-medewerker bij de ijsbaan")
    VacancyFactory(title="Penningmeester")

    assert found("cafe") == {"Gastvrouw in ons café", "Cafe-medewerker bij de ijsbaan"}
    assert found("CAFÉ") == {"Gastvrouw in ons café", "Cafe-medewerker bij de ijsbaan"}


@pytest.mark.parametrize("typo", ["vrijwiliger", "vrijwillger", "vrijwilliiger"])
def test_a_typo_in_a_long_word_still_finds(typo):
    VacancyFactory(title="Vrijwilliger voor de bar")
    VacancyFactory(title="Penningmeester")

    assert found(typo) == {"Vrijwilliger voor de bar"}


def test_a_truncated_word_finds_the_title_it_starts():
    VacancyFactory(title="Trainer voetbalvereniging")
    VacancyFactory(title="Penningmeester")

    assert found("voetbl") == {"Trainer voetbalvereniging"}
    assert found("voetbal") == {"Trainer voetbalvereniging"}


def test_stop_words_alone_are_no_text_at_all_and_do_not_narrow_a_search():
    VacancyFactory(title="Vrijwilliger voor de bar")
    VacancyFactory(title="Penningmeester")

    assert found("de het een") == {"Vrijwilliger voor de bar", "Penningmeester"}
    assert found("iets met") == {"Vrijwilliger voor de bar", "Penningmeester"}
    assert vacancy_search(VacancyQuery(text="de het een")).text is None
    assert found("het is een vrijwilliger voor de bar") == {"Vrijwilliger voor de bar"}


def test_an_unrelated_word_finds_nothing():
    VacancyFactory(title="Vrijwilliger voor de bar")

    assert found("penningmeester") == set()


def test_a_title_match_ranks_above_a_description_match():
    VacancyFactory(title="Helper bij de jeugd", description="Wij zoeken een trainer voor de jeugd.")
    VacancyFactory(title="Trainer jeugdteam")

    assert titles(VacancyQuery(text="trainer")) == ["Trainer jeugdteam", "Helper bij de jeugd"]


def test_relevance_without_text_means_newest_first():
    now = timezone.now()
    VacancyFactory(title="Oud", published_at=now - timedelta(days=3))
    VacancyFactory(title="Nieuw", published_at=now)
    VacancyFactory(title="Middel", published_at=now - timedelta(days=1))

    assert titles(VacancyQuery()) == ["Nieuw", "Middel", "Oud"]
    assert titles(VacancyQuery(sort="newest")) == ["Nieuw", "Middel", "Oud"]


def test_each_engine_uses_its_own_index_and_neither_matches_the_whole_query_by_trigrams():
    VacancyFactory(title="Vrijwilliger voor de bar")
    sql = str(vacancy_search(VacancyQuery(text="vrijwilliger bar")).ranked.query)

    if is_postgres():
        assert "@@" in sql and "simple" in sql and "%>" not in sql and "similarity" not in sql
    else:
        assert "REGEXP" in sql


def test_the_index_document_has_three_lines_by_weight_and_postgresql_keeps_it_as_a_tsvector():
    vacancy = VacancyFactory(
        title="Vrijwilliger voor de bar",
        organisation__name="Café De Boog",
        sector="sport",
        activity_types=["bestuur"],
    )

    vacancy.refresh_from_db()
    line_a, line_b, line_c = vacancy.search_document.split("\n")
    assert {"vrijwilliger", "bar", "sport", "bestuur"} <= set(line_a.split())
    assert "voor" not in line_a.split()  # a stop word
    assert {"plek", "vereniging", "buurt"} <= set(line_b.split())
    assert {"cafe", "boog", "groningen"} <= set(line_c.split())  # accents folded; the municipality too
    if is_postgres():
        assert re.search(r"'vrijwilliger':\d+A", vacancy.search_vector)
        assert re.search(r"'vereniging':\d+B", vacancy.search_vector)
        assert re.search(r"'cafe':\d+C", vacancy.search_vector)
    else:
        assert vacancy.search_vector is None


def test_a_changed_title_is_found_after_the_vector_update():
    vacancy = VacancyFactory(title="Penningmeester")
    Vacancy.objects.filter(pk=vacancy.pk).update(title="Secretaris")

    vacancy_search_index_update(vacancy_ids=[vacancy.pk])

    assert found("secretaris") == {"Secretaris"}
    assert vacancy_search_index_update(vacancy_ids=[]) is None


# --- what people mean: compounds, related words, English, corrections ---------------------------------------


def test_a_word_finds_the_compounds_that_begin_and_end_with_it():
    VacancyFactory(title="Hulp bij de voetbalvereniging")
    VacancyFactory(title="Jeugdtrainer gezocht")
    VacancyFactory(title="Penningmeester")

    assert found("voetbal") == {"Hulp bij de voetbalvereniging"}
    assert found("trainer") == {"Jeugdtrainer gezocht"}


def test_related_words_from_the_data_file_find_and_rank_below_the_word_itself():
    VacancyFactory(title="Sportmaatje voor een middag", sector="zorg-welzijn")
    VacancyFactory(title="Tennisleraar voor de jeugd", sector="zorg-welzijn")
    VacancyFactory(title="Koorzanger", sector="zorg-welzijn")

    assert titles(VacancyQuery(text="sport")) == ["Sportmaatje voor een middag", "Tennisleraar voor de jeugd"]
    assert found("muziek") == {"Koorzanger"}
    assert found("jongeren") == {"Tennisleraar voor de jeugd"}


def test_english_words_find_the_dutch_vacancies():
    VacancyFactory(title="Chauffeur voor de buurtbus")
    VacancyFactory(title="Taalmaatje voor nieuwkomers")
    VacancyFactory(title="Bestuurslid met financieel inzicht")

    assert found("volunteer driver") == {"Chauffeur voor de buurtbus"}
    assert found("language buddy") == {"Taalmaatje voor nieuwkomers"}
    assert found("board member") == {"Bestuurslid met financieel inzicht"}


def test_words_with_another_meaning_stay_apart():
    VacancyFactory(title="Gezelschap voor ouderen in het verpleeghuis")
    VacancyFactory(title="Hulp bij de ouderavond van school")
    VacancyFactory(title="Bestuurder van de buurtbus")
    VacancyFactory(title="Bestuurslid voor de wijkvereniging")

    assert found("ouders") == {"Hulp bij de ouderavond van school"}
    assert found("ouderen") == {"Gezelschap voor ouderen in het verpleeghuis"}
    assert found("bestuur") == {"Bestuurslid voor de wijkvereniging"}
    assert found("board") == {"Bestuurslid voor de wijkvereniging"}


def test_a_typo_in_one_word_of_two_is_corrected_and_said_but_a_word_that_matched_is_not_touched():
    VacancyFactory(title="Trainer voor de hockeyclub")
    VacancyFactory(title="Penningmeester")

    results = vacancy_search(VacancyQuery(text="trainer hockye"))

    assert [vacancy.title for vacancy in results] == ["Trainer voor de hockeyclub"]
    assert results.text.corrections == (("hockye", "hockey"),)
    assert results.text.corrected_text == "trainer hockey"


def test_place_and_organisation_names_are_found():
    VacancyFactory(title="Gastvrouw", organisation__name="Bibliotheek De Boekenwurm")
    VacancyFactory(title="Klusser", **place("9591"))  # Midden-Groningen
    VacancyFactory(title="Kok", **place("8011"))  # Zwolle

    assert found("boekenwurm") == {"Gastvrouw"}
    assert found("zwolle") == {"Kok"}
    assert found("klusser midden-groningen") == {"Klusser"}


def test_the_count_stops_past_the_limit_and_says_so(monkeypatch):
    from inzet.vacancies import search

    monkeypatch.setattr(search, "COUNT_LIMIT", 3)
    VacancyFactory.create_batch(5, title="Vrijwilliger voor de bar")

    results = vacancy_search(VacancyQuery(text="vrijwilliger"))

    assert results.count() == 4 and results.count_capped
    assert len(list(results)) == 5


def test_a_broad_word_ranks_only_the_newest_matches(monkeypatch):
    from inzet.vacancies import search

    monkeypatch.setattr(search, "RANK_LIMIT", 2)
    now = timezone.now()
    VacancyFactory(title="Vrijwilliger oud", published_at=now - timedelta(days=3))
    VacancyFactory(title="Bar", description="Vrijwilliger gezocht.", published_at=now)
    VacancyFactory(title="Vrijwilliger nieuw", published_at=now - timedelta(days=1))

    # Of the two newest matches, the title match first; the oldest is not ranked.
    assert titles(VacancyQuery(text="vrijwilliger")) == ["Vrijwilliger nieuw", "Bar"]


def test_the_vocabulary_recount_knows_the_terms_of_published_vacancies_only():
    from inzet.vacancies.models import SearchTerm
    from inzet.vacancies.search import search_terms_refresh

    VacancyFactory(title="Penningmeester", description="Tellen.")
    VacancyFactory(title="Schatbewaarder", description="Tellen.", status="draft")

    search_terms_refresh()

    counts = dict(SearchTerm.objects.values_list("term", "documents"))
    assert counts["penningmeester"] == 1 and counts["tellen"] == 1
    assert "schatbewaarder" not in counts


# --- distance ------------------------------------------------------------------------------------------------


def test_a_radius_keeps_what_is_near_and_drops_what_is_far(groningen):
    VacancyFactory(title="Dichtbij", **place("9734"))  # 4.8 km
    VacancyFactory(title="Ver weg", **place("9591"))  # 39 km

    results = list(vacancy_search(VacancyQuery(origin=groningen, radius_km=15)))

    assert [vacancy.title for vacancy in results] == ["Dichtbij"]
    assert results[0].distance_km == pytest.approx(4.75, abs=0.05)


def test_the_radius_is_exact_not_the_bounding_box(groningen):
    # 9591 lies inside the box of a 30 km radius around 9712 in latitude, but 39 km away.
    VacancyFactory(title="Ver weg", **place("9591"))

    assert titles(VacancyQuery(origin=groningen, radius_km=35)) == []
    assert titles(VacancyQuery(origin=groningen, radius_km=40)) == ["Ver weg"]


def test_distance_sort_puts_the_nearest_first_and_ties_newest_first(groningen):
    now = timezone.now()
    VacancyFactory(title="9.5 km", **place("9755"))
    VacancyFactory(title="3.2 km", **place("9722"))
    VacancyFactory(title="4.8 km", **place("9734"))
    VacancyFactory(title="hier, ouder", published_at=now - timedelta(days=2))
    VacancyFactory(title="hier, nieuwer", published_at=now)

    assert titles(VacancyQuery(origin=groningen, radius_km=15, sort="distance")) == [
        "hier, nieuwer",
        "hier, ouder",
        "3.2 km",
        "4.8 km",
        "9.5 km",
    ]


def test_distance_is_none_without_an_origin_and_sorting_by_distance_then_means_newest():
    now = timezone.now()
    VacancyFactory(title="Oud", published_at=now - timedelta(days=1), **place("9591"))
    VacancyFactory(title="Nieuw", published_at=now)

    results = list(vacancy_search(VacancyQuery(sort="distance", radius_km=5)))

    assert [vacancy.title for vacancy in results] == ["Nieuw", "Oud"]
    assert {vacancy.distance_km for vacancy in results} == {None}


def test_an_origin_without_radius_reports_distance_without_filtering(groningen):
    VacancyFactory(title="Ver weg", **place("9591"))

    (result,) = vacancy_search(VacancyQuery(origin=groningen))

    assert result.distance_km == pytest.approx(39.03, abs=0.05)


@pytest.mark.parametrize(
    ("radius", "expected"),
    [
        (-5, {"hier"}),  # clamped to 1 km
        (0, {"hier"}),
        (0.2, {"hier"}),
        (10_000, {"hier", "3.2 km", "39 km"}),  # clamped to 300 km
        (float("inf"), {"hier", "3.2 km", "39 km"}),
        (float("nan"), {"hier", "3.2 km", "39 km"}),  # ignored
        ("vijf", {"hier", "3.2 km", "39 km"}),  # ignored
    ],
)
def test_absurd_radii_are_clamped_or_ignored(groningen, radius, expected):
    VacancyFactory(title="hier")
    VacancyFactory(title="3.2 km", **place("9722"))
    VacancyFactory(title="39 km", **place("9591"))

    assert set(titles(VacancyQuery(origin=groningen, radius_km=radius))) == expected


def test_asking_for_remote_work_lifts_the_radius(groningen):
    VacancyFactory(title="Op afstand, ver weg", remote_possible=True, **place("9591"))
    VacancyFactory(title="Op afstand, dichtbij", remote_possible=True, **place("9722"))
    VacancyFactory(title="Ter plaatse, ver weg", **place("9591"))

    assert titles(VacancyQuery(origin=groningen, radius_km=5, remote_possible=True, sort="distance")) == [
        "Op afstand, dichtbij",
        "Op afstand, ver weg",
    ]
    assert titles(VacancyQuery(origin=groningen, radius_km=5)) == ["Op afstand, dichtbij"]


# --- filters ---------------------------------------------------------------------------------------------------


def test_sector_filter():
    VacancyFactory(title="Sport", sector="sport")
    VacancyFactory(title="Zorg", sector="zorg-welzijn")
    VacancyFactory(title="Muziek", sector="muziek")

    assert set(titles(VacancyQuery(sector_slugs=("sport", "muziek")))) == {"Sport", "Muziek"}
    assert titles(VacancyQuery(sector_slugs=("bestaat-niet",))) == []


def test_activity_type_filter_lists_each_vacancy_once():
    VacancyFactory(title="Bestuur en evenementen", activity_types=["bestuur", "evenementen"])
    VacancyFactory(title="Vervoer", activity_types=["vervoer"])
    VacancyFactory(title="Niets")

    assert titles(VacancyQuery(activity_type_slugs=("bestuur", "evenementen"))) == ["Bestuur en evenementen"]


def test_availability_filter_needs_an_overlapping_moment():
    VacancyFactory(title="Dinsdagavond", availability=TUESDAY_EVENING)
    VacancyFactory(title="Zaterdagochtend", availability=SATURDAY_MORNING)
    VacancyFactory(title="In overleg", availability=0)

    assert titles(VacancyQuery(availability=TUESDAY_EVENING | availability.bit(0, 0))) == ["Dinsdagavond"]


def test_max_hours_filter():
    VacancyFactory(title="2 uur", hours_per_week=2)
    VacancyFactory(title="4 uur", hours_per_week=4)
    VacancyFactory(title="8 uur", hours_per_week=8)

    assert set(titles(VacancyQuery(max_hours=4))) == {"2 uur", "4 uur"}


def test_commitment_filter():
    VacancyFactory(title="Eenmalig", commitment=Commitment.ONE_OFF)
    VacancyFactory(title="Structureel", commitment=Commitment.STRUCTURAL)

    assert titles(VacancyQuery(commitment=Commitment.ONE_OFF)) == ["Eenmalig"]
    assert set(titles(VacancyQuery(commitment="onzin"))) == {"Eenmalig", "Structureel"}


@pytest.mark.parametrize(
    "flag", ["suits_mdt", "suits_simple_dutch", "suits_newcomers", "suits_disability", "remote_possible"]
)
def test_suitability_filters_require_the_flag(flag):
    VacancyFactory(title="Met", **{flag: True})
    VacancyFactory(title="Zonder")

    assert titles(VacancyQuery(**{flag: True})) == ["Met"]
    assert set(titles(VacancyQuery(**{flag: False}))) == {"Met", "Zonder"}


def test_filters_combine():
    VacancyFactory(title="Past", sector="sport", availability=TUESDAY_EVENING, hours_per_week=2)
    VacancyFactory(title="Verkeerde sector", sector="muziek", availability=TUESDAY_EVENING, hours_per_week=2)
    VacancyFactory(title="Te veel uren", sector="sport", availability=TUESDAY_EVENING, hours_per_week=10)

    assert titles(VacancyQuery(sector_slugs=("sport",), availability=TUESDAY_EVENING, max_hours=4)) == [
        "Past"
    ]


# --- only open vacancies ------------------------------------------------------------------------------------


def test_only_published_unexpired_vacancies_are_found():
    now = timezone.now()
    VacancyFactory(title="Open")
    VacancyFactory(title="Zonder einddatum", expires_at=None)
    VacancyFactory(title="Verlopen", expires_at=now - timedelta(minutes=1))
    for status in ("draft", "submitted", "returned", "closed"):
        VacancyFactory(title=status, status=status)

    assert set(titles(VacancyQuery())) == {"Open", "Zonder einddatum"}
    assert found("verlopen") == set()
    assert found("closed") == set()


def test_a_page_of_results_comes_with_organisation_sector_and_municipality_in_one_query(
    django_assert_num_queries,
):
    VacancyFactory.create_batch(3)
    VacancyFactory.create_batch(2, **place("9591"))

    with django_assert_num_queries(1):
        for vacancy in vacancy_search(VacancyQuery()):
            assert vacancy.organisation.name and vacancy.municipality.name and vacancy.sector.name


# --- hostile input -----------------------------------------------------------------------------------------------

HOSTILE = [
    "'; DROP TABLE vacancies_vacancy; --",
    '" OR 1=1 --',
    "vrijwilliger' OR '1'='1",
    "a" * 10_000,
    "vrijwilliger " * 1_000,
    "🙂🎉 vrijwilliger 👍",
    "🙂",
    "\x00vrijwilliger\x00",
    "\ud800 lone surrogate",
    "(.*)[a-z]+\\",
    "%_%",
    "!!! & | ! <-> :*",
    "   ",
    "\n\t\r",
    "ÆØÅ ñ ß ĳ",
    "مرحبا 你好",
    None,
    12345,
]


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
@pytest.mark.parametrize("sort", ["relevance", "distance", "newest", "DROP TABLE"])
def test_hostile_search_strings_never_break_the_search(groningen, text, sort):
    VacancyFactory(title="Vrijwilliger voor de bar")

    results = list(vacancy_search(VacancyQuery(text=text, origin=groningen, radius_km=10, sort=sort)))

    assert len(results) <= 1
    assert Vacancy.objects.count() == 1


def test_sql_in_a_search_string_is_just_words():
    VacancyFactory(title="Vrijwilliger voor de bar")

    assert found("'; DROP TABLE vacancies_vacancy; --") == set()
    assert found("penningmeester' OR '1'='1") == set()
    assert found("\x00vrijwilliger\x00") == {"Vrijwilliger voor de bar"}
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM vacancies_vacancy")
        assert cursor.fetchone() == (1,)


def test_a_search_string_without_words_is_ignored_and_wildcards_match_nothing_special():
    VacancyFactory(title="Vrijwilliger voor de bar")
    VacancyFactory(title="Penningmeester")

    assert found("🙂") == {"Vrijwilliger voor de bar", "Penningmeester"}
    assert found("%") == {"Vrijwilliger voor de bar", "Penningmeester"}
    assert found("zwembad%") == set()
    assert found("penning%") == {"Penningmeester"}


@pytest.mark.parametrize(
    "query",
    [
        VacancyQuery(availability=-1),
        VacancyQuery(availability=1 << 40),
        VacancyQuery(max_hours=-3),
        VacancyQuery(max_hours=10**12),
        VacancyQuery(max_hours=10**30),
        VacancyQuery(max_hours=float("inf")),
        VacancyQuery(availability=10**30),
        VacancyQuery(sector_slugs="sport"),
        VacancyQuery(sector_slugs=(None, 3, "sport")),
        VacancyQuery(activity_type_slugs=("'; --",)),
        VacancyQuery(commitment=None),
        VacancyQuery(sort=None),
    ],
)
def test_absurd_filter_values_are_ignored_or_clamped(query):
    VacancyFactory(title="Vrijwilliger voor de bar", availability=TUESDAY_EVENING)

    assert len(list(vacancy_search(query))) <= 1


def test_out_of_range_masks_and_hours_do_not_filter():
    VacancyFactory(title="Vrijwilliger voor de bar", availability=TUESDAY_EVENING, hours_per_week=4)
    VacancyFactory(title="In overleg", availability=0, hours_per_week=4, published_at=None)

    assert titles(VacancyQuery(availability=-1)) == ["Vrijwilliger voor de bar", "In overleg"]
    assert titles(VacancyQuery(max_hours=0)) == ["Vrijwilliger voor de bar", "In overleg"]
    assert titles(VacancyQuery(max_hours=10**12)) == ["Vrijwilliger voor de bar", "In overleg"]
    assert titles(VacancyQuery(sector_slugs="sport")) == ["Vrijwilliger voor de bar", "In overleg"]


# --- pagination ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("sort", ["relevance", "distance", "newest"])
def test_pages_do_not_repeat_or_skip_when_everything_ties(groningen, sort):
    published = timezone.now()
    created = VacancyFactory.create_batch(45, title="Vrijwilliger voor de bar", published_at=published)

    pages = Paginator(
        vacancy_search(VacancyQuery(text="vrijwilliger", origin=groningen, radius_km=5, sort=sort)), 20
    )
    seen = [vacancy.pk for number in pages.page_range for vacancy in pages.page(number)]

    assert pages.num_pages == 3
    assert seen == sorted((vacancy.pk for vacancy in created), reverse=True)


def test_the_search_page_and_the_api_need_no_query_per_result(client, groningen):
    """Result lists load only the columns they show: a field they use but do not load would cost a query per row."""

    def queries(url, params):
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url, params)
        assert response.status_code == 200
        return len(captured)

    params = {"q": "vrijwilliger", "postcode": "9711 AB", "radius": 25}
    VacancyFactory.create_batch(2, title="Vrijwilliger voor de bar", suits_mdt=True)
    page_few = queries(reverse("vacancies:search"), params)
    api_few = queries(reverse("api:vacancy_list"), params)
    VacancyFactory.create_batch(12, title="Vrijwilliger voor de bar", remote_possible=True)
    assert queries(reverse("vacancies:search"), params) == page_few
    assert queries(reverse("api:vacancy_list"), params) == api_few
    body = client.get(reverse("api:vacancy_list"), params).json()
    assert body["count"] == 14
    assert {result["organisation"] for result in body["results"]} and all(
        result["sector"] and result["municipality_name"] and result["when"] is not None
        for result in body["results"]
    )


def test_the_search_index_command_rebuilds_documents_and_recounts_the_vocabulary():
    from django.core.management import call_command

    from inzet.vacancies.models import SearchTerm

    vacancy = VacancyFactory(title="Penningmeester")
    Vacancy.objects.filter(pk=vacancy.pk).update(title="Secretaris", search_document="")
    SearchTerm.objects.all().delete()

    call_command("search_index", "--rebuild", stdout=io.StringIO())

    assert found("secretaris") == {"Secretaris"}
    assert SearchTerm.objects.get(term="secretaris").documents == 1
