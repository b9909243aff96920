"""A believable demo region in the province of Groningen, for `make run` and for trying things out.

Everything is created through the same services the application uses, so the audit log and the task queue look
as they would after real use. Names, numbers and addresses are invented: phone numbers follow the fake
`050-1234xxx` pattern and every email address ends in `example.org` or `inzet.example`, so nothing can reach a
real person.
"""

import random
import unicodedata
from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.db import transaction
from django.utils.text import slugify

from inzet.accounts.models import Membership, OfficerMembership, StaffMembership, User
from inzet.organisations import services as organisation_services
from inzet.organisations.models import Organisation, Sector, SupportPoint
from inzet.places.models import Municipality, PostcodeArea

DEMO_PASSWORD = "demo-inzet-2026"
DEMO_URL = "http://127.0.0.1:8000"
DEMO_SEED = 2026
SUPPORT_POINT_SLUG = "vrijwilligerscentrale"
OTHER_SUPPORT_POINT_SLUG = "steunpunt-vrijwilligerswerk-oldambt"

GRONINGEN, HET_HOGELAND, WESTERKWARTIER, OLDAMBT = "GM0014", "GM1966", "GM1969", "GM1895"

# Postcode letters never issued by PostNL.
_EXCLUDED_LETTERS = {"SA", "SD", "SS"}


@dataclass(frozen=True)
class DemoLogin:
    key: str
    email: str
    name: str
    role: str  # Dutch, as shown in the table
    role_en: str


DEMO_LOGINS = (
    DemoLogin("staff", "beheer@inzet.example", "Sanne de Vries", "Platformbeheerder", "platform admin"),
    DemoLogin(
        "consultant",
        "consulent@inzet.example",
        "Marieke Bakker",
        "Consulent Vrijwilligerscentrale",
        "consultant",
    ),
    DemoLogin("manager", "manager@inzet.example", "Henk Mulder", "Manager Vrijwilligerscentrale", "manager"),
    DemoLogin(
        "officer",
        "gemeente@inzet.example",
        "Jeroen Smit",
        "Beleidsmedewerker gemeente Groningen",
        "municipal officer",
    ),
    DemoLogin(
        "coordinator",
        "coordinator@inzet.example",
        "Anouk Hoekstra",
        "Coördinator Concordia Zuidhorn en Taalcafé Leek",
        "organisation coordinator",
    ),
    DemoLogin(
        "member", "lid@inzet.example", "Pieter Dijkstra", "Lid Concordia Zuidhorn", "organisation member"
    ),
    DemoLogin("volunteer", "vrijwilliger@inzet.example", "Fatima El Amrani", "Vrijwilliger", "volunteer"),
    DemoLogin(
        "other_consultant",
        "consulent-oldambt@inzet.example",
        "Gerrit Boersma",
        "Consulent Steunpunt Oldambt",
        "consultant, other support point",
    ),
)

SUPPORT_POINTS = (
    {
        "slug": SUPPORT_POINT_SLUG,
        "name": "Vrijwilligerscentrale",
        "email": "info@vrijwilligerscentrale.example.org",
        "phone": "050-1234000",
        "website": "https://vrijwilligerscentrale.example.org",
        "address": "Gedempte Zuiderdiep 50, 9711 HK Groningen",
        "municipalities": (GRONINGEN, HET_HOGELAND, WESTERKWARTIER),
    },
    {
        "slug": OTHER_SUPPORT_POINT_SLUG,
        "name": "Steunpunt Vrijwilligerswerk Oldambt",
        "email": "info@steunpunt-oldambt.example.org",
        "phone": "050-1234001",
        "website": "",
        "address": "Langestraat 12, 9671 PJ Winschoten",
        "municipalities": (OLDAMBT,),
    },
)

