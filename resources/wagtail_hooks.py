from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from core.localization import default_language_code

from .listing import LANDING_PREFIXES
from .models import LANDING_MODELS, Partner, Region, ResourceIndexPage, ResourceType, Topic


class ResourceTypeViewSet(SnippetViewSet):
    model = ResourceType
    icon = "doc-full"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class RegionViewSet(SnippetViewSet):
    model = Region
    icon = "globe"
    list_display = ["name", "slug", "is_country"]
    search_fields = ["name"]


class PartnerViewSet(SnippetViewSet):
    model = Partner
    icon = "group"
    list_display = ["name", "url"]
    search_fields = ["name"]


class TaxonomyViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Library")
    menu_icon = "folder-open-inverse"
    menu_order = 300
    items = (ResourceTypeViewSet, TopicViewSet, RegionViewSet, PartnerViewSet)


register_snippet(TaxonomyViewSetGroup)


@hooks.register("register_menu_subpages")
def library_landing_pages():
    """The landing page of each resource type, topic and region, for menu links to the library
    (core/navigation.py). Slugs are the same in every language: one choice serves them all."""
    kinds = {"type": _("Resource type"), "topic": _("Topic"), "region": _("Region")}
    choices = {}
    for kind, model in LANDING_MODELS.items():
        taxonomies = model.objects.filter(locale__language_code=default_language_code())
        for taxonomy in taxonomies.only("name", "slug"):
            suffix = f"{LANDING_PREFIXES[kind]}{taxonomy.slug}/"
            choices[suffix] = f"{kinds[kind]}: {taxonomy.name}"
    return ResourceIndexPage, choices
