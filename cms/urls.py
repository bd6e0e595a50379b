from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from accounts import views as accounts_views
from core.sitemaps import MultilingualSitemap
from core.views import healthz, serve_media
from search import views as search_views

# In the visitor's language with the quick exit, JSON under /api/, 503 while the database is down.
handler500 = "core.views.server_error"

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("", include("cms.api.urls")),  # /api/v2/ and /api/v3/
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": MultilingualSitemap}}),
    path("healthz", healthz, name="healthz"),
]

if settings.DEBUG or getattr(settings, "SERVE_MEDIA_FILES", False):
    # In production a web server or object storage serves uploads, not Django.
    urlpatterns.append(re_path(r"^media/(?P<path>.*)$", serve_media))

urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("newsletter/", include("newsletter.urls")),
    # Wagtail's password form for protected pages, with wrong passwords throttled.
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        accounts_views.authenticate_with_password,
        name="wagtailcore_authenticate_with_password",
    ),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