# Roles in the demo organisations; the coordinator's two organisations must be in this table.
COORDINATOR_APPROVED = "Muziekvereniging Concordia Zuidhorn"
COORDINATOR_PENDING = "Stichting Taalcafé Leek"
PENDING = {
    COORDINATOR_PENDING,
    "Stichting Kattenopvang Stad",
    "Belangengroep Bevingsschade Het Hogeland",
    "Stichting Jeugdwerk Lutjegast",
}
REJECTED = {
    "Klushulp De Handige Buurman": (
        "Dit is een klusbedrijf dat zijn diensten tegen betaling aanbiedt; daarvoor is dit platform niet "
        "bedoeld. Werkt u toch met vrijwilligers zonder winstoogmerk? Pas dan de beschrijving aan, dan "
        "kijken we opnieuw."
    ),
}


@dataclass(frozen=True)
class DemoOrganisation:
    name: str
    legal_form: str  # "vereniging", "stichting" or "informeel"
    municipality: str
    city: str
    pc4: str
    street: str
    sectors: tuple[str, ...]
    size: str  # "s", "m" or "l": roughly how many volunteers
    description: str


def _parse_organisations(table: str) -> tuple[DemoOrganisation, ...]:
    """Blocks separated by blank lines. `[GM0014 Groningen]` starts a municipality; an organisation is its
    name, then `legal form | place | PC4 | street | sector slugs | size`, then its description."""
    organisations, municipality = [], ""
    for block in table.strip().split("\n\n"):
        lines = [line.strip() for line in block.strip().splitlines()]
        if lines[0].startswith("["):
            municipality = lines[0].strip("[]").split()[0]
            continue
        legal_form, city, pc4, street, sectors, size = lines[1].split(" | ")
        organisations.append(
            DemoOrganisation(
                lines[0],
                legal_form,
                municipality,
                city,
                pc4,
                street,
                tuple(sectors.split()),
                size,
                " ".join(lines[2:]),
            )
        )
    return tuple(organisations)


