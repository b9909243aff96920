"""Word lists for the benchmark data set: Dutch-looking names, organisations, vacancy titles and texts.

Everything here is invented. Frequencies are rough guesses at the Dutch volunteering field (sport and care & welfare
are the biggest sectors, a vacancy text nearly always says "vrijwilliger"), good enough to give the search index and
the planner realistic selectivities.
"""

FIRST_NAMES = (
    "Anna Bram Daan Emma Eva Fatima Fleur Gert Hanneke Henk Ilse Jan Jeroen Johan Joost Julia Karin Kees Lars Lieke "
    "Lisa Lotte Luuk Maria Marieke Mark Martijn Mohamed Noah Nora Olga Pieter Priya Rik Rob Roos Ruben Sanne Sara "
    "Sem Sophie Stijn Tess Thijs Tim Tom Wim Yara Yusuf Zeynep Ahmed Ayşe Bas Carla Dirk Els Frank Geert Hans Inge "
    "Ingrid Jacqueline Jolanda Kevin Linda Marco Mirjam Nicole Patrick Petra Ria Sandra Sven Wendy Willem Anouk "
    "Bart Bente Chantal Dewi Esra Femke Gijs Hugo Iris Jesse Kim Lucas Milan Nina Oscar Quinten Rosa Siem Tara"
).split()

LAST_NAMES = (
    "de Jong|Jansen|de Vries|van den Berg|van Dijk|Bakker|Janssen|Visser|Smit|Meijer|de Boer|Mulder|de Groot|Bos|"
    "Vos|Peters|Hendriks|van Leeuwen|Dekker|Brouwer|de Wit|Dijkstra|Smits|de Graaf|van der Meer|van der Linden|"
    "Kok|Jacobs|de Haan|Vermeulen|van den Heuvel|van der Veen|van den Broek|de Bruijn|de Bruin|van der Heijden|"
    "Schouten|van Beek|Willems|van Vliet|van de Ven|Hoekstra|Maas|Verhoeven|Koster|van Dam|van der Wal|Prins|"
    "Blom|Huisman|Peeters|de Lange|Kuipers|van Wijk|Postma|Kramer|van den Bosch|Yilmaz|El Amrani|Kaya|Nguyen|"
    "Wijaya|Ramdin|Boukhari|Kowalski|Haddou|Şahin|Mahabier|Zwart|Veenstra|Timmermans|Groen|Koopman|Sanders"
).split("|")

STREETS = (
    (
        "Kerkstraat Dorpsstraat Molenweg Schoolstraat Stationsweg Julianastraat Beatrixlaan Wilhelminastraat "
        "Nieuwstraat Hoofdstraat Markt Raadhuisplein Sportlaan Parklaan Lindelaan Eikenlaan Beukenlaan Kastanjelaan "
        "Dijkweg Veldweg Kanaalweg Havenstraat Brugstraat Torenstraat Voorstraat Achterstraat Zuiderstraat "
        "Noorderweg Oranjestraat Prins_Hendrikstraat Vondelstraat Rembrandtlaan Bachlaan Mozartlaan Ringweg "
        "Industrieweg Burgemeester_de_Withstraat Zonnebloemstraat Tulpstraat Rozenstraat Meidoornlaan Esdoornlaan "
        "Weidelaan Polderweg Sluisweg Koestraat Boterstraat Wolstraat Spoorlaan Tuinstraat Klaverstraat Heideweg"
    )
    .replace("_", " ")
    .split()
)

CLUB_NICKNAMES = (
    "De Zwaluwen|Olympia|Sparta|De Eendracht|Vios|Oranje|Concordia|Excelsior|De Bron|Hercules|Quick|Victoria|"
    "Sint Caecilia|De Volharding|Door Vriendschap Sterk|Ons Genoegen|De Harmonie|Crescendo|De Kameleon|Nooit Gedacht|"
    "De Toekomst|Het Anker|De Schakel|De Brug|Samen Sterk|De Vonk|De Horizon|De Klimop|Het Baken|De Linde|Kwiek|"
    "Animo|Unitas|Vitesse|Fortuna|Velocitas|De Mûnle|De Hoop|Voorwaarts|Rapiditas|DOS|DVS|SVV|RKSV|Be Quick|"
    "De Wieken|De Lichtboei|Het Kompas|De Boomgaard|De Regenboog"
).split("|")

