"""Preview of drafts in a headless frontend, with wagtail-headless-preview.

When an editor presses *Preview*, Wagtail stores the draft as a `PagePreview` under a signed,
timestamped token and shows the frontend's preview address in the preview panel:
`{client URL}?content_type=home.campaignpage&token=…`. The frontend then reads the draft from
`/api/v2/page_preview/?content_type=…&token=…`, the only place the API gives a draft to someone
who is not logged in, and only for a valid token younger than `HEADLESS_PREVIEW_MAX_AGE`.

Which frontend previews a page is decided by core/preview.py.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.signing import BadSignature, SignatureExpired
from django.http import Http404
from django.urls import path
from django.utils.functional import cached_property
from rest_framework import status
from rest_framework.response import Response
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail_headless_preview.models import HeadlessPreviewMixin, PagePreview

from cms.api.shapes import TimestampedPageSerializer

PRIVATE_CACHE_CONTROL = "private, no-store"


class PreviewExpired(Exception):
    pass


def max_age():
    return int(getattr(settings, "HEADLESS_PREVIEW_MAX_AGE", 3600))


def page_from_preview_token(content_type_label, token):
    """The draft page stored for this token. Raises BadRequestError for a missing or malformed
    request, Http404 for an unknown or forged token, PreviewExpired for an old one."""
    if not content_type_label or not token:
        raise BadRequestError("content_type and token are required")
    app_label, _, model_name = content_type_label.partition(".")
    try:
        content_type = ContentType.objects.get_by_natural_key(app_label, model_name.lower())
    except ContentType.DoesNotExist as e:
        raise BadRequestError("content_type doesn't exist") from e
    model = content_type.model_class()
    if model is None or not issubclass(model, HeadlessPreviewMixin):
        raise BadRequestError("content_type is not a previewable page type")

    try:
        model.get_preview_signer().unsign(token, max_age=max_age())
    except SignatureExpired as e:
        raise PreviewExpired from e
    except BadSignature as e:
        raise Http404("preview not found") from e

    preview = PagePreview.objects.filter(content_type=content_type, token=token).first()
    if preview is None:
        raise Http404("preview not found")
    page = preview.as_page()
    if page.pk is None:
        # A page being created has no id yet: 0 keeps the detail_url routable.
        page.pk = page.id = 0
    return page


class PagePreviewAPIViewSet(PagesAPIViewSet):
    """`/api/v2/page_preview/?content_type=app.model&token=…`: the draft behind a preview token,
    in the same shape as `/api/v2/pages/<id>/`. Never cached by anyone."""

    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(["content_type", "token"])
    base_serializer_class = TimestampedPageSerializer

    @cached_property
    def preview_page(self):
        return page_from_preview_token(
            self.request.GET.get("content_type", ""), self.request.GET.get("token", "")
        )

    def get_object(self):
        return self.preview_page

    def detail_view(self, request, pk=None):
        return super().detail_view(request, pk)

    def handle_exception(self, exc):
        if isinstance(exc, PreviewExpired):
            return Response(
                {"message": "preview expired: preview the page again in the admin"},
                status=status.HTTP_410_GONE,
            )
        return super().handle_exception(exc)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Cache-Control"] = PRIVATE_CACHE_CONTROL
        response["X-Robots-Tag"] = "noindex"
        return response

    @classmethod
    def get_urlpatterns(cls):
        # One address, answered as a detail view (all the page's fields).
        return [path("", cls.as_view({"get": "detail_view"}), name="listing")]
