from django.db import migrations


def load(apps, schema_editor):
    from inzet.collaboration.reference import load_support_themes

    load_support_themes(apps.get_model("collaboration", "SupportTheme"))


class Migration(migrations.Migration):
    dependencies = [("collaboration", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
