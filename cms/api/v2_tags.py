"""API v2 image and document lists with their tags fetched once for the whole list."""

from wagtail.api.v2.serializers import TagsField


class PrefetchedTagsField(TagsField):
    """Wagtail's tags of an image or document, from the tags prefetched with the list (its own
    field asks the database again for each object)."""

    def to_representation(self, value):
        return sorted(tag.name for tag in value.all())


def with_prefetched_tags(serializer_class):
    class Serializer(serializer_class):
        def build_property_field(self, field_name, model_class):
            field_class, kwargs = super().build_property_field(field_name, model_class)
            if field_class is TagsField:
                return PrefetchedTagsField, kwargs
            return field_class, kwargs

    Serializer.__name__ = Serializer.__qualname__ = serializer_class.__name__
    return Serializer


class TaggedListingMixin:
    """Images and documents with their tags fetched in one query for the whole list."""

    def get_queryset(self):
        return super().get_queryset().prefetch_related("tags")
