"""Documents saved with Wagtail's own model come over to documents.SiteDocument with their ids
(pages, rich text and consent records point at them by id), tags, collection, uploader, audit
log, references, search entries and their groups' permissions; each file moves from the public
MEDIA_ROOT (default storage) into the private documents storage under the same name.

Safe to run on a site with its files elsewhere: a file that is already in the private storage
stays as it is, and a file missing from both is left for the operator (the document keeps its
name; a download answers 404 until the file is put in DOCUMENTS_ROOT)."""

from django.core.files.storage import storages
from django.core.management.color import no_style
from django.db import migrations

# Rows elsewhere that name a document by content type: they follow it to the new model.
CONTENT_TYPE_REFERENCES = [
    ("taggit", "TaggedItem", ["content_type"]),
    ("wagtailcore", "ModelLogEntry", ["content_type"]),
    ("wagtailcore", "ReferenceIndex", ["content_type", "base_content_type", "to_content_type"]),
    ("wagtailsearch", "IndexEntry", ["content_type"]),
    ("wagtailadmin", "EditingSession", ["content_type"]),
]
COPIED_FIELDS = [
    "id",
    "title",
    "file",
    "created_at",
    "uploaded_by_user_id",
    "collection_id",
    "file_size",
    "file_hash",
]


def move_file(name):
    """Move `name` from the default (public) storage into the documents storage."""
    public, private = storages["default"], storages["documents"]
    if private.exists(name) or not public.exists(name):
        return
    with public.open(name, "rb") as content:
        saved = private.save(name, content)
    if saved != name:  # never happens for a free name; refuse to lose track of a file
        raise RuntimeError(f"{name} was stored as {saved}")
    public.delete(name)


def content_types(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    old, _created = ContentType.objects.get_or_create(app_label="wagtaildocs", model="document")
    new, _created = ContentType.objects.get_or_create(app_label="documents", model="sitedocument")
    return old, new


def copy_permissions(apps, old_type, new_type):
    """Each group keeps, on the new model, the document permissions it had on the old one."""
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    equivalent = {}
    for old in Permission.objects.filter(content_type=old_type):
        action = old.codename.removesuffix("_document")
        equivalent[old.pk], _created = Permission.objects.get_or_create(
            content_type=new_type,
            codename=f"{action}_sitedocument",
            defaults={"name": old.name},
        )
    for row in GroupCollectionPermission.objects.filter(permission_id__in=equivalent):
        GroupCollectionPermission.objects.get_or_create(
            group_id=row.group_id,
            collection_id=row.collection_id,
            permission=equivalent[row.permission_id],
        )
    for group in Group.objects.filter(permissions__in=list(equivalent)).distinct():
        for permission in group.permissions.filter(pk__in=list(equivalent)):
            group.permissions.add(equivalent[permission.pk])


def move_documents(apps, schema_editor):
    OldDocument = apps.get_model("wagtaildocs", "Document")
    SiteDocument = apps.get_model("documents", "SiteDocument")
    old_type, new_type = content_types(apps)
    copy_permissions(apps, old_type, new_type)

    old_documents = list(OldDocument.objects.values(*COPIED_FIELDS))
    if not old_documents:
        return
    SiteDocument.objects.bulk_create(SiteDocument(**fields) for fields in old_documents)
    for app_label, model_name, fields in CONTENT_TYPE_REFERENCES:
        model = apps.get_model(app_label, model_name)
        for field in fields:
            model.objects.filter(**{f"{field}_id": old_type.pk}).update(**{field: new_type})
    # The copied ids were given by hand: new documents must be numbered after them.
    with schema_editor.connection.cursor() as cursor:
        for statement in schema_editor.connection.ops.sequence_reset_sql(
            no_style(), [SiteDocument]
        ):
            cursor.execute(statement)
    for fields in old_documents:
        move_file(fields["file"])


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0001_initial"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailsearch", "0010_add_text_fields"),
        ("wagtailadmin", "0006_formstate"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(move_documents, migrations.RunPython.noop, elidable=False)]
