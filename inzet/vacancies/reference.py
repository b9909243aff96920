"""Taxonomies shipped with the vacaturebank (loaded by migration 0002; admins may extend them)."""

ACTIVITY_TYPES = [
    ("bestuur", "Bestuur", "Board work"),
    ("begeleiding", "Begeleiding", "Support and guidance"),
    ("coaching-maatje", "Coaching / maatje", "Coaching / buddy"),
    ("evenementen", "Evenementen", "Events"),
    ("sport-training", "Sport & training", "Sport & training"),
    ("techniek-klussen", "Techniek & klussen", "Technical work & odd jobs"),
    ("administratie", "Administratie", "Administration"),
    ("communicatie", "Communicatie", "Communication"),
    ("vervoer", "Vervoer", "Transport"),
    ("zorg", "Zorg", "Care"),
    ("natuur", "Natuur", "Nature"),
    ("les-taal", "Les & taal", "Teaching & language"),
    ("digitale-hulp", "Digitale hulp", "Digital help"),
    ("horeca-bar", "Horeca & bardienst", "Catering & bar"),
    ("creatief", "Creatief", "Creative"),
]

SKILLS = [
    ("luisteren", "Goed kunnen luisteren", "Listening"),
    ("organiseren", "Organiseren", "Organising"),
    ("computer", "Computervaardig", "Computer skills"),
    ("rijbewijs", "Rijbewijs B", "Driving licence"),
    ("financien", "Financiën & boekhouden", "Finance & bookkeeping"),
    ("schrijven", "Schrijven", "Writing"),
    ("social-media", "Sociale media", "Social media"),
    ("lesgeven", "Lesgeven", "Teaching"),
    ("technisch", "Technisch handig", "Handy"),
    ("ehbo", "EHBO", "First aid"),
    ("koken", "Koken", "Cooking"),
    ("talen", "Andere talen", "Other languages"),
    ("muziek", "Muzikaal", "Musical"),
    ("sport", "Sportief", "Sporty"),
    ("geduld", "Geduldig met kinderen", "Patient with children"),
]


def load_taxonomies(activity_type_model, skill_model) -> None:
    for model, rows in ((activity_type_model, ACTIVITY_TYPES), (skill_model, SKILLS)):
        for position, (slug, name, name_en) in enumerate(rows):
            model.objects.update_or_create(
                slug=slug, defaults={"name": name, "name_en": name_en, "position": position}
            )
