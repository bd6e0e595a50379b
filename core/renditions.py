"""Every rendition of an image that the site shows, in one place: the templates' pictures (the
`{% site_picture %}` and `{% share_image %}` tags, core/templatetags/site_tags.py) and the APIs'
renditions (core/representations.py). The worker makes all of them when an image is uploaded or
changed, and those of a page's images when the page is published (core/tasks.py), so that a
visitor's request finds them made rather than decoding an original.

Pictures give WebP with a JPEG fallback, each in several widths for `srcset`."""

from django.db import models
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.images.models import Filter, SourceImageIOError

# Picture name → Wagtail's brace-expanded filter spec, as the `{% picture %}` tag takes it.
PICTURES = {
    # Full width at the top of a page: the home page's hero and every page header.
    "banner": "format-{webp,jpeg} fill-{640x360,1280x720,1920x1080}",
    # A resource's or a campaign's card in a list.
    "card": "format-{webp,jpeg} fill-{400x225,800x450}",
    # An image block in a page's body.
    "body": "format-{webp,jpeg} width-{480,960,1440}",
    # A section's image, and a story's.
    "inline": "format-{webp,jpeg} width-{480,960}",
}

# The image shared on social networks (og:image), in the size they ask for.
SHARE_IMAGE = "fill-1200x630|format-jpeg"

# Rendition name → Wagtail filter spec, in both APIs. The names are part of the API contract:
# a fixed list, made ahead of visitors, rather than sizes a client chooses (each new size would
# decode an original on a visitor's request). A frontend needing another size asks for a name
# to be added here.
API_RENDITIONS = {
    "w480_webp": "width-480|format-webp",
    "w960_webp": "width-960|format-webp",
    "w1440_webp": "width-1440|format-webp",
    "w480_jpeg": "width-480|format-jpeg",
    "w960_jpeg": "width-960|format-jpeg",
    "share_jpeg": SHARE_IMAGE,
}


def picture_specs(name):
    """The filter specs of one picture, one per rendition (`format-webp|fill-640x360`...)."""
    return Filter.expand_spec(PICTURES[name])


def site_filter_specs():
    """Every filter spec the site shows, each once."""
    specs = [spec for name in PICTURES for spec in picture_specs(name)]
    specs += [SHARE_IMAGE, *API_RENDITIONS.values()]
    return list(dict.fromkeys(specs))


def make_site_renditions(image):
    """Make the renditions of `image` that do not exist yet; returns how many the site has of
    it. An image whose original cannot be read gets none (the page shows it without)."""
    specs = site_filter_specs()
    try:
        return len(image.get_renditions(*specs))
    except (SourceImageIOError, OSError):
        return 0


def image_ids_of(page):
    """The images a page shows: its image fields and the images in its StreamFields."""
    image_model = get_image_model()
    ids = set()
    for field in page._meta.concrete_fields:
        if isinstance(field, models.ForeignKey) and field.related_model is image_model:
            ids.add(getattr(page, field.attname))
        elif isinstance(field, StreamField):
            for model, object_id, _path, _content_path in field.extract_references(
                getattr(page, field.attname)
            ):
                if model is image_model:
                    ids.add(int(object_id))
    ids.discard(None)
    return sorted(ids)


def prefetch_pictures(*objects, images=()):
    """Read the renditions of the images that `objects` show in their image fields (those
    loaded already, as `select_related` does), and of `images`, in one query, before the
    template shows them. Otherwise Wagtail looks each up in the cache and writes it back on
    every use: with the file cache, a disk write and a listing of the cache folder each, some
    tens of milliseconds a card."""
    unread = {}
    for image in [*images, *(image for obj in objects for image in shown_images(obj))]:
        if image is not None and "renditions" not in getattr(
            image, "_prefetched_objects_cache", {}
        ):
            unread[id(image)] = image
    models.prefetch_related_objects(list(unread.values()), "renditions")


def image_fields(obj):
    """`obj`'s foreign keys to the image model."""
    image_model = get_image_model()
    return [
        field
        for field in obj._meta.concrete_fields
        if field.many_to_one and field.related_model is image_model
    ]


def shown_images(obj):
    """The images loaded on `obj`'s image fields."""
    if obj is None:
        return []
    return [getattr(obj, field.name) for field in image_fields(obj) if field.is_cached(obj)]


def own_images(page):
    """The images of `page`'s image fields, read if they were not joined to it."""
    return [getattr(page, field.name) for field in image_fields(page)]