# Sector slug -> share of organisations, name patterns, vacancy roles and description sentences.
# A role is (title, activity-type slugs, skill slugs, availability pattern).
SECTORS = {
    "sport": {
        "weight": 20,
        "legal_forms": ("vereniging", "vereniging", "vereniging", "stichting", "informeel"),
        "names": (
            "Voetbalvereniging {nick}",
            "VV {place}",
            "Hockeyclub {place}",
            "Tennisvereniging {nick}",
            "Korfbalvereniging {nick}",
            "Zwemvereniging {nick}",
            "Gymnastiekvereniging {nick}",
            "Volleybalvereniging {nick}",
            "Atletiekvereniging {place}",
            "Wielertoerclub {nick}",
            "Schaakclub {nick}",
            "Handbalvereniging {nick}",
            "Badmintonclub {place}",
            "IJsvereniging {place}",
            "Sportstichting {place}",
            "Jeu de boulesclub {nick}",
            "Roeivereniging {nick}",
            "Judoclub {nick}",
        ),
        "roles": (
            ("Trainer jeugdvoetbal", ("sport-training", "begeleiding"), ("sport", "geduld"), "training"),
            ("Scheidsrechter voetbal", ("sport-training",), ("sport",), "weekend"),
            ("Vrijwilliger bardienst kantine", ("horeca-bar",), ("koken",), "weekend"),
            ("Jeugdtrainer hockey", ("sport-training", "begeleiding"), ("sport", "geduld"), "training"),
            ("Trainer/coach korfbal", ("sport-training",), ("sport",), "training"),
            ("Zwemonderwijzer", ("sport-training", "les-taal"), ("sport", "lesgeven", "ehbo"), "training"),
            ("Bestuurslid technische zaken", ("bestuur",), ("organiseren",), "evening"),
            ("Penningmeester", ("bestuur", "administratie"), ("financien", "computer"), "evening"),
            ("Wedstrijdsecretaris", ("administratie",), ("organiseren", "computer"), "evening"),
            ("Vrijwilliger materiaalbeheer", ("techniek-klussen",), ("technisch",), "flexible"),
            ("Begeleider G-voetbal", ("sport-training", "begeleiding"), ("geduld", "sport"), "training"),
            ("Terreinmedewerker", ("techniek-klussen", "natuur"), ("technisch",), "weekday"),
            ("Leider jeugdteam", ("begeleiding", "sport-training"), ("geduld", "organiseren"), "training"),
            ("Chauffeur voor uitwedstrijden", ("vervoer",), ("rijbewijs",), "weekend"),
            (
                "Coördinator vrijwilligers",
                ("bestuur", "communicatie"),
                ("organiseren", "luisteren"),
                "evening",
            ),
            ("Vrijwilliger sportdag", ("evenementen",), ("sport", "organiseren"), "once"),
            (
                "Tennisleraar voor beginners",
                ("sport-training", "les-taal"),
                ("sport", "lesgeven"),
                "training",
            ),
            (
                "Beheerder website en sociale media",
                ("communicatie", "digitale-hulp"),
                ("social-media", "schrijven"),
                "flexible",
            ),
        ),
        "sentences": (
            "Onze club telt ruim {members} leden en draait volledig op vrijwilligers.",
            "Elke zaterdag spelen tientallen teams op ons sportpark aan de {street}.",
            "Je begeleidt een jeugdteam tijdens trainingen en wedstrijden.",
            "Plezier in sport en bewegen staat bij ons voorop.",
            "Je hoeft geen trainersdiploma te hebben: de KNVB-cursus betalen wij.",
            "In de kantine zorg je samen met andere vrijwilligers voor koffie, thee en tosti's.",
            "Na de training drinken we samen wat in de kantine.",
            "We zoeken iemand die jonge voetballers en hockeyers wil helpen beter te worden.",
            "Ook ouders van jeugdleden zijn van harte welkom als vrijwilliger.",
            "Je helpt bij het onderhoud van de velden, de kleedkamers en het materiaal.",
        ),
    },
    "cultuur": {
        "weight": 8,
        "legal_forms": ("stichting", "vereniging", "informeel"),
        "names": (
            "Toneelvereniging {nick}",
            "Stichting Cultuur {place}",
            "Historische Vereniging {place}",
            "Filmhuis {place}",
            "Museum {place}",
            "Stichting Kunst in {place}",
            "Fotoclub {nick}",
            "Theatergroep {nick}",
            "Openluchtspel {place}",
            "Bibliotheekcafé {place}",
            "Dansschool {nick}",
        ),
        "roles": (
            ("Gastheer of gastvrouw museum", ("begeleiding", "communicatie"), ("luisteren",), "weekend"),
            ("Suppoost", ("begeleiding",), ("luisteren",), "weekday"),
            (
                "Rondleider historische binnenstad",
                ("les-taal", "begeleiding"),
                ("lesgeven", "talen"),
                "weekend",
            ),
            (
                "Decorbouwer voor toneelvoorstellingen",
                ("techniek-klussen", "creatief"),
                ("technisch",),
                "evening",
            ),
            (
                "Licht- en geluidstechnicus",
                ("techniek-klussen", "evenementen"),
                ("technisch", "computer"),
                "evening",
            ),
            ("Kassamedewerker filmhuis", ("horeca-bar", "administratie"), ("computer",), "evening"),
            ("Vrijwilliger archief en collectie", ("administratie",), ("computer", "schrijven"), "weekday"),
            ("Redacteur nieuwsbrief", ("communicatie",), ("schrijven",), "flexible"),
            (
                "Bestuurslid PR en communicatie",
                ("bestuur", "communicatie"),
                ("social-media", "schrijven"),
                "evening",
            ),
            ("Vrijwilliger kunstroute", ("evenementen",), ("organiseren",), "once"),
            ("Grimeur en kostuummaker", ("creatief",), ("technisch",), "evening"),
        ),
        "sentences": (
            "Ons museum vertelt het verhaal van {place} en trekt jaarlijks duizenden bezoekers.",
            "Je ontvangt bezoekers, vertelt over de collectie en zorgt dat iedereen zich welkom voelt.",
            "Twee keer per jaar brengen we een toneelvoorstelling in het dorpshuis.",
            "Je werkt mee achter de schermen en zorgt dat de voorstelling op rolletjes loopt.",
            "Belangstelling voor geschiedenis, kunst of theater is mooi meegenomen.",
            "We werken met een enthousiaste groep van {members} vrijwilligers van alle leeftijden.",
            "Je helpt bij het digitaliseren van foto's, kaarten en documenten uit ons archief.",
        ),
    },
    "muziek": {
        "weight": 7,
        "legal_forms": ("vereniging", "vereniging", "stichting"),
        "names": (
            "Muziekvereniging {nick}",
            "Harmonie {nick}",
            "Fanfare {nick}",
            "Brassband {place}",
            "Gemengd Koor {nick}",
            "Shantykoor {nick}",
            "Popkoor {place}",
            "Drumband {nick}",
            "Stichting Muziekonderwijs {place}",
            "Poppodium {place}",
        ),
        "roles": (
            ("Dirigent jeugdorkest", ("les-taal", "creatief"), ("muziek", "lesgeven"), "evening"),
            (
                "Secretaris muziekvereniging",
                ("bestuur", "administratie"),
                ("organiseren", "computer"),
                "evening",
            ),
            ("Vrijwilliger bardienst popzaal", ("horeca-bar",), (), "weekend"),
            ("Geluidstechnicus", ("techniek-klussen", "evenementen"), ("technisch", "muziek"), "weekend"),
            ("Muziekdocent voor kinderen", ("les-taal",), ("muziek", "lesgeven", "geduld"), "weekday"),
            ("Vrijwilliger concertorganisatie", ("evenementen",), ("organiseren",), "once"),
            (
                "Beheerder instrumenten en uniformen",
                ("techniek-klussen", "administratie"),
                ("technisch",),
                "flexible",
            ),
            ("Penningmeester koor", ("bestuur", "administratie"), ("financien",), "evening"),
        ),
        "sentences": (
            "Ons orkest repeteert elke week en geeft concerten in {place} en omgeving.",
            "Muziek maken verbindt: bij ons spelen jong en oud samen.",
            "Je hoeft zelf geen instrument te bespelen om ons te helpen.",
            "Tijdens concerten zorg je dat de zaal klaarstaat en de bezoekers welkom zijn.",
            "Wij bestaan al meer dan honderd jaar en willen dat graag nog lang blijven doen.",
        ),
    },
    "scouting-jeugd": {
        "weight": 5,
        "legal_forms": ("vereniging", "stichting"),
        "names": (
            "Scouting {nick}",
            "Scoutinggroep {place}",
            "Jeugdvereniging {nick}",
            "Speeltuinvereniging {nick}",
            "Stichting Jeugdwerk {place}",
            "Kindervakantieweek {place}",
            "Jongerencentrum {nick}",
        ),
        "roles": (
            ("Leiding welpen", ("begeleiding", "evenementen"), ("geduld", "organiseren"), "weekend"),
            ("Leiding scouts", ("begeleiding", "natuur"), ("geduld", "ehbo"), "weekend"),
            ("Vrijwilliger speeltuin", ("begeleiding", "techniek-klussen"), ("geduld",), "weekday"),
            ("Jongerenwerker", ("begeleiding", "coaching-maatje"), ("luisteren",), "evening"),
            ("Vrijwilliger kindervakantieweek", ("evenementen", "begeleiding"), ("geduld", "ehbo"), "once"),
            ("Huiswerkbegeleider", ("les-taal", "begeleiding"), ("lesgeven", "geduld"), "weekday"),
            ("Penningmeester scoutinggroep", ("bestuur", "administratie"), ("financien",), "evening"),
            ("Klusser clubhuis", ("techniek-klussen",), ("technisch",), "weekend"),
        ),
        "sentences": (
            "Elke zaterdag beleven kinderen van 7 tot 11 jaar bij ons spannende avonturen.",
            "Je bedenkt samen met andere leiding het programma en gaat mee op zomerkamp.",
            "Een VOG is verplicht; de aanvraag regelen en betalen wij.",
            "Kinderen een onvergetelijke tijd bezorgen: daar doen we het voor.",
            "Je krijgt trainingen in spelbegeleiding en EHBO voor kinderen.",
            "Ons clubhuis ligt aan de rand van het bos bij de {street}.",
        ),
    },
    "dorpsbelangen-buurt": {
        "weight": 10,
        "legal_forms": ("vereniging", "stichting", "informeel", "informeel"),
        "names": (
            "Dorpsbelangen {place}",
            "Buurtvereniging {street}",
            "Wijkraad {place}-Noord",
            "Dorpshuis {nick}",
            "Stichting Buurthuis {nick}",
            "Oranjevereniging {place}",
            "Buurtpreventie {place}",
            "Repair Café {place}",
            "Buurtmoestuin {street}",
            "Speelweek {place}",
        ),
        "roles": (
            ("Vrijwilliger dorpshuis", ("horeca-bar", "techniek-klussen"), ("koken",), "flexible"),
            ("Bestuurslid dorpsbelangen", ("bestuur",), ("organiseren", "luisteren"), "evening"),
            ("Reparateur Repair Café", ("techniek-klussen",), ("technisch",), "once"),
            ("Organisator Koningsdag", ("evenementen",), ("organiseren",), "once"),
            ("Buurtbemiddelaar", ("coaching-maatje", "begeleiding"), ("luisteren",), "flexible"),
            ("Vrijwilliger buurtpreventie", ("evenementen",), ("luisteren",), "evening"),
            ("Redacteur dorpskrant", ("communicatie",), ("schrijven",), "flexible"),
            (
                "Gastvrouw of gastheer buurthuis",
                ("horeca-bar", "begeleiding"),
                ("luisteren", "koken"),
                "weekday",
            ),
            ("Tuinier buurtmoestuin", ("natuur",), ("technisch",), "weekend"),
        ),
        "sentences": (
            "Wij zetten ons in voor een leefbaar en gezellig {place}.",
            "In het dorpshuis komen elke week koren, biljarters en de ouderensoos samen.",
            "Samen met bewoners organiseren we activiteiten voor jong en oud.",
            "Je bent het aanspreekpunt voor buren met vragen en ideeën.",
            "We zoeken vrijwilligers die de handen uit de mouwen willen steken voor de buurt.",
            "Het Repair Café is elke laatste zaterdag van de maand open.",
        ),
    },
    "zorg-welzijn": {
        "weight": 18,
        "legal_forms": ("stichting", "stichting", "vereniging"),
        "names": (
            "Stichting Welzijn {place}",
            "Zorgcentrum {nick}",
            "Vrienden van het Zorgcentrum {nick}",
            "Humanitas afdeling {place}",
            "Voedselbank {place}",
            "Stichting Thuishulp {place}",
            "Hospice {nick}",
            "Zonnebloem afdeling {place}",
            "Stichting Mantelzorg {place}",
            "Buurtzorg vrijwilligers {place}",
            "Stichting Ouderenwerk {place}",
            "VluchtelingenWerk {place}",
            "Stichting Taalhuis {place}",
            "Boodschappenbus {place}",
        ),
        "roles": (
            (
                "Taalmaatje voor nieuwkomers",
                ("coaching-maatje", "les-taal"),
                ("luisteren", "lesgeven", "geduld"),
                "flexible",
            ),
            ("Chauffeur boodschappenbus", ("vervoer",), ("rijbewijs",), "weekday"),
            (
                "Vrijwillige chauffeur voor ouderen",
                ("vervoer", "begeleiding"),
                ("rijbewijs", "luisteren"),
                "weekday",
            ),
            ("Maatje voor een oudere", ("coaching-maatje",), ("luisteren",), "flexible"),
            ("Vrijwilliger voedselbank", ("administratie", "vervoer"), ("organiseren",), "weekday"),
            ("Gastvrouw of gastheer zorgcentrum", ("begeleiding", "horeca-bar"), ("luisteren",), "weekday"),
            ("Vrijwilliger hospice", ("zorg", "begeleiding"), ("luisteren",), "flexible"),
            (
                "Thuisadministratie-vrijwilliger",
                ("administratie", "coaching-maatje"),
                ("financien", "luisteren"),
                "flexible",
            ),
            ("Maatje voor statushouders", ("coaching-maatje",), ("luisteren", "talen"), "flexible"),
            ("Begeleider dagbesteding", ("begeleiding", "creatief"), ("geduld", "luisteren"), "weekday"),
            ("Vrijwilliger mantelzorgondersteuning", ("zorg", "coaching-maatje"), ("luisteren",), "flexible"),
            ("Wandelmaatje", ("coaching-maatje", "sport-training"), ("luisteren", "sport"), "weekday"),
            (
                "Digimaatje voor senioren",
                ("digitale-hulp", "coaching-maatje"),
                ("computer", "geduld"),
                "weekday",
            ),
            ("Bestuurslid zorg en welzijn", ("bestuur",), ("organiseren",), "evening"),
            ("Kookvrijwilliger buurtmaaltijd", ("horeca-bar",), ("koken",), "evening"),
            ("Vrijwilliger rolstoelduwen", ("begeleiding", "zorg"), ("luisteren",), "weekend"),
        ),
        "sentences": (
            "Veel ouderen in {place} zijn eenzaam; een wekelijks bezoekje maakt echt verschil.",
            "Als taalmaatje help je een nieuwkomer om beter Nederlands te spreken.",
            "Je rijdt met onze bus inwoners naar de supermarkt, de huisarts of het ziekenhuis.",
            "Je krijgt een training en wordt begeleid door een vaste coördinator.",
            "Bij ons staat de mens centraal: aandacht, een luisterend oor en gezelligheid.",
            "Een VOG is nodig; de kosten daarvan betalen wij.",
            "De voedselbank helpt wekelijks honderden huishoudens in de regio.",
            "Je helpt mensen hun post en geldzaken op orde te krijgen.",
            "Samen met een vaste groep vrijwilligers zorg je voor een warm onthaal in het zorgcentrum.",
            "Rijbewijs B is nodig; je rijdt in een auto van de stichting.",
            "Je gaat met bewoners wandelen, koffie drinken of spelletjes doen.",
        ),
    },
    "natuur-milieu": {
        "weight": 6,
        "legal_forms": ("vereniging", "stichting", "informeel"),
        "names": (
            "IVN afdeling {place}",
            "Natuurvereniging {place}",
            "Vogelwerkgroep {place}",
            "Stichting Landschapsbeheer {place}",
            "Imkervereniging {nick}",
            "Schoonmaakploeg {place}",
            "Werkgroep Duurzaam {place}",
            "Stadsboerderij {nick}",
            "Heemtuin {place}",
            "Energiecoöperatie {place}",
        ),
        "roles": (
            ("Natuurgids", ("natuur", "les-taal"), ("lesgeven", "talen"), "weekend"),
            ("Vrijwilliger landschapsonderhoud", ("natuur", "techniek-klussen"), ("technisch",), "weekend"),
            ("Vogelteller", ("natuur",), (), "weekend"),
            ("Vrijwilliger stadsboerderij", ("natuur", "begeleiding"), ("geduld",), "weekday"),
            ("Energiecoach", ("coaching-maatje", "techniek-klussen"), ("technisch", "luisteren"), "evening"),
            ("Zwerfafvalraper", ("natuur",), (), "flexible"),
            ("Vrijwilliger heemtuin", ("natuur",), (), "weekday"),
            ("Coördinator natuurwerkdag", ("evenementen", "natuur"), ("organiseren",), "once"),
        ),
        "sentences": (
            "Wij beheren natuurgebieden, houtwallen en poelen rond {place}.",
            "Je werkt buiten, in de frisse lucht, met een gezellige ploeg.",
            "Gereedschap en werkkleding zijn aanwezig.",
            "Je leidt wandelingen voor scholen en gezinnen en vertelt over planten en dieren.",
            "Duurzaamheid en een schone leefomgeving gaan ons allemaal aan.",
            "Na afloop drinken we samen koffie in de schuur.",
        ),
    },
    "onderwijs": {
        "weight": 6,
        "legal_forms": ("stichting", "vereniging"),
        "names": (
            "Stichting Leesbevordering {place}",
            "Taalhuis {place}",
            "Oudervereniging basisschool {nick}",
            "Huiswerkklas {place}",
            "Stichting Voorlezen {place}",
            "Volksuniversiteit {place}",
            "Computerclub {nick}",
            "Stichting Schoolmaatjes {place}",
        ),
        "roles": (
            ("Voorlezer op de basisschool", ("les-taal",), ("lesgeven", "geduld"), "weekday"),
            (
                "Taalvrijwilliger in het Taalhuis",
                ("les-taal", "coaching-maatje"),
                ("lesgeven", "luisteren"),
                "weekday",
            ),
            ("Huiswerkbegeleider", ("les-taal", "begeleiding"), ("lesgeven", "geduld"), "weekday"),
            (
                "Docent computercursus voor senioren",
                ("digitale-hulp", "les-taal"),
                ("computer", "lesgeven"),
                "weekday",
            ),
            ("Bijlesgever rekenen", ("les-taal",), ("lesgeven",), "evening"),
            ("Schoolmaatje", ("coaching-maatje",), ("luisteren", "geduld"), "weekday"),
            ("Vrijwilliger schoolbibliotheek", ("administratie", "les-taal"), ("organiseren",), "weekday"),
        ),
        "sentences": (
            "Goed kunnen lezen en schrijven is de basis om mee te doen.",
            "Je leest wekelijks voor aan een kleine groep kinderen.",
            "In het Taalhuis helpen we volwassenen die moeite hebben met lezen, schrijven of de computer.",
            "Je hoeft geen leraar te zijn: geduld en enthousiasme zijn het belangrijkst.",
            "We bieden een korte training en materiaal om mee te werken.",
        ),
    },
    "religie-levensbeschouwing": {
        "weight": 8,
        "legal_forms": ("vereniging", "stichting"),
        "names": (
            "Protestantse Gemeente {place}",
            "Parochie {nick}",
            "Moskee {nick}",
            "Diaconie {place}",
            "Stichting Kerkbeheer {place}",
            "Interreligieus Beraad {place}",
            "Kerkkoor {nick}",
        ),
        "roles": (
            ("Koster", ("techniek-klussen", "begeleiding"), ("organiseren",), "weekend"),
            ("Bezoekvrijwilliger", ("coaching-maatje",), ("luisteren",), "flexible"),
            ("Vrijwilliger inloopochtend", ("horeca-bar", "begeleiding"), ("luisteren",), "weekday"),
            ("Kerkrentmeester", ("bestuur", "administratie"), ("financien",), "evening"),
            ("Vrijwilliger Iftar-maaltijd", ("evenementen", "horeca-bar"), ("koken",), "once"),
            (
                "Beheerder geluid en livestream",
                ("techniek-klussen", "digitale-hulp"),
                ("technisch", "computer"),
                "weekend",
            ),
            ("Kinderwerker", ("begeleiding",), ("geduld",), "weekend"),
        ),
        "sentences": (
            "Onze gemeenschap in {place} is een plek van ontmoeting en zorg voor elkaar.",
            "Je bezoekt gemeenteleden die ziek of eenzaam zijn.",
            "Iedereen is welkom, ongeacht geloof of achtergrond.",
            "De inloopochtend is een laagdrempelige plek voor een kop koffie en een goed gesprek.",
            "Je helpt bij vieringen, maaltijden en activiteiten voor de buurt.",
        ),
    },
    "belangenbehartiging": {
        "weight": 5,
        "legal_forms": ("vereniging", "stichting"),
        "names": (
            "Seniorenvereniging {place}",
            "Huurdersvereniging {nick}",
            "Cliëntenraad {place}",
            "Adviesraad Sociaal Domein {place}",
            "Patiëntenvereniging {place}",
            "KBO {place}",
            "Ondernemersvereniging {place}",
        ),
        "roles": (
            (
                "Belastingvrijwilliger",
                ("administratie", "coaching-maatje"),
                ("financien", "computer"),
                "flexible",
            ),
            ("Cliëntondersteuner", ("coaching-maatje",), ("luisteren",), "weekday"),
            ("Lid adviesraad", ("bestuur",), ("luisteren", "schrijven"), "evening"),
            ("Ouderenadviseur", ("coaching-maatje", "begeleiding"), ("luisteren",), "weekday"),
            (
                "Secretaris huurdersvereniging",
                ("bestuur", "administratie"),
                ("schrijven", "organiseren"),
                "evening",
            ),
            ("Voorzitter seniorenvereniging", ("bestuur",), ("organiseren", "luisteren"), "evening"),
        ),
        "sentences": (
            "Wij komen op voor de belangen van inwoners van {place}.",
            "Je helpt mensen met hun belastingaangifte of de aanvraag van toeslagen.",
            "Je denkt mee over het beleid van de gemeente en geeft gevraagd en ongevraagd advies.",
            "Kennis van regelgeving is handig, maar we leren je graag wat je nodig hebt.",
            "We vergaderen eens per maand op een doordeweekse avond.",
        ),
    },
    "overig": {
        "weight": 7,
        "legal_forms": ("stichting", "vereniging", "informeel"),
        "names": (
            "Stichting Evenementen {place}",
            "Stichting Vrienden van {place}",
            "Bridgeclub {nick}",
            "Volkstuinvereniging {nick}",
            "EHBO-vereniging {place}",
            "Reddingsbrigade {place}",
            "Dierenasiel {nick}",
            "Stichting Kringloop {place}",
            "Carnavalsvereniging {nick}",
            "Stichting Zomerfestival {place}",
        ),
        "roles": (
            ("Verkeersregelaar evenementen", ("evenementen",), ("organiseren",), "once"),
            (
                "Vrijwilliger kringloopwinkel",
                ("techniek-klussen", "administratie"),
                ("technisch",),
                "weekday",
            ),
            ("Dierenverzorger asiel", ("zorg",), ("geduld",), "weekend"),
            ("EHBO'er bij evenementen", ("zorg", "evenementen"), ("ehbo",), "weekend"),
            ("Festivalvrijwilliger", ("evenementen", "horeca-bar"), (), "once"),
            ("Chauffeur kringloopbus", ("vervoer",), ("rijbewijs",), "weekday"),
            ("Bestuurslid evenementenstichting", ("bestuur",), ("organiseren", "financien"), "evening"),
            ("Fotograaf", ("communicatie", "creatief"), ("social-media",), "once"),
        ),
        "sentences": (
            "Het jaarlijkse festival in {place} trekt duizenden bezoekers en kan niet zonder vrijwilligers.",
            "Je helpt bij de op- en afbouw en bent het gezicht van het evenement.",
            "In de kringloopwinkel sorteer je spullen, help je klanten en zorg je voor een nette winkel.",
            "Elke euro die we verdienen gaat naar goede doelen in de regio.",
            "Je werkt in een gezellig team en bepaalt zelf hoeveel tijd je geeft.",
        ),
    },
}

