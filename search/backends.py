"""Full-text search on PostgreSQL with each language's own text-search configuration.

modelsearch's PostgreSQL backend indexes and queries everything with one configuration
(``SEARCH_CONFIG``). This backend indexes each object with the configuration of its locale's
language and queries with the configuration of the active language, so that French pages are
stemmed as French ("tribunaux" and "tribunal" match) and searched as French from ``/fr/search/``.

Settings (``WAGTAILSEARCH_BACKENDS``)::

    "default": {
        "BACKEND": "search.backends",
        "LANGUAGE_CONFIGS": {"en": "english", "fr": "french", ...},
        "DEFAULT_CONFIG": "simple",  # languages missing from LANGUAGE_CONFIGS (optional)
    }

Objects without a locale (images, documents…) use the configuration of ``LANGUAGE_CODE``.
Autocomplete keeps the ``simple`` configuration (no stemming), as in modelsearch.
"""

import copy
from collections import defaultdict

from django.conf import settings
from django.db.models import Q
from django.utils.translation import get_language
from modelsearch.backends.database.postgres.postgres import (
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.query import Phrase, PlainText

DEFAULT_CONFIG = "simple"


class LanguageIndex(PostgresIndex):
    """Indexes each object with the text-search configuration of its locale's language."""

    def add_items(self, model, objs):
        groups = defaultdict(list)
        for obj, config in zip(objs, self.backend.configs_for_objects(objs), strict=True):
            groups[config].append(obj)
        for config, group in groups.items():
            # modelsearch's indexer reads the configuration from the backend it is given.
            PostgresIndex(self.backend.with_config(config)).add_items(model, group)


class LanguageSearchQueryCompiler(PostgresSearchQueryCompiler):
    """Searches with the text-search configuration of the active language.

    The matching rows are found with the GIN indexes of the title and the body, each matched on
    its own: modelsearch matches their concatenation (`title || body @@ query`), which no index
    serves, and read every index entry of the language (close to a second for a common word at
    20,000 resources a language)."""

    def get_config(self, backend):
        return backend.config_for_language(get_language())

    def search(self, config, start, stop, score_field=None, backend=None):
        if self.fields is not None or not isinstance(self.query, (PlainText, Phrase)):
            return super().search(config, start, stop, score_field=score_field, backend=backend)
        search_query = self.build_tsquery(self.query, config=config)
        rank_expression = self._build_rank_expression(self.get_search_vectors(search_query), config)
        queryset = self.queryset.filter(
            Q(index_entries__title=search_query) | Q(index_entries__body=search_query)
        )
        return self._apply_ordering_and_scoring(queryset, rank_expression, start, stop, score_field)


class LanguageSearchBackend(PostgresSearchBackend):
    index_class = LanguageIndex
    query_compiler_class = LanguageSearchQueryCompiler

    def __init__(self, params):
        super().__init__(params)
        self.language_configs = {
            code.lower(): config for code, config in params.get("LANGUAGE_CONFIGS", {}).items()
        }
        self.default_config = params.get("DEFAULT_CONFIG", DEFAULT_CONFIG)
        # What modelsearch uses wherever no language is known.
        self.config = self.config_for_language(settings.LANGUAGE_CODE)

    def config_for_language(self, language_code):
        """The configuration for a language code ("fr", "fr-ca"…); the default language's if
        none is given, DEFAULT_CONFIG for a language missing from LANGUAGE_CONFIGS."""
        code = (language_code or settings.LANGUAGE_CODE).lower()
        for candidate in (code, code.split("-")[0]):
            if candidate in self.language_configs:
                return self.language_configs[candidate]
        return self.default_config

    def configs_for_objects(self, objs):
        """The configuration of each object's locale, in order, with one query for the locales."""
        from wagtail.models import Locale

        locale_ids = [getattr(obj, "locale_id", None) for obj in objs]
        language_codes = dict(
            Locale.objects.filter(pk__in={pk for pk in locale_ids if pk is not None}).values_list(
                "pk", "language_code"
            )
        )
        return [self.config_for_language(language_codes.get(pk)) for pk in locale_ids]

    def with_config(self, config):
        """A copy of this backend that indexes and searches with one configuration."""
        backend = copy.copy(self)
        backend.config = config
        return backend


SearchBackend = LanguageSearchBackend
