"""How answers become scores. Pure functions, no database: see tests/test_scoring.py for worked examples.

- A 5-point agree item answered v (1 = helemaal mee oneens … 5 = helemaal mee eens) scores (v − 1) / 4 × 100;
  a reverse-scored item ("We hebben te weinig mensen") first becomes 6 − v.
- A yes/no item scores 100 for yes and 0 for no; reversed, the other way round.
- "Weet niet / n.v.t." and unanswered items do not count, in the numerator or the denominator.
- A field's score is the mean of its answered item scores, provided at least `min_answered` (a fraction) of its
  scored items were answered; otherwise it has no score ("onvoldoende antwoorden").
- Numbers, choices and texts are never scored.
"""

import statistics
from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol

AGREE5 = "agree5"
YES_NO = "yes_no"
SCORED_TYPES = (AGREE5, YES_NO)
DEFAULT_MIN_ANSWERED = 0.5
HISTOGRAM_BINS = 5  # 0–20, 20–40, 40–60, 60–80, 80–100


class ScorableItem(Protocol):
    pk: int
    dimension_id: int
    answer_type: str
    reverse: bool


def item_score(*, answer_type: str, reverse: bool, value: float | Decimal | None) -> float | None:
    """The 0–100 score of one answer, or None when the item is not scored or has no usable answer."""
    if value is None:
        return None
    value = float(value)
    if answer_type == AGREE5:
        if value not in (1, 2, 3, 4, 5):
            return None
        if reverse:
            value = 6 - value
        return (value - 1) / 4 * 100
    if answer_type == YES_NO:
        if value not in (0, 1):
            return None
        yes = value == 1
        return 0.0 if yes == reverse else 100.0
    return None


def dimension_score(
    item_scores: list[float | None], *, min_answered: float = DEFAULT_MIN_ANSWERED
) -> float | None:
    """Mean of the answered item scores of a field; None when fewer than `min_answered` of them were answered."""
    if not item_scores:
        return None
    answered = [score for score in item_scores if score is not None]
    if not answered or len(answered) < min_answered * len(item_scores):
        return None
    return sum(answered) / len(answered)


@dataclass(frozen=True)
class FieldScore:
    score: float | None
    answered: int
    scored_items: int


def score_response(
    items: list[ScorableItem],
    values: dict[int, float | Decimal | None],
    *,
    min_answered: float = DEFAULT_MIN_ANSWERED,
) -> dict[int, FieldScore]:
    """Scores per dimension id of one response. `values` maps item id → the answered number (None: don't know).

    Only the items given count: a small organisation answering only the essential items is scored on those.
    """
    per_dimension: dict[int, list[float | None]] = {}
    for item in items:
        if item.answer_type not in SCORED_TYPES:
            continue
        per_dimension.setdefault(item.dimension_id, []).append(
            item_score(answer_type=item.answer_type, reverse=item.reverse, value=values.get(item.pk))
        )
    return {
        dimension_id: FieldScore(
            score=dimension_score(scores, min_answered=min_answered),
            answered=sum(score is not None for score in scores),
            scored_items=len(scores),
        )
        for dimension_id, scores in per_dimension.items()
    }


@dataclass(frozen=True)
class Summary:
    """The distribution of some scores (of respondents, or of organisations)."""

    n: int
    mean: float | None
    median: float | None
    q1: float | None
    q3: float | None
    minimum: float | None
    maximum: float | None
    histogram: tuple[int, ...]

    @property
    def spread(self) -> float | None:
        return None if self.minimum is None else self.maximum - self.minimum


def summarise(values: list[float | None]) -> Summary:
    """n, mean, median, quartiles (inclusive method), min, max and a 5-bin histogram of the non-empty values."""
    present = sorted(value for value in values if value is not None)
    if not present:
        return Summary(0, None, None, None, None, None, None, (0,) * HISTOGRAM_BINS)
    if len(present) == 1:
        q1 = q3 = present[0]
    else:
        q1, _median, q3 = statistics.quantiles(present, n=4, method="inclusive")
    return Summary(
        n=len(present),
        mean=statistics.fmean(present),
        median=statistics.median(present),
        q1=q1,
        q3=q3,
        minimum=present[0],
        maximum=present[-1],
        histogram=histogram(present),
    )


def histogram(values: list[float], bins: int = HISTOGRAM_BINS) -> tuple[int, ...]:
    """Counts per equal-width bin over 0–100; 100 falls in the last bin, every bin's lower bound is inclusive."""
    counts = [0] * bins
    for value in values:
        counts[min(int(value // (100 / bins)), bins - 1)] += 1
    return tuple(counts)


def mean_or_none(values: list[float | None]) -> float | None:
    present = [value for value in values if value is not None]
    return statistics.fmean(present) if present else None
