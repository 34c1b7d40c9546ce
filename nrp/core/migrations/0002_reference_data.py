"""Load the 14 regions and 206 ORP areas from the project's copy of the ČSÚ list."""

from django.db import migrations


def load(apps, schema_editor):
    from nrp.core.reference import load_reference_data

    load_reference_data(apps.get_model("core", "Region"), apps.get_model("core", "Orp"))


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
