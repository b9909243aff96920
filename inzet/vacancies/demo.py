"""Demo vacancies for `manage.py load_demo`: made through the real services, so review and audit are real."""

from inzet.accounts.models import Membership, User
from inzet.organisations.models import Organisation, Sector
from inzet.vacancies import availability, services
from inzet.vacancies.models import ActivityType, Vacancy
from inzet.vacancies.search import search_terms_refresh

# title, sector, kinds of work, hours, duration, (day, part) slots, suitable-for flags, description
VACANCIES = [
    (
        "Jeugdtrainer onder 10",
        "sport",
        ["sport-training"],
        3,
        "structural",
        [(1, 2), (3, 2)],
        ["suits_mdt"],
        "Train op dinsdag- en donderdagavond de jongste voetballers. Een cursus krijg je van de club.",
    ),
    (
        "Bardienst bij thuiswedstrijden",
        "sport",
        ["horeca-bar"],
        4,
        "structural",
        [(5, 0), (5, 1)],
        ["suits_simple_dutch", "suits_newcomers"],
        "Sta op zaterdag achter de bar in de kantine, samen met anderen.",
    ),
    (
        "Taalmaatje voor nieuwkomers",
        "zorg-welzijn",
        ["les-taal", "coaching-maatje"],
        2,
        "structural",
        [(2, 2)],
        ["remote_possible"],
        "Oefen een uur of twee per week Nederlands met een nieuwkomer, thuis of in de bibliotheek.",
    ),
    (
        "Chauffeur boodschappenbus",
        "zorg-welzijn",
        ["vervoer"],
        4,
        "structural",
        [(0, 0), (3, 0)],
        [],
        "Rijd ouderen op maandag- en donderdagochtend naar de supermarkt en weer terug. Rijbewijs B nodig.",
    ),
    (
        "Penningmeester",
        "dorpsbelangen-buurt",
        ["bestuur", "administratie"],
        3,
        "structural",
        [(1, 2)],
        [],
        "Beheer de financiën van de vereniging en maak de jaarrekening samen met de kascommissie.",
    ),
    (
        "Helpende handen bij de natuurwerkdag",
        "natuur-milieu",
        ["natuur", "evenementen"],
        6,
        "one_off",
        [(5, 0)],
        ["suits_mdt", "suits_disability"],
        "Eén zaterdag knotwilgen knotten en takken ruimen. Koffie en soep staan klaar.",
    ),
    (
        "Digitaal spreekuur voor senioren",
        "zorg-welzijn",
        ["digitale-hulp"],
        2,
        "structural",
        [(2, 1)],
        ["suits_mdt"],
        "Help ouderen met hun telefoon, tablet en DigiD op woensdagmiddag in het buurthuis.",
    ),
    (
        "Vrijwilliger sociale media",
        "cultuur",
        ["communicatie"],
        2,
        "short",
        [(0, 2)],
        ["remote_possible"],
        "Maak drie maanden lang de berichten voor onze voorstellingen. Vanuit huis, wanneer het je uitkomt.",
    ),
    (
        "Begeleider scoutingkamp",
        "scouting-jeugd",
        ["begeleiding", "evenementen"],
        20,
        "one_off",
        [(day, part) for day in range(7) for part in range(3)],
        ["suits_mdt"],
        "Ga een week mee op zomerkamp met de welpen. Een VOG vragen we aan.",
    ),
    (
        "Klusser voor het dorpshuis",
        "dorpsbelangen-buurt",
        ["techniek-klussen"],
        3,
        "structural",
        [(4, 0)],
        ["suits_simple_dutch"],
        "Kleine reparaties en onderhoud aan het dorpshuis, op vrijdagochtend met de klusploeg.",
    ),
    (
        "Muziekbibliothecaris",
        "muziek",
        ["administratie"],
        2,
        "structural",
        [(1, 1)],
        ["suits_disability"],
        "Houd het bladmuziekarchief van het orkest op orde en deel de partijen uit.",
    ),
    (
        "Gastvrouw of gastheer museum",
        "cultuur",
        ["horeca-bar", "begeleiding"],
        4,
        "structural",
        [(6, 1)],
        ["suits_newcomers"],
        "Ontvang bezoekers op zondagmiddag en vertel over de tentoonstelling.",
    ),
]
AWAITING_REVIEW = "Muziekbibliothecaris"


def load_demo_vacancies(*, consultant: User, volunteer: User) -> int:
    """Publish the demo vacancies at approved organisations of the right sector; one waits for review."""
    approved = Organisation.objects.filter(status=Organisation.Status.APPROVED).order_by("pk")
    count = 0
    for title, sector_slug, kinds, hours, duration, slots, flags, description in VACANCIES:
        sector = Sector.objects.get(slug=sector_slug)
        organisation = approved.filter(sectors=sector).first() or approved.first()
        coordinator = organisation.memberships.filter(role=Membership.Role.COORDINATOR).first().user
        vacancy = services.vacancy_create(
            actor=coordinator,
            organisation=organisation,
            title=title,
            description=description,
            sector=sector,
            activity_types=list(ActivityType.objects.filter(slug__in=kinds)),
            hours_per_week=hours,
            commitment=duration,
            availability=availability.mask_of(slots),
            contact_name=coordinator.name,
            contact_email=organisation.contact_email,
            insured=True,
            expenses_reimbursed=True,
            requires_vog="kamp" in title,
            **{flag: True for flag in flags},
        )
        services.vacancy_submit(actor=coordinator, vacancy=vacancy)
        if title != AWAITING_REVIEW:
            services.vacancy_publish(
                actor=consultant,
                vacancy=vacancy,
                confirmed=["hours", "insured", "expenses", "contact", "not_for_profit"],
            )
        count += 1
    services.profile_save(
        user=volunteer,
        postcode="9712 CP",
        max_distance_km=15,
        hours_per_week=4,
        allows_mediation=True,
        availability=availability.mask_of([(1, 2), (2, 1), (5, 0)]),
        sectors=list(Sector.objects.filter(slug__in=["sport", "zorg-welzijn"])),
        motivation="Ik wil graag iets doen in de buurt, het liefst met mensen.",
    )
    search_terms_refresh()  # the vocabulary with its counts, as the daily `manage.py search_index` keeps it
    first = Vacancy.objects.filter(status=Vacancy.Status.PUBLISHED).order_by("pk").first()
    services.response_create(
        volunteer=volunteer, vacancy=first, message="Hallo! Ik heb dinsdagavond tijd en train graag kinderen."
    )
    return count
