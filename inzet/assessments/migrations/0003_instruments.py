from django.db import migrations


def load(apps, schema_editor):
    from inzet.assessments.loader import Models, load_all

    load_all(
        models=Models(
            Instrument=apps.get_model("assessments", "Instrument"),
            Dimension=apps.get_model("assessments", "Dimension"),
            Item=apps.get_model("assessments", "Item"),
            SupportTheme=apps.get_model("collaboration", "SupportTheme"),
        )
    )


class Migration(migrations.Migration):
    dependencies = [("assessments", "0002_initial"), ("collaboration", "0002_support_themes")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