ORGANISATIONS = _parse_organisations("""
[GM0014 Groningen]

Stichting Vrienden van het Noorderplantsoen
    stichting | Groningen | 9717 | Kruissingel | natuur-milieu | m
    Wij houden het Noorderplantsoen mooi: we wieden de borders, snoeien de rozentuin en ruimen
    zwerfafval op. Iedere eerste zaterdag van de maand is er een werkochtend waar iedereen welkom is.

Voetbalvereniging GSC Paddepoel
    vereniging | Groningen | 9742 | Zonnelaan | sport | l
    Amateurvoetbalclub met twaalf jeugdteams en vier seniorenteams. Vrijwilligers zijn onmisbaar als
    trainer, scheidsrechter en achter de bar in de kantine.

Hockeyclub De Helpman
    vereniging | Groningen | 9722 | Coendersweg | sport | l
    Gezellige hockeyclub voor jong en oud, van de jongste jeugd tot de veteranen. We zoeken altijd
    ouders die een team willen coachen of een bardienst draaien.

Muziekvereniging Harmonie Oosterpark
    vereniging | Groningen | 9731 | Vinkenstraat | muziek | m
    Harmonieorkest met een eigen opleiding voor jonge muzikanten. We spelen op 4 en 5 mei, op Koningsdag
    en in de buurthuizen van Oost.

Gemengd Koor Sjaloom Groningen
    vereniging | Groningen | 9741 | Eikenlaan | muziek religie-levensbeschouwing | s
    Gemengd koor dat geestelijke en wereldlijke muziek zingt. We verzorgen regelmatig de muziek in
    kerkdiensten in Stad en Ommeland.

Toneelvereniging Het Voetlicht
    vereniging | Groningen | 9726 | Verlengde Hereweg | cultuur | s
    Amateurtoneelvereniging die twee keer per jaar een voorstelling speelt. Achter de schermen is hulp
    welkom bij decor, kostuums en grime.

Scouting Sint Maarten Groningen
    vereniging | Groningen | 9743 | Siersteenlaan | scouting-jeugd | m
    Scoutinggroep met bevers, welpen, scouts en explorers. Elke zaterdag een programma en elke zomer een
    kamp, geleid door vrijwillige leiding.

Stichting Buurtcentrum De Wijert
    stichting | Groningen | 9725 | Van Lenneplaan | dorpsbelangen-buurt zorg-welzijn | m
    Buurtcentrum met inloopkoffie, een repaircafé en activiteiten voor ouderen. Vrijwilligers draaien de
    bar, de receptie en de activiteiten.

Wijkraad Selwerd
    informeel | Groningen | 9741 | Kastanjelaan | dorpsbelangen-buurt | s
    Bewonersgroep die opkomt voor de belangen van Selwerd bij gemeente en woningcorporaties, en elk jaar
    het wijkfeest organiseert.

Stichting Thuisadministratie Groningen
    stichting | Groningen | 9711 | Oude Ebbingestraat | zorg-welzijn | m
    Getrainde vrijwilligers helpen inwoners thuis om hun post en geldzaken op orde te krijgen en te
    houden. We werken samen met het wijkteam.

Stichting Voedselhulp Stad
    stichting | Groningen | 9723 | Europaweg | zorg-welzijn | l
    Wij delen wekelijks voedselpakketten uit aan huishoudens die tijdelijk krap zitten. Vrijwilligers
    sorteren, pakken in en rijden de bezorgroutes.

Vereniging Vriendendienst Groningen
    vereniging | Groningen | 9724 | Helper Brink | zorg-welzijn | m
    Vrijwilligers bezoeken ouderen en mensen die weinig contacten hebben, voor een praatje, een
    wandeling of samen boodschappen doen.

Imkervereniging Stad en Lande
    vereniging | Groningen | 9745 | Zuiderweg | natuur-milieu | s
    Vereniging van imkers met een eigen bijenstal. Elk voorjaar starten we een cursus voor beginnende
    imkers.

Natuurwerkgroep Kardinge
    informeel | Groningen | 9735 | Kardingerweg | natuur-milieu | s
    Wij onderhouden poelen, knotwilgen en nestkasten in recreatiegebied Kardinge. Werkochtenden zijn op
    zaterdag, koffie en gereedschap staan klaar.

Stichting Huiswerkbegeleiding Vinkhuizen
    stichting | Groningen | 9744 | Pleiadenlaan | onderwijs scouting-jeugd | m
    Vrijwilligers helpen kinderen uit groep 7 en 8 en brugklassers twee middagen per week met lezen,
    rekenen en plannen.

Stichting Taalmaatjes Groningen
    stichting | Groningen | 9712 | Oude Boteringestraat | onderwijs zorg-welzijn | l
    Wij koppelen nieuwkomers aan een taalmaatje dat een uur per week samen Nederlands oefent, in de
    bibliotheek of thuis.

Diaconie Wijkgemeente Oosterpoort
    stichting | Groningen | 9724 | Meeuwerderweg | religie-levensbeschouwing zorg-welzijn | m
    De diaconie organiseert buurtmaaltijden, bezoekwerk en vervoer naar het ziekenhuis voor
    wijkbewoners, kerklid of niet.

Stichting Ontmoetingscentrum Al Amal
    stichting | Groningen | 9743 | Zernikelaan | religie-levensbeschouwing onderwijs | m
    Moskee en ontmoetingscentrum met een huiswerkklas, lessen Nederlands voor vrouwen en open dagen voor
    de buurt.

Cliëntenraad Sociaal Domein Groningen
    informeel | Groningen | 9711 | Grote Markt | belangenbehartiging | s
    Inwoners die zorg of ondersteuning krijgen, adviseren de gemeente gevraagd en ongevraagd over het
    beleid in het sociaal domein.

Huurdersvereniging Oosterparkwijk
    vereniging | Groningen | 9731 | Oosterparkplein | belangenbehartiging dorpsbelangen-buurt | s
    Huurdersvereniging die opkomt voor de bewoners van ruim twaalfhonderd huurwoningen in de
    Oosterparkwijk.

Stichting Repaircafé Groningen-Zuid
    stichting | Groningen | 9727 | Laan Corpus den Hoorn | overig natuur-milieu | s
    Elke tweede zaterdag van de maand repareren vrijwilligers kapotte spullen samen met de eigenaar, van
    broodrooster tot fietsband.

Stichting Kattenopvang Stad
    stichting | Groningen | 9746 | Bedumerweg | overig | s
    Wij vangen zwerfkatten op, laten ze verzorgen en zoeken een nieuw thuis. Vrijwilligers verzorgen de
    dieren en begeleiden adopties.

Stichting Jeugdtheater Het Kleine Podium
    stichting | Groningen | 9713 | Nieuwe Ebbingestraat | cultuur scouting-jeugd | s
    Theaterlessen en voorstellingen voor kinderen van acht tot zestien jaar, gegeven door vrijwillige
    regisseurs en theaterdocenten.

Oudheidkundige Kring Haren
    vereniging | Haren | 9751 | Rijksstraatweg | cultuur | s
    Wij verzamelen en delen de geschiedenis van Haren en omgeving, met een eigen archief, lezingen en
    historische wandelingen.

Tennisvereniging Ten Boer
    vereniging | Ten Boer | 9791 | Sportparklaan | sport | m
    Tennisvereniging met zes gravelbanen, een actieve jeugdcommissie en een jaarlijks open toernooi.

Dorpsbelangen Noordlaren
    vereniging | Noordlaren | 9479 | Zuidlaarderweg | dorpsbelangen-buurt | s
    Vereniging die de leefbaarheid van Noordlaren bewaakt en jaarlijks de dorpsfeesten en de
    snertwandeling organiseert.

Klushulp De Handige Buurman
    informeel | Groningen | 9736 | Ulgersmaweg | overig | s
    Wij doen kleine klussen in en om het huis voor een vast uurtarief. Bel of mail voor een offerte.

[GM1966 Het Hogeland]

Dorpsbelangen Winsum
    vereniging | Winsum | 9951 | Hoofdstraat | dorpsbelangen-buurt | s
    Vereniging voor alle inwoners van Winsum. We praten mee over plannen van de gemeente en organiseren
    de jaarlijkse opschoondag.

Scouting Uithuizen
    vereniging | Uithuizen | 9981 | Mennonietenkerkstraat | scouting-jeugd | m
    Scoutinggroep voor jongens en meisjes van vijf tot achttien jaar, met een eigen clubhuis aan de rand
    van het dorp.

Muziekvereniging Wilhelmina Warffum
    vereniging | Warffum | 9989 | Schoolstraat | muziek | m
    Fanfareorkest met slagwerkgroep en leerlingenorkest. We spelen bij dorpsfeesten en concoursen in de
    provincie.

Voetbalvereniging Bedumer Boys
    vereniging | Bedum | 9781 | Sportlaan | sport | l
    Voetbalclub met ruim driehonderd leden. Vrijwilligers trainen de jeugd, fluiten wedstrijden en
    houden het sportpark netjes.

Stichting Dorpshuis 't Trefpunt Usquert
    stichting | Usquert | 9988 | Dorpsstraat | dorpsbelangen-buurt cultuur | m
    Het dorpshuis is de huiskamer van Usquert: van biljartclub tot toneelavond. Het wordt volledig door
    vrijwilligers gerund.

Stichting Natuurbeheer Wierden en Kwelders
    stichting | Pieterburen | 9968 | Hoofdstraat | natuur-milieu | m
    Vrijwilligers helpen bij het beheer van wierden, kwelders en dijkvegetatie langs de Waddenkust, en
    bij vogeltellingen.

Vereniging Zorgzaam Leens
    vereniging | Leens | 9965 | Molenstraat | zorg-welzijn | m
    Zorgvereniging van en voor inwoners van Leens en omgeving. Vrijwilligers rijden ouderen, helpen in
    de tuin en organiseren de dagopvang.

Stichting Vrijwillige Thuishulp Het Hogeland
    stichting | Baflo | 9953 | Raadhuisstraat | zorg-welzijn | m
    Vrijwilligers bieden mantelzorgers een adempauze door een dagdeel bij hun naaste te zijn.

Christelijke Oratoriumvereniging Bedum
    vereniging | Bedum | 9781 | Kerkstraat | muziek religie-levensbeschouwing | s
    Oratoriumkoor dat elk jaar rond Pasen een passie uitvoert, met beroepssolisten en orkest.

Stichting Vrienden van de Jacobuskerk Uithuizen
    stichting | Uithuizen | 9981 | Hoofdstraat | religie-levensbeschouwing cultuur | s
    Wij zorgen dat de middeleeuwse kerk open is voor bezoekers en concerten. Vrijwilligers zijn gastheer
    of gastvrouw en geven rondleidingen.

Stichting Voorlezen Uithuizermeeden
    stichting | Uithuizermeeden | 9982 | Oude Dijk | onderwijs | s
    Vrijwilligers lezen twintig weken lang wekelijks voor bij gezinnen thuis, om kinderen plezier in
    lezen te geven.

IJsvereniging Nooitgedacht Zoutkamp
    vereniging | Zoutkamp | 9974 | Reitdiepskade | sport | s
    IJsvereniging met een natuurijsbaan. Als het vriest staan vrijwilligers dag en nacht klaar om de
    baan te vegen en te sproeien.

Stichting Visserijhistorie Zoutkamp
    stichting | Zoutkamp | 9974 | Dorpsstraat | cultuur | s
    Wij bewaren de geschiedenis van de Zoutkamper visserij, met een tentoonstelling, verhalen van oud-
    vissers en een gerestaureerde garnalenkotter.

Stichting Molen De Vier Winden Ulrum
    stichting | Ulrum | 9971 | Molenweg | overig cultuur | s
    Vrijwillige molenaars laten de molen op zaterdag draaien en leiden bezoekers rond. Nieuwe leerling-
    molenaars zijn welkom.

Belangengroep Bevingsschade Het Hogeland
    informeel | Winsum | 9951 | Stationsweg | belangenbehartiging | s
    Bewoners met aardbevingsschade helpen elkaar met het schadeproces en praten namens hen met
    instanties.

Stichting Speeltuin De Hoogte Sauwerd
    stichting | Sauwerd | 9771 | Wetsingerweg | scouting-jeugd dorpsbelangen-buurt | s
    Speeltuin voor de kinderen van Sauwerd, onderhouden door ouders en buurtbewoners.

Volkstuinvereniging Het Groene Erf
    vereniging | Winsum | 9951 | Tuinbouwlaan | natuur-milieu overig | s
    Volkstuinvereniging met veertig tuinen en een gezamenlijke pluktuin voor de voedselbank.

Stichting Schooltuinen Eenrum
    stichting | Eenrum | 9967 | Hoofdstraat | onderwijs natuur-milieu | s
    Basisschoolkinderen leren groenten kweken in de schooltuin, begeleid door vrijwillige tuiniers.

[GM1969 Westerkwartier]

Voetbalvereniging Be Quick Ezinge
    vereniging | Ezinge | 9891 | Sportparkweg | sport | m
    Dorpsvoetbalclub waar iedereen meedoet, van de kabouters tot het zaterdagteam. De kantine wordt door
    vrijwilligers gerund.

Muziekvereniging Concordia Zuidhorn
    vereniging | Zuidhorn | 9801 | Hoofdstraat | muziek | m
    Harmonieorkest, slagwerkensemble en opleidingsorkest onder één dak. We repeteren op dinsdagavond in
    het dorpshuis.

Dorpsbelangen Grijpskerk
    vereniging | Grijpskerk | 9843 | Molenstraat | dorpsbelangen-buurt | s
    Vereniging die opkomt voor een leefbaar Grijpskerk, met aandacht voor veilig verkeer, groen en het
    verenigingsleven.

Scoutinggroep De Zeven Wouden Leek
    vereniging | Leek | 9351 | Nienoordlaan | scouting-jeugd | m
    Scoutinggroep met een eigen terrein bij landgoed Nienoord. We zoeken leiding voor de welpen en een
    penningmeester.

Korfbalvereniging Flamingo's Tolbert
    vereniging | Tolbert | 9356 | Sportparklaan | sport | m
    Korfbalvereniging met veld- en zaalkorfbal voor alle leeftijden, en een bruisende jeugdcommissie.

Stichting Samen Oud Marum
    stichting | Marum | 9363 | Raadhuisstraat | zorg-welzijn | m
    Activiteiten voor ouderen in Marum: een wekelijkse soos, de eettafel en een belbus naar de markt.

Stichting Terminale Zorg Westerkwartier
    stichting | Grootegast | 9861 | Hoofdstraat | zorg-welzijn | m
    Getrainde vrijwilligers waken bij mensen in hun laatste levensfase, thuis, zodat mantelzorgers even
    kunnen rusten.

Natuurwerkgroep Aduard
    vereniging | Aduard | 9831 | Burgemeester Seinenstraat | natuur-milieu | s
    Wij onderhouden houtwallen en wandelpaden rond Aduard en organiseren excursies voor dorpsgenoten.

Stichting Vrienden van de Abdijkerk Aduard
    stichting | Aduard | 9831 | Hofstraat | religie-levensbeschouwing cultuur | s
    Wij steunen het behoud van de abdijkerk en organiseren rondleidingen, concerten en de open
    monumentendag.

Christelijke Muziekvereniging Crescendo Opende
    vereniging | Opende | 9865 | Kerkstraat | muziek | s
    Brassband met een eigen leerlingenopleiding. We spelen bij kerkdiensten, dorpsfeesten en de
    kerstmarkt.

Stichting Dorpshuis De Bongerd Oldehove
    stichting | Oldehove | 9883 | Hoofdstraat | dorpsbelangen-buurt | s
    Dorpshuis met een zaal, een bibliotheekhoek en een kleine sportzaal, beheerd door een groep
    vrijwilligers.

Stichting Jeugdwerk Lutjegast
    stichting | Lutjegast | 9866 | Abel Tasmanweg | scouting-jeugd | s
    Clubs voor kinderen en tieners op vrijdagavond, en elk jaar de kinderweek in de zomervakantie.

Stichting Taalcafé Leek
    stichting | Leek | 9351 | Tolberterstraat | onderwijs | s
    Elke donderdagochtend oefenen nieuwkomers Nederlands in een ontspannen gesprek met vrijwilligers, in
    de bibliotheek van Leek.

Platform Gehandicaptenbeleid Westerkwartier
    informeel | Zuidhorn | 9801 | Kerkstraat | belangenbehartiging zorg-welzijn | s
    Inwoners met een beperking en hun naasten letten op toegankelijkheid van gebouwen, wegen en
    informatie in het Westerkwartier.

Stichting Klussendienst Westerkwartier
    stichting | Noordhorn | 9804 | Langestraat | overig zorg-welzijn | m
    Handige vrijwilligers doen kleine, gratis klussen bij ouderen en mensen met een smalle beurs, zoals
    een lamp ophangen of een kraan vervangen.
""")

