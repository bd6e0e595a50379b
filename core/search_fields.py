"""How site search weighs the parts of a page: its title (Wagtail's boost 2), then its summary and
the names of its taxonomies (SUMMARY_BOOST), above its body text (no boost). On PostgreSQL each
boost becomes a tsvector weight (A, B…); on Elasticsearch/OpenSearch, a field boost."""

from wagtail.search import index

SUMMARY_BOOST = 1.5


def taxonomy_names(relation):
    """A search field for the names of a page's resource type, topics, regions or country: a
    visitor searching "Kenya" or "policy brief" finds the pages filed under them."""
    return index.RelatedFields(relation, [index.SearchField("name", boost=SUMMARY_BOOST)])
