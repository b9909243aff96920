"""Scoring, with every expected number worked out by hand."""

from dataclasses import dataclass
from decimal import Decimal

import pytest

from inzet.assessments import scoring


@pytest.mark.parametrize(("value", "expected"), [(1, 0), (2, 25), (3, 50), (4, 75), (5, 100)])
def test_it_scales_an_agree_answer_from_0_to_100(value, expected):
    assert scoring.item_score(answer_type="agree5", reverse=False, value=value) == expected


@pytest.mark.parametrize(("value", "expected"), [(1, 100), (2, 75), (3, 50), (4, 25), (5, 0)])
def test_it_turns_a_reverse_scored_statement_around(value, expected):
    assert scoring.item_score(answer_type="agree5", reverse=True, value=Decimal(value)) == expected


def test_it_scores_yes_as_100_and_no_as_0_and_the_other_way_round_when_reversed():
    assert scoring.item_score(answer_type="yes_no", reverse=False, value=1) == 100
    assert scoring.item_score(answer_type="yes_no", reverse=False, value=0) == 0
    assert scoring.item_score(answer_type="yes_no", reverse=True, value=1) == 0
    assert scoring.item_score(answer_type="yes_no", reverse=True, value=0) == 100


@pytest.mark.parametrize(
    ("answer_type", "value"),
    [
        ("agree5", None),
        ("agree5", 0),
        ("agree5", 6),
        ("agree5", 2.5),
        ("yes_no", 2),
        ("number", 4),
        ("long_text", 1),
    ],
)
def test_it_gives_no_score_to_missing_impossible_or_unscored_answers(answer_type, value):
    assert scoring.item_score(answer_type=answer_type, reverse=False, value=value) is None


def test_a_field_score_is_the_mean_of_the_answered_items():
    # 100, 50 and 0 answered, one "weet niet": (100 + 50 + 0) / 3 = 50
    assert scoring.dimension_score([100, 50, None, 0]) == 50


def test_a_field_answered_exactly_at_the_minimum_gets_a_score():
    # 2 of 4 answered = 0.5, the default minimum: (100 + 50) / 2 = 75
    assert scoring.dimension_score([100, 50, None, None]) == 75


def test_a_field_with_too_few_answers_gets_no_score():
    assert scoring.dimension_score([100, None, None, None]) is None
    assert scoring.dimension_score([None, None]) is None
    assert scoring.dimension_score([]) is None
    # A stricter rule: 3 of 4 needed.
    assert scoring.dimension_score([100, 50, None, None], min_answered=0.75) is None


@dataclass
class FakeItem:
    pk: int
    dimension_id: int
    answer_type: str
    reverse: bool = False


def test_it_scores_a_response_per_field_leaving_out_dont_know_and_unscored_items():
    items = [
        FakeItem(1, 10, "agree5"),
        FakeItem(2, 10, "agree5", reverse=True),
        FakeItem(3, 10, "agree5"),
        FakeItem(4, 10, "number"),
        FakeItem(5, 20, "yes_no"),
        FakeItem(6, 20, "yes_no", reverse=True),
        FakeItem(7, 30, "agree5"),
        FakeItem(8, 30, "agree5"),
        FakeItem(9, 30, "agree5"),
    ]
    values = {1: 4, 2: 2, 3: None, 4: 12, 5: 1, 6: 1, 7: 5}
    result = scoring.score_response(items, values)
    # field 10: item 1 → 75, item 2 reversed (6 − 2 = 4) → 75, item 3 "weet niet"; the number does not count.
    assert result[10] == scoring.FieldScore(score=75, answered=2, scored_items=3)
    # field 20: yes → 100, yes on a reversed item → 0; mean 50.
    assert result[20] == scoring.FieldScore(score=50, answered=2, scored_items=2)
    # field 30: one of three answered, below the half: no score.
    assert result[30] == scoring.FieldScore(score=None, answered=1, scored_items=3)


def test_it_summarises_scores_over_organisations():
    summary = scoring.summarise([40, 10, None, 90, 30, 20])
    assert summary.n == 5
    assert summary.mean == 38  # (10 + 20 + 30 + 40 + 90) / 5
    assert summary.median == 30
    # inclusive quartiles of 10, 20, 30, 40, 90: positions 1 and 3 of 0..4
    assert (summary.q1, summary.q3) == (20, 40)
    assert (summary.minimum, summary.maximum, summary.spread) == (10, 90, 80)
    # bins 0–20, 20–40, 40–60, 60–80, 80–100 (lower bound inclusive)
    assert summary.histogram == (1, 2, 1, 0, 1)


def test_it_summarises_a_single_score_and_nothing():
    one = scoring.summarise([62.5])
    assert (one.n, one.mean, one.median, one.q1, one.q3) == (1, 62.5, 62.5, 62.5, 62.5)
    empty = scoring.summarise([None])
    assert (empty.n, empty.mean, empty.spread, empty.histogram) == (0, None, None, (0, 0, 0, 0, 0))


def test_a_score_of_100_falls_in_the_top_bin():
    assert scoring.histogram([0, 19.9, 20, 100]) == (2, 1, 0, 0, 1)