_FIRST_NAMES = (
    "Jan Hilde Klaas Ineke Bert Janneke Wim Geertje Roelf Esther Harm Tineke Sjoerd Annet Albert Margriet "
    "Gert-Jan Yvonne Koen Lotte Mohamed Saskia Dirk Renske Hamid Femke Jelle Wietske Bas Ilse"
).split()
_LAST_NAMES = (
    "Jansen, Bos, Veenstra, Kuipers, Wiersma, Postma, van der Veen, Huizinga, de Boer, Meijer, Schuurman, "
    "Oosterhof, Zijlstra, Brouwer, Venema, Drenth, Kramer, Visser, Tuinstra, Bouma, Kok, de Jong, Nijenhuis, "
    "Smit, Hofman, Kloosterman, Wolters, Mulder, Boonstra, Pol"
).split(", ")
_VOLUNTEERS = {"s": (6, 30), "m": (25, 90), "l": (80, 260)}


class DemoError(Exception):
    """The demo cannot be loaded into this database; the message says why."""


@dataclass
class DemoResult:
    support_points: int
    organisations: int
    approved: int
    pending: int
    rejected: int
    users: int


def demo_present() -> bool:
    return SupportPoint.objects.filter(slug=SUPPORT_POINT_SLUG).exists()


def demo_logins_present() -> list[DemoLogin]:
    """The demo logins that exist in this database, in table order."""
    existing = set(
        User.objects.filter(email__in=[login.email for login in DEMO_LOGINS]).values_list("email", flat=True)
    )
    return [login for login in DEMO_LOGINS if login.email in existing]


