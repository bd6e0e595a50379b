"""The editorial roles: the groups, what each may do, and the survivor story review workflow,
applied by `python manage.py setup_roles`.

Each group gets exactly the permissions below and nothing else: running the command again repairs
a group that drifted (a permission added by hand to one of these groups is taken away again; give
extra rights through another group). Nobody but superusers manages users, groups, workflows,
sites, locales or webhooks, or deletes consent records; only supporter managers (and superusers)
see who subscribed to the mailing lists.

Signed consent forms stay with story custodians because no other group has any permission on the
"Consent forms" collection: editors work in "Site media", its sibling, and collection permissions
only reach a collection and the collections inside it (so no group has any on the root).
"""

from dataclasses import dataclass

from django.contrib.auth.models import Group, Permission
from django.utils import translation
from wagtail.models import (
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from stories.publishing import STORY_CUSTODIANS_GROUP
from translation.coverage import translatable_snippet_models

EDITORS = "Editors"
MODERATORS = "Moderators"
STORY_REVIEWERS = "Story reviewers"
STORY_CUSTODIANS = STORY_CUSTODIANS_GROUP
SUPPORTER_MANAGERS = "Supporter managers"

SITE_WORKFLOW = "Moderators approval"  # made by Wagtail's migrations, on the root page
STORY_WORKFLOW = "Survivor story review"
STORY_REVIEW_TASK = "Story reviewers approve"

ADMIN_ACCESS = ("wagtailadmin.access_admin",)
SUBMIT_TRANSLATION = ("wagtail_localize.submit_translation",)
EDIT_PAGES = ("wagtailcore.change_page", "wagtailcore.publish_page")
ADD_EDIT_PAGES = ("wagtailcore.add_page",) + EDIT_PAGES
LOCK_PAGES = ("wagtailcore.lock_page", "wagtailcore.unlock_page")
# For images and documents, Wagtail counts "change" as "delete" too.
MANAGE_MEDIA = (
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
)
CHOOSE_MEDIA = ("wagtailimages.choose_image", "wagtaildocs.choose_document")
MANAGE_REDIRECTS = (
    "wagtailredirects.add_redirect",
    "wagtailredirects.change_redirect",
    "wagtailredirects.delete_redirect",
)
# No delete: a consent record is the trace of what a survivor agreed to; withdrawal is a date.
KEEP_CONSENT_RECORDS = (
    "stories.add_consentrecord",
    "stories.change_consentrecord",
    "stories.view_consentrecord",
)
PUBLISH_STORIES = ("stories.publish_survivorstory",)
# Subscribers listed, filtered and exported; a person erased on request (newsletter/admin_views.py).
MANAGE_SUBSCRIBERS = (
    "newsletter.view_subscription",
    "newsletter.view_subscriber",
    "newsletter.delete_subscriber",
)
# Custodians upload signed forms; "change" lets them replace a wrong scan.
KEEP_CONSENT_FORMS = (
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
)


@dataclass(frozen=True)
class Role:
    """A group and everything it may do. Page permissions apply to `pages` and the pages below
    them, collection permissions to `collections` and the collections inside them."""

    name: str
    description: str
    permissions: tuple = ()
    page_permissions: tuple = ()
    pages: tuple = ()
    collection_permissions: tuple = ()
    collections: tuple = ()


# Where the roles apply ---------------------------------------------------------------------


def locale_home_pages():
    """The default site's home page in every language that has one."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        return []
    return list(site.root_page.get_translations(inclusive=True).order_by("path"))


def story_indexes():
    from stories.models import StoryIndexPage

    return list(StoryIndexPage.objects.order_by("path"))


def snippet_permissions(*actions, exclude=()):
    return tuple(
        f"{model._meta.app_label}.{action}_{model._meta.model_name}"
        for model in translatable_snippet_models()
        if model not in exclude
        for action in actions
    )


def translator_group_name(locale):
    with translation.override("en"):
        return f"Translators – {locale.get_display_name()}"


# The roles ---------------------------------------------------------------------------------


def editorial_roles(site_media, consent_forms):
    from core.models import NavigationMenu, SiteSettings

    homes = tuple(locale_home_pages())
    editing = (
        ADMIN_ACCESS
        + SUBMIT_TRANSLATION
        + snippet_permissions("add", "change")
        # One menu and one set of settings per language: changed, never deleted.
        + snippet_permissions("delete", exclude=(NavigationMenu, SiteSettings))
    )
    return [
        Role(
            EDITORS,
            "pages in every language (stories go to review), library, navigation, "
            f"site settings, translations, media in '{site_media.name}'",
            permissions=editing,
            page_permissions=ADD_EDIT_PAGES,
            pages=homes,
            collection_permissions=MANAGE_MEDIA,
            collections=(site_media,),
        ),
        Role(
            MODERATORS,
            f"what editors do, plus locking pages, redirects and the '{SITE_WORKFLOW}' workflow",
            permissions=editing + MANAGE_REDIRECTS,
            page_permissions=ADD_EDIT_PAGES + LOCK_PAGES,
            pages=homes,
            collection_permissions=MANAGE_MEDIA,
            collections=(site_media,),
        ),
        Role(
            STORY_REVIEWERS,
            f"edit, approve and publish survivor stories in every language ('{STORY_WORKFLOW}')",
            permissions=ADMIN_ACCESS + PUBLISH_STORIES,
            page_permissions=EDIT_PAGES,
            pages=tuple(story_indexes()),
            collection_permissions=("wagtailimages.choose_image",),
            collections=(site_media,),
        ),
        Role(
            STORY_CUSTODIANS,
            f"consent records, and signed forms in '{consent_forms.name}' (only they open them)",
            permissions=ADMIN_ACCESS + KEEP_CONSENT_RECORDS,
            collection_permissions=KEEP_CONSENT_FORMS,
            collections=(consent_forms,),
        ),
        Role(
            SUPPORTER_MANAGERS,
            "newsletter and early-access subscribers: list, export, erase on request",
            permissions=ADMIN_ACCESS + MANAGE_SUBSCRIBERS,
        ),
    ]


def translator_roles(site_media):
    """One group per language but the default one; its pages are that language's home page."""
    homes = {page.locale_id: page for page in locale_home_pages()}
    roles = []
    for locale in Locale.objects.exclude(pk=Locale.get_default().pk).order_by("language_code"):
        home = homes.get(locale.pk)
        roles.append(
            Role(
                translator_group_name(locale),
                f"pages under {home.url_path} and translatable snippets"
                if home
                else f"translatable snippets (no home page in {locale.language_code} yet)",
                permissions=ADMIN_ACCESS + SUBMIT_TRANSLATION + snippet_permissions("change"),
                page_permissions=EDIT_PAGES,
                pages=(home,) if home else (),
                collection_permissions=CHOOSE_MEDIA,
                collections=(site_media,),
            )
        )
    return roles


# Applying them -----------------------------------------------------------------------------


def get_permissions(names):
    permissions = []
    for name in names:
        app_label, codename = name.split(".")
        permissions.append(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return permissions


def _sync_object_permissions(model, group, field, objects, permission_names):
    """Make `group`'s rows of `model` (page or collection permissions) exactly those wanted;
    returns how many rows were added or removed."""
    permissions = get_permissions(permission_names)
    wanted = {(obj.pk, permission.pk) for obj in objects for permission in permissions}
    existing = {
        (getattr(row, f"{field}_id"), row.permission_id): row.pk
        for row in model.objects.filter(group=group)
    }
    stale = [pk for key, pk in existing.items() if key not in wanted]
    model.objects.filter(pk__in=stale).delete()
    missing = wanted - existing.keys()
    model.objects.bulk_create(
        model(group=group, permission_id=permission_id, **{f"{field}_id": object_id})
        for object_id, permission_id in missing
    )
    return len(stale) + len(missing)


def apply_role(role):
    """Create the role's group, or bring it back to exactly the role's permissions. Returns the
    group, whether it was created and how many permissions were added or removed."""
    group, created = Group.objects.get_or_create(name=role.name)
    wanted = set(get_permissions(role.permissions))
    current = set(group.permissions.all())
    if wanted != current:
        group.permissions.set(wanted)
    changes = len(wanted ^ current)
    changes += _sync_object_permissions(
        GroupPagePermission, group, "page", role.pages, role.page_permissions
    )
    changes += _sync_object_permissions(
        GroupCollectionPermission,
        group,
        "collection",
        role.collections,
        role.collection_permissions,
    )
    return group, created, changes


def ensure_story_workflow(reviewers):
    """The "Survivor story review" workflow: one task approved by Story reviewers, on every
    language's story index, so that stories and their translations all go through it (a page
    follows the workflow of its nearest ancestor that has one, which beats the site-wide
    workflow on the root page). Returns the workflow and the story indexes it covers."""
    from stories.models import StoryReviewTask

    task = StoryReviewTask.objects.filter(name=STORY_REVIEW_TASK).first()
    if task is None:
        task = StoryReviewTask.objects.create(name=STORY_REVIEW_TASK)
    if not task.active:
        task.active = True
        task.save(update_fields=["active"])
    task.groups.set([reviewers])

    workflow = Workflow.objects.filter(name=STORY_WORKFLOW).first()
    if workflow is None:
        workflow = Workflow.objects.create(name=STORY_WORKFLOW)
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    WorkflowTask.objects.filter(workflow=workflow).exclude(task=task).delete()
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})

    indexes = story_indexes()
    for index in indexes:
        WorkflowPage.objects.update_or_create(page=index, defaults={"workflow": workflow})
    return workflow, indexes


def ensure_site_workflow_moderators(moderators):
    """Moderators approve Wagtail's site-wide workflow, when the site still has it."""
    workflow = Workflow.objects.filter(name=SITE_WORKFLOW).first()
    if workflow is None:
        return None
    for task in GroupApprovalTask.objects.filter(workflow_tasks__workflow=workflow):
        task.groups.add(moderators)
    return workflow


def collections_outside_site_media(site_media, consent_forms):
    """The names of the collections directly under the root other than these two: no role
    reaches them (only superusers)."""
    root = site_media.get_parent()
    others = root.get_children().exclude(pk__in=[site_media.pk, consent_forms.pk])
    return [collection.name for collection in others]