# Sentences any vacancy may use: what the volunteer gets, practicalities.
GENERIC_SENTENCES = (
    "Wij zoeken vrijwilligers die het leuk vinden om iets voor een ander te betekenen.",
    "Als vrijwilliger bij {org} werk je samen met een hecht team.",
    "Je krijgt een goede inwerkperiode en kunt altijd terecht bij je vaste contactpersoon.",
    "Onkosten worden vergoed en je bent verzekerd via de vrijwilligersverzekering van de gemeente {place}.",
    "Je bepaalt in overleg hoeveel uur je beschikbaar bent.",
    "Ervaring is niet nodig: enthousiasme en betrokkenheid wel.",
    "Ook geschikt voor wie de Nederlandse taal nog aan het leren is.",
    "Deze vacature is ook geschikt voor een maatschappelijke diensttijd (MDT).",
    "Twee keer per jaar organiseren we een vrijwilligersavond als bedankje.",
    "Je doet nieuwe contacten op en leert nieuwe vaardigheden.",
    "Kom gerust eerst een keer kijken en kennismaken.",
    "Heb je vragen? Neem contact op met {contact}.",
    "Wij bieden een prettige werkplek, koffie en thee, en waardering voor je inzet.",
    "Je krijgt een vrijwilligersovereenkomst en een certificaat voor je cv.",
)

