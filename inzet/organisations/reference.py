"""The sector taxonomy shipped with the platform (loaded by migration 0002; admins may extend it)."""

SECTORS = [
    ("sport", "Sport", "Sport"),
    ("cultuur", "Cultuur & amateurkunst", "Culture & amateur arts"),
    ("muziek", "Muziek", "Music"),
    ("scouting-jeugd", "Scouting & jeugd", "Scouting & youth"),
    ("dorpsbelangen-buurt", "Dorpsbelangen & buurt", "Village & neighbourhood"),
    ("zorg-welzijn", "Zorg & welzijn", "Care & welfare"),
    ("natuur-milieu", "Natuur & milieu", "Nature & environment"),
    ("onderwijs", "Onderwijs", "Education"),
    ("religie-levensbeschouwing", "Religie & levensbeschouwing", "Religion & philosophy of life"),
    ("belangenbehartiging", "Belangenbehartiging", "Advocacy"),
    ("overig", "Overig", "Other"),
]


def load_sectors(sector_model) -> int:
    for position, (slug, name, name_en) in enumerate(SECTORS):
        sector_model.objects.update_or_create(
            slug=slug, defaults={"name": name, "name_en": name_en, "position": position}
        )
    return len(SECTORS)
