from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from newsletter.models import ConsentWording, MailingList


class MailingListViewSet(SnippetViewSet):
    model = MailingList
    icon = "mail"
    list_display = ["name", "slug", "kind"]
    search_fields = ["name"]


class ConsentWordingViewSet(SnippetViewSet):
    model = ConsentWording
    icon = "doc-full"
    list_display = ["version", "text"]


class NewsletterViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Newsletter")
    menu_icon = "mail"
    menu_order = 320
    items = (MailingListViewSet, ConsentWordingViewSet)


register_snippet(NewsletterViewSetGroup)
