"""Preview of drafts in a headless frontend, with wagtail-headless-preview.

When an editor presses *Preview*, Wagtail stores the draft as a `PagePreview` under a signed,
timestamped token and shows the frontend's preview address in the preview panel:
`{client URL}?content_type=home.campaignpage&token=…`. The frontend then reads the draft from
`/api/v2/page_preview/?content_type=…&token=…`, the only place the API gives a draft to someone
who is not logged in, and only for a valid token younger than `HEADLESS_PREVIEW_MAX_AGE`.

The client URL comes from `HEADLESS_PREVIEW_URL` (`{locale}` in it stands for the page's
language code) or, for one frontend per language, `HEADLESS_PREVIEW_URL_FR` and so on. With
neither set for a page's language, Wagtail's own server-rendered preview is used.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.signing import BadSignature, SignatureExpired
from django.http import Http404
from django.urls import path
from rest_framework import status
from rest_framework.response import Response
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.models import Site
from wagtail_headless_preview.models import HeadlessPreviewMixin, PagePreview
from wagtail_headless_preview.settings import headless_preview_settings

PRIVATE_CACHE_CONTROL = "private, no-store"


def preview_client_root_url(page, request):
    """The frontend address that previews `page`, or None when no frontend is configured for
    the page's language (Wagtail then renders the preview itself)."""
    language = page.locale.language_code if page.locale_id else settings.LANGUAGE_CODE
    url = getattr(settings, "HEADLESS_PREVIEW_LOCALE_URLS", {}).get(language)
    site = Site.find_for_request(request)
    if not url:
        client_urls = headless_preview_settings.CLIENT_URLS or {}
        url = (site and client_urls.get(site.hostname)) or client_urls.get("default")
    if not url:
        return None
    url = url.replace("{locale}", language)
    url = url.replace("{SITE_ROOT_URL}", site.root_url if site else "")
    if headless_preview_settings.ENFORCE_TRAILING_SLASH:
        url = url.rstrip("/") + "/"
    return url


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

    def get_object(self):
        if not hasattr(self, "_cached_object"):
            self._cached_object = page_from_preview_token(
                self.request.GET.get("content_type", ""), self.request.GET.get("token", "")
            )
        return self._cached_object

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
