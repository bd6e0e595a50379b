"""A document whose file is no longer in its storage answers 404, as Wagtail's document view does
for a missing file on disk; from a bucket, the view would fail with a 500 instead."""

from django.http import Http404
from wagtail import hooks


# After Wagtail's own privacy check (order 0): only those allowed to download learn of it.
@hooks.register("before_serve_document", order=100)
def refuse_a_missing_file(document, request):
    if not document.file.storage.exists(document.file.name):
        raise Http404("This document's file is missing.")
