"""Every answer type an instrument may use, through the real loader and services: stored as given, nonsense
refused with nothing written."""

import pytest

from inzet.assessments import loader, services
from inzet.assessments.models import Answer
from inzet.core.errors import ApplicationError

SPEC = {
    "slug": "alle-soorten",
    "name": "Alle soorten vragen",
    "name_en": "Every kind of question",
    "status": "published",
    "scoring": {"method": "mean_scaled", "min_answered": 0.5},
    "dimensions": [
        {
            "slug": "alles",
            "name": "Alles",
            "name_en": "Everything",
            "items": [
                {"code": "eens", "type": "agree5", "text": "Eens?", "text_en": "Agree?"},
                {"code": "janee", "type": "yes_no", "text": "Ja of nee?", "text_en": "Yes or no?"},
                {
                    "code": "getal",
                    "type": "number",
                    "text": "Hoeveel?",
                    "text_en": "How many?",
                    "required": False,
                },
                {
                    "code": "een",
                    "type": "single_choice",
                    "text": "Welke vorm?",
                    "text_en": "Which form?",
                    "required": False,
                    "choices": [
                        {"value": "vereniging", "label": "Vereniging", "label_en": "Association"},
                        {"value": "stichting", "label": "Stichting", "label_en": "Foundation"},
                    ],
                },
                {
                    "code": "meer",
                    "type": "multiple_choice",
                    "text": "Welke dagen?",
                    "text_en": "Which days?",
                    "required": False,
                    "choices": [
                        {"value": "ma", "label": "Maandag", "label_en": "Monday"},
                        {"value": "di", "label": "Dinsdag", "label_en": "Tuesday"},
                    ],
                },
                {
                    "code": "kort",
                    "type": "short_text",
                    "text": "Naam?",
                    "text_en": "Name?",
                    "required": False,
                },
                {
                    "code": "lang",
                    "type": "long_text",
                    "text": "Toelichting?",
                    "text_en": "Notes?",
                    "required": False,
                },
            ],
        }
    ],
}


@pytest.fixture
def response(world):
    instrument, _status = loader.load_instrument(SPEC)
    return services.assessment_start(
        actor=world.coordinator, organisation=world.organisation, instrument=instrument
    )


def save(response, **answers):
    dimension = response.assessment.instrument.dimensions.get()
    services.response_save_page(
        actor=response.respondent, response=response, dimension=dimension, answers=answers
    )


def test_every_answer_type_is_stored_as_given(response):
    save(
        response,
        eens="4",
        janee="dk",
        getal="12,5",
        een="stichting",
        meer=["di", "ma", "di"],
        kort="  De Zwaluwen ",
        lang="Veel te vertellen.",
    )
    stored = {answer.item.code: answer for answer in Answer.objects.filter(response=response)}
    assert stored["eens"].number == 4 and stored["janee"].dont_know
    assert str(stored["getal"].number) == "12.50"
    assert stored["een"].text == "stichting" and stored["meer"].choices == ["di", "ma"]
    assert stored["kort"].text == "De Zwaluwen" and stored["lang"].text == "Veel te vertellen."

    submitted = services.response_submit(actor=response.respondent, response=response)
    # Only the agree/disagree and yes/no items are scored: 4 on the 5-point scale is 75, "weet niet" counts not.
    assert submitted.scores.get().score == 75


@pytest.mark.parametrize(
    "answers",
    [
        {"eens": "6"},
        {"janee": "misschien"},
        {"getal": "-1"},
        {"getal": "veel"},
        {"een": "bv"},
        {"meer": ["ma", "zo"]},
        {"kort": "x" * 301},
        {"onbekend": "1"},
    ],
)
def test_nonsense_is_refused_and_nothing_is_written(response, answers):
    with pytest.raises(ApplicationError):
        save(response, **{"eens": "3", **answers})
    assert not Answer.objects.filter(response=response).exists()
