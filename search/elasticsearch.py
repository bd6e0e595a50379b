"""Elasticsearch and OpenSearch, each language analysed as its own (cms/settings/search.py chooses
them when SEARCH_URL is set).

modelsearch's Elasticsearch/OpenSearch backends put every page in one index whose catch-all
fields (`_all_text`, and `_all_text_boost_<n>` for each boost) are analysed with the `standard`
analyzer: no stemming in any language. Here each of those fields also has one sub-field per
language (`_all_text.fr`, analysed `french`…, ANALYZERS), and a search reads the sub-field of the
active language: French pages are stemmed as French and searched as French from /fr/search/,
as on PostgreSQL (search/backends.py). Swahili has no analyzer of its own in either engine: its
`swahili` analyzer (INDEX_SETTINGS) is the standard tokenizer, lower case and accents folded.

The backend classes (`search.elasticsearch.elasticsearch8`, `…9`, `opensearch2`, `opensearch3`)
are made from modelsearch's when settings first name them, so that this module imports no
client library: only the chosen engine's client (`elasticsearch` or `opensearch-py`) must be
installed."""

import importlib

from django.utils.translation import get_language

ANALYZERS = {"en": "english", "fr": "french", "es": "spanish", "sw": "swahili", "ar": "arabic"}
ENGINES = {
    "elasticsearch8": "Elasticsearch8",
    "elasticsearch9": "Elasticsearch9",
    "opensearch2": "OpenSearch2",
    "opensearch3": "OpenSearch3",
}
CATCH_ALL_PREFIX = "_all_text"

# Analyzers the engines do not define themselves, for the index settings.
INDEX_SETTINGS = {
    "settings": {
        "analysis": {
            "analyzer": {
                "swahili": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["lowercase", "asciifolding"],
                }
            }
        }
    }
}


def language_of(code):
    """The ANALYZERS key for a language code ("fr-ca" → "fr"), None for a language without one."""
    code = (code or "").lower()
    for candidate in (code, code.split("-")[0]):
        if candidate in ANALYZERS:
            return candidate
    return None


class LanguageMappingMixin:
    """Each catch-all text field gets a sub-field per language, with that language's analyzer."""

    def get_mapping(self):
        mapping = super().get_mapping()
        for name, field in mapping["properties"].items():
            if name.startswith(CATCH_ALL_PREFIX) and field.get("type") == "text":
                field["fields"] = {
                    code: {"type": "text", "analyzer": analyzer}
                    for code, analyzer in ANALYZERS.items()
                }
        return mapping


class LanguageQueryCompilerMixin:
    """Searches the catch-all fields through the active language's sub-fields."""

    def _remap_fields(self, fields):
        remapped = super()._remap_fields(fields)
        language = language_of(get_language())
        if fields or language is None:
            return remapped
        for field in remapped:
            if field.field_name.startswith(CATCH_ALL_PREFIX):
                field.field_name = f"{field.field_name}.{language}"
        return remapped


def language_backend(engine):
    """The backend class for one of ENGINES, from modelsearch's, with the mixins above."""
    prefix = ENGINES[engine]
    module = importlib.import_module(f"modelsearch.backends.{engine}")

    def subclass(kind, *mixins):
        base = getattr(module, f"{prefix}{kind}")
        return type(f"Language{prefix}{kind}", (*mixins, base), {})

    mapping = subclass("Mapping", LanguageMappingMixin)
    compiler = subclass("SearchQueryCompiler", LanguageQueryCompilerMixin)
    compiler.mapping_class = mapping
    autocomplete = subclass("AutocompleteQueryCompiler")
    autocomplete.mapping_class = mapping
    backend = subclass("SearchBackend")
    backend.mapping_class = mapping
    backend.query_compiler_class = compiler
    backend.autocomplete_query_compiler_class = autocomplete
    return backend


_backends = {}


def __getattr__(name):
    """`search.elasticsearch.elasticsearch8` and the others, made when first asked for."""
    if name not in ENGINES:
        raise AttributeError(name)
    if name not in _backends:
        _backends[name] = language_backend(name)
    return _backends[name]
