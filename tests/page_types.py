"""Every page type of the site, so that "each page type" tests cover a new one by themselves."""

from wagtail.models import Page, get_page_models

PAGE_MODELS = [model for model in get_page_models() if model is not Page]
PAGE_TYPES = [model._meta.label for model in PAGE_MODELS]
