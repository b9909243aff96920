"""The support themes shipped with the platform (loaded by migration 0002; admins may extend them).

They are the choices of the KrachtMeting's closing question "Waar wil je ondersteuning bij?" and the themes of
the support offers consultants maintain.
"""

SUPPORT_THEMES = [
    ("bestuur-governance", "Bestuur & governance", "Board & governance"),
    ("werven-behouden", "Werven & behouden van vrijwilligers", "Recruiting & retaining volunteers"),
    ("jongeren", "Jongeren", "Young people"),
    ("financien-fondsen", "Financiën & fondsen", "Finance & funds"),
    ("samenwerking", "Samenwerking", "Collaboration"),
    ("communicatie-promotie", "Communicatie & promotie", "Communication & promotion"),
    (
        "wet-regelgeving",
        "Wet- en regelgeving (AVG, WBTR, VOG)",
        "Laws and regulations (GDPR, WBTR, certificate of conduct)",
    ),
    ("accommodatie", "Accommodatie", "Premises"),
    ("digitalisering", "Digitalisering", "Digitalisation"),
    ("deskundigheid-training", "Deskundigheid & training", "Expertise & training"),
]


def load_support_themes(theme_model) -> int:
    for position, (slug, name, name_en) in enumerate(SUPPORT_THEMES):
        theme_model.objects.update_or_create(
            slug=slug, defaults={"name": name, "name_en": name_en, "position": position}
        )
    return len(SUPPORT_THEMES)