@transaction.atomic
def load_demo() -> DemoResult | None:
    """Build the demo region. Returns None, changing nothing, when it is already there."""
    if demo_present():
        return None
    rng = random.Random(DEMO_SEED)
    _check_preconditions()
    users = {login.key: _create_login(login) for login in DEMO_LOGINS}
    users["staff"].is_staff = users["staff"].is_superuser = True
    users["staff"].save(update_fields=["is_staff", "is_superuser"])

    support_points = {spec["slug"]: _create_support_point(spec) for spec in SUPPORT_POINTS}
    main_point = support_points[SUPPORT_POINT_SLUG]
    StaffMembership.objects.create(
        user=users["consultant"], support_point=main_point, role=StaffMembership.Role.CONSULTANT
    )
    StaffMembership.objects.create(
        user=users["manager"], support_point=main_point, role=StaffMembership.Role.MANAGER
    )
    StaffMembership.objects.create(
        user=users["other_consultant"],
        support_point=support_points[OTHER_SUPPORT_POINT_SLUG],
        role=StaffMembership.Role.CONSULTANT,
    )
    OfficerMembership.objects.create(user=users["officer"], municipality_id=GRONINGEN)

    organisations = _register_organisations(rng, coordinator=users["coordinator"])
    consultant = users["consultant"]
    for organisation in organisations:
        if organisation.name in REJECTED:
            organisation_services.organisation_reject(
                actor=consultant, organisation=organisation, reason=REJECTED[organisation.name]
            )
        elif organisation.name not in PENDING:
            organisation_services.organisation_approve(actor=consultant, organisation=organisation)

    coordinator_organisation = next(org for org in organisations if org.name == COORDINATOR_APPROVED)
    invitation = organisation_services.invitation_create(
        actor=users["coordinator"],
        organisation=coordinator_organisation,
        email=users["member"].email,
        role=Membership.Role.MEMBER,
    )
    organisation_services.invitation_accept(user=users["member"], invitation=invitation)

    from inzet.vacancies.demo import load_demo_vacancies

    load_demo_vacancies(consultant=consultant, volunteer=users["volunteer"])

    from inzet.assessments.demo import load_demo_assessments

    load_demo_assessments(consultant=consultant)

    from inzet.events.demo import load_demo_events

    load_demo_events(consultant=consultant, users=users)

    return DemoResult(
        support_points=len(support_points),
        organisations=len(organisations),
        approved=len(organisations) - len(PENDING) - len(REJECTED),
        pending=len(PENDING),
        rejected=len(REJECTED),
        users=len(users),
    )


