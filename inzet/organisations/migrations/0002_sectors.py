from django.db import migrations

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


def load(apps, schema_editor):
    Sector = apps.get_model("organisations", "Sector")
    for position, (slug, name, name_en) in enumerate(SECTORS):
        Sector.objects.update_or_create(slug=slug, defaults={"name": name, "name_en": name_en, "position": position})


class Migration(migrations.Migration):
    dependencies = [("organisations", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
