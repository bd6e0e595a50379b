from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Partner, Region, ResourceType, Topic


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
