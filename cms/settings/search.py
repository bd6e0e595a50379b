"""The search backend (search/): SQLite's full-text index, PostgreSQL's with each language's
text-search configuration, or Elasticsearch/OpenSearch when SEARCH_URL names a server.

- SEARCH_URL: the server's address, e.g. https://user:password@search.example.org:9200 (several,
  comma separated). Unset: the database's own full-text search.
- SEARCH_ENGINE: elasticsearch8 (default), elasticsearch9, opensearch2 or opensearch3; its client
  library must be installed (`elasticsearch` or `opensearch-py`, README: Search backends).
- SEARCH_INDEX_PREFIX: prefixes the index names (default `cms_`), for several sites on one server.

After changing backend, fill the new index: `manage.py update_index`."""

import importlib.util
import os
from urllib.parse import urlparse

from django.core.exceptions import ImproperlyConfigured

from cms.settings.database import uses_postgresql

# PostgreSQL's configuration for each language: stemming for those PostgreSQL has one for, word
# for word ('simple': lower case, split on spaces and punctuation) for Swahili and Arabic.
POSTGRES_CONFIGS = {
    "en": "english",
    "fr": "french",
    "es": "spanish",
    "sw": "simple",
    "ar": "simple",
}
CLIENT_LIBRARIES = {
    "elasticsearch8": ("elasticsearch", "elasticsearch>=8,<9"),
    "elasticsearch9": ("elasticsearch", "elasticsearch>=9,<10"),
    "opensearch2": ("opensearchpy", "opensearch-py>=2,<3"),
    "opensearch3": ("opensearchpy", "opensearch-py>=3,<4"),
}


def search_server_settings(environ):
    """The backend settings for the server(s) SEARCH_URL names."""
    urls = [url.strip() for url in environ["SEARCH_URL"].split(",") if url.strip()]
    for url in urls:
        if urlparse(url).scheme not in ("http", "https") or not urlparse(url).hostname:
            raise ImproperlyConfigured(
                f"SEARCH_URL={url!r} is not a server's address: give http(s)://host:port."
            )
    engine = environ.get("SEARCH_ENGINE", "").strip().lower() or "elasticsearch8"
    if engine not in CLIENT_LIBRARIES:
        raise ImproperlyConfigured(
            f"SEARCH_ENGINE={engine!r} is not a search engine: give one of "
            f"{', '.join(CLIENT_LIBRARIES)}."
        )
    module, requirement = CLIENT_LIBRARIES[engine]
    if importlib.util.find_spec(module) is None:
        raise ImproperlyConfigured(
            f"SEARCH_ENGINE={engine} needs its client library: pip install '{requirement}'."
        )
    from search.elasticsearch import INDEX_SETTINGS

    return {
        "BACKEND": f"search.elasticsearch.{engine}",
        "URLS": urls,
        "INDEX_PREFIX": environ.get("SEARCH_INDEX_PREFIX", "cms_"),
        "TIMEOUT": 5,
        "INDEX_SETTINGS": INDEX_SETTINGS,
    }


def search_backends(environ, postgresql):
    """WAGTAILSEARCH_BACKENDS for this environment and database."""
    if environ.get("SEARCH_URL", "").strip():
        return {"default": search_server_settings(environ)}
    if postgresql:
        return {"default": {"BACKEND": "search.backends", "LANGUAGE_CONFIGS": POSTGRES_CONFIGS}}
    return {"default": {"BACKEND": "search.sqlite"}}


WAGTAILSEARCH_BACKENDS = search_backends(os.environ, uses_postgresql)