def _check_preconditions() -> None:
    needed = {org.municipality for org in ORGANISATIONS} | {
        code for spec in SUPPORT_POINTS for code in spec["municipalities"]
    }
    missing = needed - set(Municipality.objects.filter(code__in=needed).values_list("code", flat=True))
    if missing:
        raise DemoError(f"Reference data missing (run migrate first): {', '.join(sorted(missing))}")
    sectors = {slug for org in ORGANISATIONS for slug in org.sectors}
    missing = sectors - set(Sector.objects.filter(slug__in=sectors).values_list("slug", flat=True))
    if missing:
        raise DemoError(f"Sectors missing (run migrate first): {', '.join(sorted(missing))}")
    clashes = User.objects.filter(email__in=[login.email for login in DEMO_LOGINS]).values_list(
        "email", flat=True
    )
    if clashes:
        # Never take over (and reset the password of) an account someone made by hand.
        raise DemoError(f"Accounts already exist, demo not loaded: {', '.join(sorted(clashes))}")


def _create_login(login: DemoLogin) -> User:
    user = User.objects.create_user(login.email, DEMO_PASSWORD, name=login.name)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def _create_support_point(spec: dict) -> SupportPoint:
    point = SupportPoint.objects.create(
        slug=spec["slug"],
        name=spec["name"],
        email=spec["email"],
        phone=spec["phone"],
        website=spec["website"],
        address=spec["address"],
    )
    point.municipalities.set(spec["municipalities"])
    return point


