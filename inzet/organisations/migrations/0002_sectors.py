from django.db import migrations


def load(apps, schema_editor):
    from inzet.organisations.reference import load_sectors

    load_sectors(apps.get_model("organisations", "Sector"))


class Migration(migrations.Migration):
    dependencies = [("organisations", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
