"""Which search backend the environment chooses (cms/settings/search.py), and the index mapping
Elasticsearch/OpenSearch get: each language analysed with its own analyzer
(search/elasticsearch.py). No search server is needed: settings and mappings are checked as data."""

import importlib.util

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.utils import translation
from modelsearch.backends.elasticsearchbase import (
    ElasticsearchBaseMapping,
    ElasticsearchBaseSearchQueryCompiler,
)
from modelsearch.query import PlainText

from cms.settings.search import POSTGRES_CONFIGS, search_backends
from resources.models import ResourcePage
from search.elasticsearch import ANALYZERS, LanguageMappingMixin, LanguageQueryCompilerMixin


class Mapping(LanguageMappingMixin, ElasticsearchBaseMapping):
    pass


class QueryCompiler(LanguageQueryCompilerMixin, ElasticsearchBaseSearchQueryCompiler):
    mapping_class = Mapping


@pytest.fixture
def clients_installed(monkeypatch):
    """As if the engines' client libraries were installed (the test environment has none)."""
    find_spec = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *args: (
            object() if name in ("elasticsearch", "opensearchpy") else find_spec(name, *args)
        ),
    )


def test_without_search_url_the_database_searches():
    assert search_backends({}, postgresql=False) == {"default": {"BACKEND": "search.sqlite"}}
    assert search_backends({"SEARCH_URL": " "}, postgresql=True) == {
        "default": {"BACKEND": "search.backends", "LANGUAGE_CONFIGS": POSTGRES_CONFIGS}
    }
    assert POSTGRES_CONFIGS == {
        "en": "english",
        "fr": "french",
        "es": "spanish",
        "sw": "simple",
        "ar": "simple",
    }


def test_search_url_chooses_elasticsearch_with_each_languages_analyzer(clients_installed):
    environ = {"SEARCH_URL": "https://user:secret@search.example.org:9200"}

    backend = search_backends(environ, postgresql=True)["default"]

    assert backend["BACKEND"] == "search.elasticsearch.elasticsearch8"
    assert backend["URLS"] == ["https://user:secret@search.example.org:9200"]
    assert backend["INDEX_PREFIX"] == "cms_"
    swahili = backend["INDEX_SETTINGS"]["settings"]["analysis"]["analyzer"]["swahili"]
    assert swahili["tokenizer"] == "standard"
    assert "lowercase" in swahili["filter"]


def test_search_engine_and_index_prefix_choose_opensearch_and_names(clients_installed):
    environ = {
        "SEARCH_URL": "http://one:9200, http://two:9200",
        "SEARCH_ENGINE": "OpenSearch2",
        "SEARCH_INDEX_PREFIX": "ngo_",
    }

    backend = search_backends(environ, postgresql=False)["default"]

    assert backend["BACKEND"] == "search.elasticsearch.opensearch2"
    assert backend["URLS"] == ["http://one:9200", "http://two:9200"]
    assert backend["INDEX_PREFIX"] == "ngo_"


@pytest.mark.parametrize(
    ("environ", "message"),
    [
        ({"SEARCH_URL": "search.example.org"}, "is not a server's address"),
        ({"SEARCH_URL": "ftp://search.example.org"}, "is not a server's address"),
        ({"SEARCH_URL": "http://es:9200", "SEARCH_ENGINE": "solr"}, "is not a search engine"),
    ],
)
def test_a_wrong_setting_stops_the_site_with_a_clear_message(clients_installed, environ, message):
    with pytest.raises(ImproperlyConfigured, match=message):
        search_backends(environ, postgresql=False)


@pytest.mark.skipif(
    importlib.util.find_spec("elasticsearch") is not None, reason="the client is installed"
)
def test_a_missing_client_library_says_what_to_install():
    with pytest.raises(ImproperlyConfigured, match=r"pip install 'elasticsearch>=8,<9'"):
        search_backends({"SEARCH_URL": "http://es:9200"}, postgresql=False)


def test_the_mapping_analyses_the_catch_all_fields_in_every_language():
    properties = Mapping(ResourcePage).get_mapping()["properties"]
    catch_all = {name: field for name, field in properties.items() if name.startswith("_all_text")}

    # The text of every boost (title 2, summaries and taxonomy names 1.5) and the rest.
    assert set(catch_all) == {"_all_text", "_all_text_boost_2_0", "_all_text_boost_1_5"}
    for field in catch_all.values():
        assert {code: sub["analyzer"] for code, sub in field["fields"].items()} == {
            "en": "english",
            "fr": "french",
            "es": "spanish",
            "sw": "swahili",
            "ar": "arabic",
        }
    assert properties["title"]["copy_to"] == ["_all_text", "_all_text_boost_2_0"]
    assert "fields" not in properties["_edgengrams"]  # autocomplete: the same in every language


@pytest.mark.parametrize("language", sorted(ANALYZERS))
def test_a_search_reads_the_active_languages_fields(language):
    with translation.override(language):
        compiler = QueryCompiler(ResourcePage.objects.all(), PlainText("tribunal"))

    fields = {field.field_name: field.boost for field in compiler.remapped_fields}
    assert fields == {
        f"_all_text.{language}": 1,
        f"_all_text_boost_2_0.{language}": 2.0,
        f"_all_text_boost_1_5.{language}": 1.5,
    }


def test_a_language_without_an_analyzer_reads_the_standard_fields():
    with translation.override("de"):
        compiler = QueryCompiler(ResourcePage.objects.all(), PlainText("Gericht"))

    assert {field.field_name for field in compiler.remapped_fields} == {
        "_all_text",
        "_all_text_boost_2_0",
        "_all_text_boost_1_5",
    }


def test_each_engines_backend_is_made_from_modelsearchs():
    pytest.importorskip("elasticsearch")
    from search import elasticsearch

    backend = elasticsearch.elasticsearch8
    assert backend.mapping_class.__mro__[1] is LanguageMappingMixin
    assert issubclass(backend.query_compiler_class, LanguageQueryCompilerMixin)
