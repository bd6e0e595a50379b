"""Wagtail's own document table is emptied once nothing points at it any more (consent records
moved in stories 0003): no stale copy of a document's title or file name stays behind."""

from django.db import migrations


def empty_wagtail_documents(apps, schema_editor):
    apps.get_model("wagtaildocs", "Document").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0002_move_wagtail_documents"),
        ("stories", "0003_signed_form_on_site_documents"),
    ]

    operations = [
        migrations.RunPython(empty_wagtail_documents, migrations.RunPython.noop, elidable=False)
    ]
