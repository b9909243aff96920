"""Answering questionnaires in tests: by score per field, through the real services."""

from inzet.assessments import selectors, services
from inzet.assessments.models import Instrument, Item, Response

FIELDS = ["stuurkracht", "draagkracht", "samenwerkingskracht", "hulpkracht", "vernieuwingskracht"]


def krachtmeting() -> Instrument:
    return Instrument.objects.get(slug="krachtmeting", status=Instrument.Status.PUBLISHED)


def goed_geregeld() -> Instrument:
    return Instrument.objects.get(slug="goed-geregeld", status=Instrument.Status.PUBLISHED)


def raw_for_score(item: Item, score: int) -> str:
    """The answer that gives `score` (0, 25, 50, 75 or 100) on this item, minding reverse scoring."""
    if item.answer_type == Item.AnswerType.YES_NO:
        yes = score == 100
        return "1" if yes != item.reverse else "0"
    value = score // 25 + 1
    return str(6 - value if item.reverse else value)


def answer(
    response: Response, scores: dict[str, int], *, themes: list[str] | None = None, text: str = ""
) -> None:
    """Answer every scored item of each field in `scores` so that the field scores exactly that; "weet niet" on
    the scored items of the other fields."""
    for dimension in selectors.pages_for(response.assessment):
        items = [i for i in selectors.items_for(response.assessment) if i.dimension_id == dimension.pk]
        answers = {}
        for item in items:
            if item.is_scored and dimension.slug in scores:
                answers[item.code] = raw_for_score(item, scores[dimension.slug])
            elif item.is_scored:
                answers[item.code] = "dk"
            elif item.asks_support_themes and themes is not None:
                answers[item.code] = themes
            elif item.answer_type == Item.AnswerType.LONG_TEXT and text:
                answers[item.code] = text
        if answers:
            services.response_save_page(
                actor=response.respondent, response=response, dimension=dimension, answers=answers
            )


def submitted(
    actor, organisation, scores: dict[str, int], *, campaign=None, themes=None, text=""
) -> Response:
    """A coordinator (or a joining member) answers the KrachtMeting with these field scores and submits."""
    from inzet.assessments.models import Assessment

    existing = (
        Assessment.objects.filter(organisation=organisation, campaign=campaign).first() if campaign else None
    )
    if existing is not None:
        response = services.response_start(actor=actor, assessment=existing)
    else:
        response = services.assessment_start(
            actor=actor, organisation=organisation, instrument=krachtmeting(), campaign=campaign
        )
    answer(response, scores, themes=themes, text=text)
    return services.response_submit(actor=actor, response=response)


def uniform(score: int) -> dict[str, int]:
    return dict.fromkeys(FIELDS, score)
