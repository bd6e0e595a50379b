"""Wagtail's SQLite full-text backend, ranked in one query.

modelsearch's SQLite backend orders results by a score read through a correlated subquery that
runs the full-text match again for every matching row: a common word over a few thousand pages
took about a second. Here the index itself is searched once, ordered by bm25() and cut to the
page of results asked for, restricted to the rows of the searched queryset by a plain
(uncorrelated) subquery; then only that page's objects are read. Titles weigh TITLE_WEIGHT times
the rest of a page's text in bm25(), so that a title match ranks above a body match.

Settings: ``WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.sqlite"}}`` (what
cms/settings/database.py chooses on SQLite). Anything this backend does not rank itself (a
negated query, results not ordered by relevance) is modelsearch's own behaviour."""

from collections import OrderedDict

from django.db.models import CharField, Count, Func
from django.db.models.fields import FloatField
from django.db.models.functions import Cast
from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteAutocompleteQueryCompiler,
    SQLiteFTSIndexEntry,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
    SQLiteSearchResults,
)
from modelsearch.query import MatchAll, Not
from modelsearch.utils import get_descendants_content_types_pks

TITLE_WEIGHT = 5.0


class WeightedBM25(Func):
    """bm25() of the full-text table, its columns weighed (autocomplete, body, title: the order
    of Wagtail's migration); lower is better."""

    output_field = FloatField()

    def as_sql(self, compiler, connection, **extra_context):
        return f"bm25({SQLiteFTSIndexEntry._meta.db_table}, 1.0, 1.0, {TITLE_WEIGHT})", []


class RankedQueryMixin:
    def matching_entries(self, config):
        """The index rows matching the query among the searched queryset's objects, or None when
        the query is one modelsearch answers its own way (everything, a negation)."""
        query = normalize(self.query)
        if isinstance(query, (MatchAll, Not)):
            return None
        match = MatchExpression(
            self.fields or self.FTS_TABLE_FIELDS, self.build_search_query(query, config=config)
        )
        object_ids = (
            self.queryset.order_by()
            .annotate(_object_id=Cast("pk", CharField()))
            .values("_object_id")
        )
        return SQLiteFTSIndexEntry.objects.filter(match).filter(
            index_entry__content_type__in=get_descendants_content_types_pks(self.queryset.model),
            index_entry__object_id__in=object_ids,
        )

    def ranked_entries(self, config):
        """(object id, score) of the matching rows, best first; None as for matching_entries."""
        if not self.order_by_relevance:
            return None
        entries = self.matching_entries(config)
        if entries is None:
            return None
        return (
            entries.annotate(score=WeightedBM25())
            .order_by("score", "-index_entry__object_id")
            .values_list("index_entry__object_id", "score")
        )


class RankedSearchQueryCompiler(RankedQueryMixin, SQLiteSearchQueryCompiler):
    pass


class RankedAutocompleteQueryCompiler(RankedQueryMixin, SQLiteAutocompleteQueryCompiler):
    pass


class RankedSearchResults(SQLiteSearchResults):
    def _config(self):
        return self.query_compiler.get_config(self.backend)

    def _do_search(self):
        ranked = self.query_compiler.ranked_entries(self._config())
        if ranked is None:
            return super()._do_search()
        rows = list(ranked[self.start : self.stop])
        objects = {
            str(obj.pk): obj
            for obj in self.query_compiler.queryset.filter(pk__in=[pk for pk, _score in rows])
        }
        results = []
        for pk, score in rows:
            obj = objects.get(pk)
            if obj is None:  # deleted since
                continue
            if self._score_field:
                setattr(obj, self._score_field, score)
            results.append(obj)
        return results

    def _do_count(self):
        entries = self.query_compiler.matching_entries(self._config())
        if entries is None:
            return super()._do_count()
        count = entries.count() - self.start
        if self.stop is not None:
            count = min(count, self.stop - self.start)
        return max(count, 0)

    def facet(self, field_name):
        entries = self.query_compiler.matching_entries(self._config())
        if entries is None:
            return super().facet(field_name)
        super_facet_check = self.query_compiler._get_filterable_field(field_name)
        if super_facet_check is None:
            return super().facet(field_name)  # modelsearch's FilterFieldError
        matching = self.query_compiler.queryset.filter(
            pk__in=entries.values("index_entry__object_id")
        )
        counts = matching.order_by().values(field_name).annotate(count=Count("pk"))
        return OrderedDict(
            (row[field_name], row["count"]) for row in counts.order_by("-count", field_name)
        )


class RankedSQLiteSearchBackend(SQLiteSearchBackend):
    query_compiler_class = RankedSearchQueryCompiler
    autocomplete_query_compiler_class = RankedAutocompleteQueryCompiler
    results_class = RankedSearchResults


SearchBackend = RankedSQLiteSearchBackend
