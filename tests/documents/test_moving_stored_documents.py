"""A site that stored documents with Wagtail's own model, files under MEDIA_ROOT, gets them moved
by the migration documents 0002: same ids (pages and consent records point at them), tags and
group permissions kept, each file moved out of the public media folder."""

import importlib
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.db import connection
from wagtail.documents import get_document_model
from wagtail.documents.models import Document as WagtailDocument
from wagtail.models import GroupCollectionPermission

from cms.roles import ensure_site_media_collection

migration = importlib.import_module("documents.migrations.0002_move_wagtail_documents")


@pytest.mark.django_db
def test_documents_stored_by_wagtails_model_move_to_the_private_storage_with_their_ids():
    site_media = ensure_site_media_collection()
    new_id = get_document_model().objects.order_by("-pk").first().pk + 1000
    old = WagtailDocument(id=new_id, title="Stored before", collection=site_media)
    old.file.save("stored-before.pdf", ContentFile(b"%PDF-1.4 stored before"), save=False)
    old.save()
    old.tags.add("annual-report")
    public_file = Path(settings.MEDIA_ROOT) / old.file.name
    assert public_file.exists()
    editors = Group.objects.create(name="Editors of old")
    GroupCollectionPermission.objects.create(
        group=editors,
        collection=site_media,
        permission=Permission.objects.get(
            content_type__app_label="wagtaildocs", codename="add_document"
        ),
    )

    migration.move_documents(apps, SimpleNamespace(connection=connection))

    moved = get_document_model().objects.get(pk=new_id)
    assert (moved.title, moved.collection, moved.file.name) == (
        "Stored before",
        site_media,
        old.file.name,
    )
    assert list(moved.tags.names()) == ["annual-report"]
    assert not public_file.exists()
    assert Path(moved.file.path).read_bytes() == b"%PDF-1.4 stored before"
    assert Path(moved.file.path).is_relative_to(Path(settings.DOCUMENTS_ROOT))
    assert GroupCollectionPermission.objects.filter(
        group=editors, collection=site_media, permission__codename="add_document"
    ).exists()
    assert get_document_model().objects.create(title="Next", file=ContentFile(b"x", "n.txt")).pk
