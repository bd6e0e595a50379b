"""HTTP caching headers of the site's pages, for CDNs (Varnish, Cloudflare) and browsers, as the
APIs have theirs (cms/api/caching.py).

A public page (the same rules as the response cache: caching/middleware.py) says
`Cache-Control: public, max-age=0, s-maxage=PAGE_CACHE_S_MAXAGE`: a shared cache keeps it until
it is purged (caching/purge.py) or the time runs out; browsers revalidate each time with its
strong ETag and get 304 Not Modified while it is unchanged. Anything else the site's pages answer
for one person (a signed-in user, a page password, a form with a CSRF token) is `private,
no-store`.
"""

from django.conf import settings
from django.utils.cache import get_conditional_response, patch_cache_control, set_response_etag

from caching.middleware import NEVER_CACHED_PREFIXES, is_cacheable_request, is_cacheable_response
from cms.api.caching import has_own_cache_control, is_api_request


class PageCacheHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            request.method not in ("GET", "HEAD")
            or is_api_request(request)
            or request.path_info.startswith(NEVER_CACHED_PREFIXES)
            or has_own_cache_control(response)
        ):
            return response
        if not is_cacheable_request(request) or (
            response.status_code == 200 and not is_cacheable_response(request, response)
        ):
            patch_cache_control(response, private=True, no_store=True)
            return response
        if response.status_code != 200 or response.streaming:
            # A 404 may be a page about to be published; redirects follow the language choice.
            patch_cache_control(response, no_cache=True)
            return response
        patch_cache_control(response, public=True, max_age=0, s_maxage=settings.PAGE_CACHE_S_MAXAGE)
        set_response_etag(response)
        return get_conditional_response(request, etag=response["ETag"], response=response)
