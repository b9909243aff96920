from django.db import migrations


def load(apps, schema_editor):
    from inzet.vacancies.reference import load_taxonomies

    load_taxonomies(apps.get_model("vacancies", "ActivityType"), apps.get_model("vacancies", "Skill"))


class Migration(migrations.Migration):
    dependencies = [("vacancies", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
