"""Demo KrachtMeting for `manage.py load_demo`: support offers and a campaign in the demo region with about fifteen
submitted questionnaires, made through the real services so reports, audit log and mails look as after real use.

The demo coordinator's own organisation (Concordia Zuidhorn) is invited but has not answered yet: log in as the
coordinator to try the questionnaire.
"""

import random
from datetime import timedelta

from django.utils import timezone

from inzet.accounts.models import Membership, User
from inzet.assessments import selectors, services
from inzet.assessments.models import Instrument, Item
from inzet.collaboration import services as collaboration_services
from inzet.collaboration.models import SupportTheme
from inzet.organisations.models import SupportPoint

DEMO_SEED = 2026 + 4
SUBMITTING = 15

OFFERS = [
    (
        "bestuur-governance",
        "BestuurdersPoort: een ervaren bestuurder denkt mee",
        "Een deskundige bestuurder uit onze poule helpt jullie bestuur "
        "een paar avonden op één onderwerp: opvolging, taakverdeling of een lastig besluit.",
    ),
    (
        "werven-behouden",
        "Training ‘Vrijwilligers werven en houden’",
        "Twee avonden over vacatures schrijven, nieuwe groepen aanspreken en vrijwilligers binden. "
        "Gratis voor organisaties uit ons werkgebied.",
    ),
    (
        "jongeren",
        "Jongeren aan boord (MDT)",
        "We koppelen jongeren van 12 tot 30 die hun maatschappelijke diensttijd doen "
        "aan jullie organisatie, en helpen met een passende klus.",
    ),
    (
        "financien-fondsen",
        "Fondsenspreekuur",
        "Elke eerste dinsdag van de maand: hulp bij het vinden van fondsen en het schrijven van een aanvraag.",
    ),
    (
        "samenwerking",
        "Open Club-sessie in je dorp of wijk",
        "Een avond met organisaties uit de buurt: wat kunnen we samen beter? Wij organiseren en begeleiden.",
    ),
    (
        "wet-regelgeving",
        "Spreekuur WBTR, AVG en VOG",
        "Antwoord op vragen over bestuursaansprakelijkheid, privacy en de gratis VOG voor vrijwilligers.",
    ),
    (
        "digitalisering",
        "Digitale basis op orde",
        "Hulp bij een eenvoudige website, sociale media en online ledenadministratie, door vrijwillige ICT'ers.",
    ),
]


def load_demo_assessments(*, consultant: User) -> int:
    """Returns the number of submitted questionnaires."""
    rng = random.Random(DEMO_SEED)
    point = SupportPoint.objects.get(staff_memberships__user=consultant)
    themes = {theme.slug: theme for theme in SupportTheme.objects.all()}
    for slug, title, description in OFFERS:
        collaboration_services.support_offer_create(
            actor=consultant, support_point=point, theme=themes[slug], title=title, description=description
        )
    today = timezone.localdate()
    instrument = Instrument.objects.get(slug="krachtmeting", status=Instrument.Status.PUBLISHED)
    campaign = services.campaign_create(
        actor=consultant,
        support_point=point,
        instrument=instrument,
        title=f"Behoeftepeiling {today.year}",
        starts_on=today - timedelta(days=30),
        deadline=today + timedelta(days=14),
        municipalities=list(point.municipalities.all()),
        invitation_text=(
            "Hoe sterk staat jullie organisatie ervoor, en waar kunnen wij bij helpen? Vul de KrachtMeting in; "
            "het kost een kwartier. In het najaar nodigen we jullie uit voor een rondetafelgesprek over de uitkomsten."
        ),
    )
    organisations = sorted(
        (
            org
            for org in selectors.organisations_in_scope(campaign)
            if org.name != "Muziekvereniging Concordia Zuidhorn"
        ),
        key=lambda org: (org.municipality_id != "GM0014", org.name),
    )[:SUBMITTING]
    submitted = 0
    for organisation in organisations:
        coordinator = (
            organisation.memberships.filter(role=Membership.Role.COORDINATOR).select_related("user").first()
        )
        if coordinator is None:
            continue
        response = services.assessment_start(
            actor=coordinator.user, organisation=organisation, campaign=campaign
        )
        _answer(rng, response)
        services.response_submit(actor=coordinator.user, response=response)
        submitted += 1
    return submitted


def _answer(rng: random.Random, response) -> None:
    """Plausible answers: each field has a level for this organisation, statements scatter around it."""
    for dimension in selectors.pages_for(response.assessment):
        level = rng.uniform(1.8, 4.6)
        answers = {}
        for item in dimension.items.all():
            if item.answer_type == Item.AnswerType.AGREE5:
                if rng.random() < 0.05:
                    answers[item.code] = "dk"
                    continue
                value = min(5, max(1, round(rng.gauss(level, 0.8))))
                answers[item.code] = str(6 - value if item.reverse else value)
            elif item.answer_type == Item.AnswerType.NUMBER:
                answers[item.code] = str(rng.randint(5, 80))
            elif item.asks_support_themes:
                answers[item.code] = rng.sample(
                    [value for value, _label in item.choice_list()], rng.randint(1, 3)
                )
        services.response_save_page(
            actor=response.respondent, response=response, dimension=dimension, answers=answers
        )
