"""Who may translate into which language.

A translator's languages follow from the pages they may edit: a group with edit permission on
the French home page translates into French. Pages are guarded by Wagtail's page permissions;
this module adds the same rule for snippets and for wagtail-localize's translation views,
which only check permissions per model."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from wagtail.models import GroupPagePermission, Locale, Page, TranslatableMixin
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail_localize.models import Translation, TranslationSource

ALL_LOCALES = None


def translatable_locale_ids(user):
    """The ids of the locales `user` may edit content in, or ALL_LOCALES."""
    if user.is_superuser:
        return ALL_LOCALES
    if not hasattr(user, "_translatable_locale_ids"):
        permissions = GroupPagePermission.objects.filter(
            group__user=user, permission__codename="change_page"
        ).select_related("page")
        locale_ids = set()
        for permission in permissions:
            if permission.page.is_root():
                locale_ids = ALL_LOCALES
                break
            locale_ids.add(permission.page.locale_id)
        user._translatable_locale_ids = locale_ids
    return user._translatable_locale_ids


def can_edit_in_locale(user, locale_id):
    locale_ids = translatable_locale_ids(user)
    return locale_ids is ALL_LOCALES or locale_id in locale_ids


def instance_locale_refusal(request, instance):
    """A refusal when `request.user` may not edit `instance` in its language, else None."""
    if isinstance(instance, TranslatableMixin) and not can_edit_in_locale(
        request.user, instance.locale_id
    ):
        return refusal(request, not_your_language(request.user, instance.locale))
    return None


class TranslatorsPagePermissionPolicy(PagePermissionPolicy):
    """Wagtail's page permissions, except that whoever edits pages in another language than the
    default one may also explore the default language's pages they translate from: live ones, and
    those translated into a page they may edit. The translation editor shows a related page's
    title through the admin API (/admin/api/main/pages/<id>/), which only answers for pages the
    user may explore. Exploring gives no right to edit."""

    def explorable_instances(self, user):
        explorable = super().explorable_instances(user)
        if user.is_superuser or not user.is_active:
            return explorable
        default_locale = Locale.get_default()
        editable = self.instances_user_has_permission_for(user, "change")
        translated = editable.exclude(locale=default_locale)
        if not translated.exists():
            return explorable
        sources = Page.objects.filter(locale=default_locale).filter(
            Q(live=True) | Q(translation_key__in=translated.values("translation_key"))
        )
        return explorable | sources


class TranslationLocaleMiddleware:
    """Refuse wagtail-localize's views to users who may not edit the target language."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or "wagtail_localize" not in match.namespaces:
            return None
        if not request.user.is_authenticated:
            return None
        if "translation_id" in view_kwargs:
            translation = get_object_or_404(Translation, pk=view_kwargs["translation_id"])
            if not can_edit_in_locale(request.user, translation.target_locale_id):
                return refusal(request, not_your_language(request.user, translation.target_locale))
        elif request.method == "POST" and "locales" in request.POST:
            # The site's Translate form offers only the user's languages (translation/views.py);
            # this guards wagtail-localize's own, should its address ever be reached.
            posted = request.POST.getlist("locales")
            locales = Locale.objects.filter(
                pk__in=[pk for pk in posted if pk.isascii() and pk.isdigit()]
            )
            for locale in locales:
                if not can_edit_in_locale(request.user, locale.pk):
                    return refusal(request, not_your_language(request.user, locale))
        if (
            match.url_name == "update_translations"
            and request.method == "POST"
            and request.POST.get("publish_translations")
        ):
            # wagtail-localize publishes synced translations without a permission check.
            from stories.permissions import translations_publish_problem

            source = get_object_or_404(TranslationSource, pk=view_kwargs["translation_source_id"])
            problem = translations_publish_problem(request.user, source)
            if problem:
                messages.error(request, problem)
                return redirect(request.get_full_path())
        return None


def language_names(user):
    """The names of the languages `user` translates into, for messages."""
    locale_ids = translatable_locale_ids(user)
    locales = Locale.objects.all()
    if locale_ids is not ALL_LOCALES:
        locales = locales.filter(pk__in=locale_ids)
    return ", ".join(str(locale.get_display_name()) for locale in locales.order_by("language_code"))


def not_your_language(user, locale):
    names = language_names(user)
    if not names:
        return _("You may not edit content in %(language)s: you edit in no language.") % {
            "language": locale.get_display_name()
        }
    return _(
        "You may not edit content in %(language)s: you translate into %(languages)s only. "
        "Ask an editor if it should be yours."
    ) % {"language": locale.get_display_name(), "languages": names}


def refusal(request, reason):
    """A refusal as Wagtail's `permission_denied` gives it, with the reason: back to the dashboard
    with an error message. Requests from scripts (the translation editor saving a text, any
    XMLHttpRequest) get a 403 with the reason instead."""
    if request.method not in ("GET", "POST") or (
        request.headers.get("x-requested-with") == "XMLHttpRequest"
    ):
        raise PermissionDenied(reason)
    messages.error(request, reason)
    return redirect("wagtailadmin_home")


def can_change_page_structure(user, page):
    """Deleting or moving a page is for those who may add pages there, not for translators
    (Wagtail would let anyone with edit and publish rights delete or move a leaf page)."""
    return user.is_superuser or "add" in page.permissions_for_user(user).permissions


def page_structure_refusal(request, pages):
    """A refusal when `request.user` may not delete or move `pages`, else None."""
    if all(can_change_page_structure(request.user, page) for page in pages):
        return None
    return refusal(
        request,
        _("Only editors delete or move pages: you may edit and translate them, not move them."),
    )


def translators_for_locale(locale):
    """Active users who translate into `locale`: their groups may edit pages in that language
    but none in the default one (editors and story reviewers edit in every language)."""
    from django.contrib.auth import get_user_model

    User = get_user_model()
    edits_source_pages = User.objects.filter(
        Q(groups__page_permissions__page__locale=Locale.get_default())
        | Q(groups__page_permissions__page__depth=1),
        groups__page_permissions__permission__codename="change_page",
    )
    return (
        User.objects.filter(
            is_active=True,
            groups__page_permissions__permission__codename="change_page",
            groups__page_permissions__page__locale=locale,
            groups__page_permissions__page__depth__gt=1,
        )
        .exclude(email="")
        .exclude(pk__in=edits_source_pages.values("pk"))
        .distinct()
    )
