"""Renditions made by the worker (`manage.py db_worker`), not in a visitor's request: every
rendition the site shows (core/renditions.py) of an image when it is uploaded or changed (its
file or its focal point), and of a page's images when the page is published.

The task is queued once the change is committed: the worker then finds the image as saved."""

from functools import partial

from django.db import transaction
from django_tasks import task
from wagtail.images import get_image_model

from core.renditions import image_ids_of, make_site_renditions


@task()
def make_renditions(image_ids):
    """Make the site's renditions of these images; returns how many each has, by id."""
    made = {}
    for image in get_image_model().objects.filter(pk__in=image_ids):
        made[str(image.pk)] = make_site_renditions(image)
    return made


def queue_renditions(image_ids):
    if image_ids:
        transaction.on_commit(partial(make_renditions.enqueue, list(image_ids)))


def on_image_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    # A save of other fields only (title, tags...) changes no rendition.
    focal_point = {f"focal_point_{part}" for part in ("x", "y", "width", "height")}
    changes_renditions = {"file", *focal_point}
    if raw or (update_fields is not None and not changes_renditions & set(update_fields)):
        return
    queue_renditions([instance.pk])


def on_page_published(sender, instance, **kwargs):
    queue_renditions(image_ids_of(instance.specific))


def connect_signals():
    from django.db.models.signals import post_save
    from wagtail.signals import page_published

    post_save.connect(
        on_image_saved, sender=get_image_model(), dispatch_uid="core_renditions_on_image_saved"
    )
    page_published.connect(on_page_published, dispatch_uid="core_renditions_on_page_published")