def _register_organisations(rng: random.Random, *, coordinator: User) -> list[Organisation]:
    sectors = {sector.slug: sector for sector in Sector.objects.all()}
    area_municipality = dict(
        PostcodeArea.objects.filter(pc4__in={org.pc4 for org in ORGANISATIONS}).values_list(
            "pc4", "municipality_id"
        )
    )
    municipalities = Municipality.objects.in_bulk({org.municipality for org in ORGANISATIONS})
    used_emails: set[str] = set()
    organisations = []
    for number, spec in enumerate(ORGANISATIONS):
        if area_municipality.get(spec.pc4) != spec.municipality:
            raise DemoError(f"Demo data error: postcode area {spec.pc4} is not in {spec.municipality}.")
        slug = slugify(spec.name)
        by_demo_coordinator = spec.name in (COORDINATOR_APPROVED, COORDINATOR_PENDING)
        registrant = coordinator if by_demo_coordinator else _contact_person(rng, used_emails)
        low, high = _VOLUNTEERS[spec.size]
        organisations.append(
            organisation_services.organisation_register(
                user=registrant,
                sectors=[sectors[slug_] for slug_ in spec.sectors],
                name=spec.name,
                legal_form=spec.legal_form,
                kvk_number="" if spec.legal_form == "informeel" else str(rng.randint(40000000, 79999999)),
                anbi=spec.legal_form == "stichting" and rng.random() < 0.6,
                municipality=municipalities[spec.municipality],
                postcode=f"{spec.pc4} {_postcode_letters(rng)}",
                address=f"{spec.street} {rng.randint(1, 120)}",
                city=spec.city,
                contact_email=f"info@{slug}.example.org",
                contact_phone=f"050-1234{100 + number:03d}",
                website=f"https://{slug}.example.org" if rng.random() < 0.5 else "",
                volunteer_count=rng.randint(low, high),
                description=spec.description,
            )
        )
    return organisations


def _postcode_letters(rng: random.Random) -> str:
    while True:
        letters = "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(2))
        if letters not in _EXCLUDED_LETTERS:
            return letters


def _contact_person(rng: random.Random, used_emails: set[str]) -> User:
    """The person who registered an organisation: a coordinator without a password (not a demo login)."""
    first, last = rng.choice(_FIRST_NAMES), rng.choice(_LAST_NAMES)
    local = _ascii(f"{first}.{last.replace(' ', '')}")
    email, suffix = f"{local}@example.org", 1
    while email in used_emails or User.objects.filter(email=email).exists():
        suffix += 1
        email = f"{local}{suffix}@example.org"
    used_emails.add(email)
    return User.objects.create_user(email, None, name=f"{first} {last}")


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
