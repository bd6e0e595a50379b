"""Images and documents never stay in the Root collection.

Collection privacy in Wagtail reaches a collection and everything inside it, so Root cannot be
made private without closing "Site media" and every file of the site; and no group has any
permission on Root. A file saved there (a superuser's upload that kept the first choice, an
object made in code or through API v3 without a collection) would be public and out of every
editor's reach. So whatever is saved into Root lands in "Site media", where editors work and
which is public (`setup_roles` moves files stored there before this rule existed)."""

from wagtail.models import Collection

SITE_MEDIA_COLLECTION = "Site media"


def ensure_site_media_collection():
    """The collection for the site's images and documents, where editors work. It sits beside
    "Consent forms", never above it."""
    root = Collection.get_first_root_node() or Collection.add_root(name="Root")
    existing = root.get_children().filter(name=SITE_MEDIA_COLLECTION).first()
    return existing or root.add_child(name=SITE_MEDIA_COLLECTION)


def in_root(collection_id):
    return Collection.objects.filter(pk=collection_id, depth=1).exists()


def keep_out_of_root(sender, instance, raw=False, **kwargs):
    """pre_save of the image and document models."""
    if raw:
        return
    if instance.collection_id is None or in_root(instance.collection_id):
        instance.collection = ensure_site_media_collection()


def move_root_media_to_site_media():
    """Move the images and documents stored in Root itself into "Site media"; how many."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    site_media = ensure_site_media_collection()
    root = site_media.get_parent()
    return sum(
        model.objects.filter(collection=root).update(collection=site_media)
        for model in (get_image_model(), get_document_model())
    )
