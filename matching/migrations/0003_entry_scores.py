import django.contrib.postgres.fields
from django.db import migrations, models


def scores_from_stored_criteria(apps, schema_editor):
    """Rows stored before raw scores were kept: their scores from the explanation they keep (rounded)."""
    RankedEntry = apps.get_model("matching", "RankedEntry")
    for entry in RankedEntry.objects.filter(scores=[]).exclude(stored_criteria=None).iterator(chunk_size=500):
        RankedEntry.objects.filter(pk=entry.pk).update(scores=[c["score"] for c in entry.stored_criteria])


class Migration(migrations.Migration):
    dependencies = [
        ("matching", "0002_ranked_entries_and_exclusions"),
    ]

    operations = [
        # Same column ("criteria"), now optional: new rows keep raw scores and are explained when shown.
        migrations.RenameField(model_name="rankedentry", old_name="criteria", new_name="stored_criteria"),
        migrations.AlterField(
            model_name="rankedentry",
            name="stored_criteria",
            field=models.JSONField(blank=True, db_column="criteria", null=True, verbose_name="kritéria a důvody"),
        ),
        migrations.AddField(
            model_name="rankedentry",
            name="scores",
            field=django.contrib.postgres.fields.ArrayField(
                base_field=models.FloatField(), default=list, size=None, verbose_name="hodnocení kritérií"
            ),
        ),
        migrations.RunPython(scores_from_stored_criteria, migrations.RunPython.noop),
    ]
