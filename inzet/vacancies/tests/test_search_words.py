"""The words of the search (analysis.py) and the data file of what people mean (search_words.yaml). No database."""

import pytest
import yaml

from inzet.vacancies import analysis


def test_the_data_file_has_only_known_sections_and_lower_case_words():
    data = yaml.safe_load(analysis.SEARCH_WORDS.read_text(encoding="utf-8"))

    assert set(data) == {"equivalent", "narrower", "english", "distinct", "own_stem"}
    words = [word for group in data["equivalent"] for word in group]
    for section in ("narrower", "english", "distinct"):
        for key, values in data[section].items():
            words += [key, *values]
    words += [*data["own_stem"], *data["own_stem"].values()]
    assert words and all(isinstance(word, str) and word == word.lower().strip() for word in words)
    assert all(len(group) >= 2 for group in data["equivalent"])


def test_words_are_folded_split_and_stripped_of_stop_words():
    assert analysis.words("Gastvrouw in ons CAFÉ, de EHBO-post!") == [
        "gastvrouw",
        "cafe",
        "ehbo",
        "post",
        "ehbopost",
    ]
    assert analysis.words("x " + "a" * 41) == []  # single letters and noise are no terms
    assert analysis.words(None) == []


def test_a_hyphenated_query_word_means_the_compound():
    assert analysis.query_words("taal-maatje voor de buurt") == ["taalmaatje", "buurt"]


def test_the_stemmer_keeps_apart_what_it_would_merge():
    assert analysis.stem("ouders") == analysis.stem("ouder") != analysis.stem("ouderen")
    assert analysis.stem("bestuurder") == analysis.stem("bestuurders") != analysis.stem("bestuur")
    assert analysis.stem("fietsen") == analysis.stem("fiets")


@pytest.mark.parametrize(
    "forms",
    [
        "fiets fietsen",
        "les lessen",
        "huis huizen",
        "maatje maatjes",
        "gezin gezinnen",
        "boom bomen",
        "kind kinderen",
    ],
)
def test_singular_and_plural_have_one_stem(forms):
    singular, plural = forms.split()

    assert analysis.stem(singular) == analysis.stem(plural)


def test_the_stemmer_does_not_strip_ge_so_that_unrelated_words_stay_apart():
    assert analysis.stem("gezondheid") != analysis.stem("zon")
    assert analysis.stem("begeleiding") != analysis.stem("beleid")


@pytest.mark.parametrize(
    ("term", "base", "expected"),
    [
        ("voetbalvereniging", "voetbal", True),  # begins with it
        ("jeugdtrainer", "trainer", True),  # ends with it: a kind of trainer
        ("taalmaatje", "maatje", True),
        ("ouderenzorg", "ouder", False),  # ouders are not ouderen
        ("ouderavond", "ouder", True),
        ("bestuurder", "bestuur", False),  # a driver, not a board
        ("bestuurslid", "bestuur", True),
        ("zorgvuldig", "zorg", False),
        ("verband", "band", False),  # a prefixed word, not a compound
        ("voetbals", "voetbal", False),  # too little left: an inflection, found by the stem instead
        ("bal", "bal", False),
    ],
)
def test_a_word_finds_the_compounds_it_begins_or_ends_but_not_its_false_friends(term, base, expected):
    excluded = analysis.distinct_beginnings(base)

    assert analysis.is_compound_of(term, base, excluded=excluded) is expected


def test_related_words_come_from_the_data_file_in_one_direction_for_narrower_words():
    assert "voetbal" in analysis.related_words("sport")
    assert "sport" not in analysis.related_words("voetbal")
    assert "jeugd" in analysis.related_words("jongeren") and "jongeren" in analysis.related_words("jeugd")
    assert "senioren" in analysis.related_words("ouderen")
    assert "ouderen" not in analysis.related_words("ouders")
    assert "chauffeur" in analysis.related_words("driver")
    assert not {"chauffeur", "bestuurder"} & set(analysis.related_words("board"))


def test_a_known_english_phrase_is_one_query_word():
    assert analysis.phrase_groups(["language", "buddy", "utrecht"])[0] == ("language buddy", ("taalmaatje",))
    assert [typed for typed, _ in analysis.phrase_groups(["board", "member"])] == ["board member"]


@pytest.mark.parametrize(
    ("a", "b", "distance"),
    [
        ("voetbal", "voetbal", 0),
        ("voetbla", "voetbal", 1),  # two neighbours swapped
        ("voetal", "voetbal", 1),
        ("foetbal", "voetbal", 1),
        ("vrijwiliger", "vrijwilliger", 1),
        ("vrjiwiliger", "vrijwilliger", 2),
        ("tennis", "hockey", 3),  # beyond the limit of 2: limit + 1
    ],
)
def test_edit_distance_counts_swaps_as_one_and_stops_past_the_limit(a, b, distance):
    assert analysis.edit_distance(a, b, 2) == distance


def test_short_words_are_never_corrected():
    assert analysis.max_typos("bus") == 0
    assert analysis.max_typos("tuin") == 1
    assert analysis.max_typos("vrijwilliger") == 2
