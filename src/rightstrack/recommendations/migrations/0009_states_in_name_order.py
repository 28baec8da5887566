"""Recommending States are now named in the order of the relation's rows, which the store writes in the
order the document names them. Rows written before were in no particular order (and shown sorted by
name): they are written again in name order, so that what earlier imports showed stays as it was."""

from django.db import migrations

BATCH = 2000


def forwards(apps, schema_editor):  # type: ignore[no-untyped-def]
    Recommendation = apps.get_model("recommendations", "Recommendation")
    through = Recommendation.recommending_states.through
    rows = list(
        through.objects.order_by("recommendation_id", "state__name", "state_id").values_list(
            "recommendation_id", "state_id"
        )
    )
    if not rows:
        return
    through.objects.all().delete()
    through.objects.bulk_create(
        [through(recommendation_id=rec, state_id=state) for rec, state in rows], batch_size=BATCH
    )


class Migration(migrations.Migration):
    dependencies = [("recommendations", "0008_follow_up")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop, elidable=True)]