SUFFIXES = ("", "", "", " gezocht", " gezocht", " (m/v/x)", " in {place}", " bij {org}", " voor {part}")
PARTS_OF_WEEK = ("de zaterdagochtend", "doordeweekse avonden", "het weekend", "overdag", "de schoolvakanties")

ACTIVITY_LINES = (
    "Je zet koffie en thee klaar.",
    "Je maakt roosters en houdt contact met andere vrijwilligers.",
    "Je ontvangt bezoekers en wijst ze de weg.",
    "Je helpt bij de voorbereiding van activiteiten.",
    "Je ruimt na afloop samen met anderen op.",
    "Je houdt de administratie bij in een eenvoudig programma.",
    "Je denkt mee over verbeteringen.",
    "Je bent aanwezig op vaste momenten in de week.",
    "Je rijdt volgens een vast rooster.",
    "Je begeleidt deelnemers en zorgt voor een goede sfeer.",
)

MOTIVATIONS = (
    "Ik wil graag iets betekenen voor mijn buurt.",
    "Sinds mijn pensioen heb ik tijd over en die wil ik nuttig besteden.",
    "Ik zoek werkervaring naast mijn studie.",
    "Ik wil mensen ontmoeten en nieuwe dingen leren.",
    "Mijn kinderen sporten bij de club; ik help graag mee.",
    "Ik ben net verhuisd en wil mensen leren kennen.",
    "Ik vind het belangrijk om iets terug te doen voor de samenleving.",
    "Voor mijn maatschappelijke diensttijd zoek ik een leuke plek.",
)

ORG_DESCRIPTIONS = (
    "{org} is opgericht in {year} en wordt gedragen door vrijwilligers uit {place}.",
    "Wij zijn een actieve organisatie in {place} met ongeveer {members} vrijwilligers.",
    "Onze missie: samen zorgen voor een sterke en gezellige gemeenschap in {place}.",
    "Nieuwe leden en vrijwilligers zijn altijd welkom.",
    "We werken samen met de gemeente, scholen en andere verenigingen in de buurt.",
)

LANGUAGE_SETS = (
    "nl",
    "nl",
    "nl",
    "nl",
    "nl",
    "nl",
    "nl, en",
    "nl, en",
    "nl, de",
    "nl, ar",
    "nl, tr",
    "nl, pl",
    "nl, uk",
    "en",
    "nl, fr",
    "nl, pap",
)
