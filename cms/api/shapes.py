"""What API v2 and API v3 write the same way, beyond the fields they share (cms/api/content.py).

- Timestamps: ISO 8601 in UTC to the millisecond, always with the fraction
  (`2026-07-30T09:00:00.000Z`). Django REST framework (v2) wrote microseconds, django-ninja (v3)
  milliseconds but none at all on a whole second.
- Lists: API v3's `{"items": […], "count": N}`. API v2 keeps its `meta.total_count` beside
  `count`, for the clients written for it.
- Answers: compact UTF-8 JSON (core/compact_json.py), errors included (cms/api/problems.py).
"""

import datetime

from ninja.responses import NinjaJSONEncoder
from rest_framework import serializers
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.serializers import PageSerializer


def timestamp(value: datetime.datetime) -> str:
    if value.tzinfo is not None:
        value = value.astimezone(datetime.UTC)
    written = value.isoformat(timespec="milliseconds")
    return written.removesuffix("+00:00") + ("Z" if value.tzinfo is not None else "")


class TimestampField(serializers.DateTimeField):
    def to_representation(self, value):
        return timestamp(value) if value else None


class TimestampedPageSerializer(PageSerializer):
    """API v2's pages, with timestamps written as API v3 writes them (`first_published_at`)."""

    serializer_field_mapping = {
        model_field: TimestampField if field is serializers.DateTimeField else field
        for model_field, field in PageSerializer.serializer_field_mapping.items()
    }


class TimestampEncoder(NinjaJSONEncoder):
    """API v3's JSON encoder, with timestamps written as `timestamp` writes them."""

    def default(self, o):
        if isinstance(o, datetime.datetime):
            return timestamp(o)
        return super().default(o)


class CountedPagination(WagtailPagination):
    def get_paginated_response(self, data):
        response = super().get_paginated_response(data)
        response.data["count"] = self.total_count
        return response


class CompactJSON:
    """Answers, errors included, as compact UTF-8 JSON: Wagtail's viewsets ask Django REST
    framework to indent by 4 spaces, which made a page's answer a fifth bigger. Without it,
    DRF's own defaults apply (`COMPACT_JSON`, `UNICODE_JSON`). Lists also say `count`, as in
    API v3."""

    pagination_class = CountedPagination

    def get_renderer_context(self):
        context = super().get_renderer_context()
        context.pop("indent", None)
        return context
