"""The publishing rules of survivor stories, on every path that can put one on the site.

- Only story reviewers (the `stories.publish_survivorstory` permission, or superusers) publish
  stories; everybody else submits them to the story review workflow.
- Nobody publishes a story, or a translation of it, without valid consent: the admin hides
  *Publish*, the review task offers no *Approve*, bulk publishing, the translation editor and
  API v3 refuse (permission checks), scheduled and programmatic publishing raise
  `StoryConsentError`, and a copy or any other save that would make a story live keeps it a draft.
- `unpublish_stories_without_consent` takes down what lost its consent (run by the
  `enforce_story_consent` command every few minutes, and at once when a custodian saves a record).
"""

import logging

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log
from wagtail.models import Collection, PagePermissionTester, Revision

logger = logging.getLogger(__name__)

CONSENT_FORMS_COLLECTION = "Consent forms"
STORY_CUSTODIANS_GROUP = "Story custodians"
PUBLISH_PERMISSION = "stories.publish_survivorstory"


class StoryConsentError(PermissionDenied):
    """Raised when something tries to publish a survivor story without valid consent."""


def consent_forms_collection():
    root = Collection.get_first_root_node()
    if root is None:
        return None
    return root.get_children().filter(name=CONSENT_FORMS_COLLECTION).first()


def ensure_consent_forms_collection():
    """The collection for signed consent forms: its documents are served only to logged-in
    story custodians (a group view restriction), never listed in either API."""
    from django.contrib.auth.models import Group
    from wagtail.models import CollectionViewRestriction

    collection = consent_forms_collection()
    if collection is None:
        root = Collection.get_first_root_node() or Collection.add_root(name="Root")
        collection = root.add_child(name=CONSENT_FORMS_COLLECTION)
    custodians, _ = Group.objects.get_or_create(name=STORY_CUSTODIANS_GROUP)
    restriction = CollectionViewRestriction.objects.filter(collection=collection).first()
    if restriction is None or restriction.restriction_type != CollectionViewRestriction.GROUPS:
        CollectionViewRestriction.objects.filter(collection=collection).delete()
        restriction = CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.GROUPS
        )
    restriction.groups.add(custodians)
    return collection


def is_story_reviewer(user):
    return user.is_active and (user.is_superuser or user.has_perm(PUBLISH_PERMISSION))


class SurvivorStoryPermissionTester(PagePermissionTester):
    """Wagtail's page permissions, narrowed: publishing a story needs the reviewer permission
    and valid consent. Unpublishing stays with everyone who may publish in the tree, so that
    any editor can take a story down at once."""

    def can_publish(self):
        return (
            super().can_publish() and is_story_reviewer(self.user) and self.consent_problem is None
        )

    def can_unschedule(self):
        return super().can_publish()

    def can_set_view_restrictions(self):
        return super().can_publish()

    @cached_property
    def consent_problem(self):
        from stories.models import consent_problem

        return consent_problem(self.page)


class StoryIndexPermissionTester(PagePermissionTester):
    """A new story never has consent yet, so no one can create and publish it in one go."""

    def can_publish_subpage(self):
        return False


def translations_publish_problem(user, source):
    """Why `user` may not publish all translations of a survivor story at once (wagtail-localize's
    *Sync translated pages* with *Publish*, which checks no permission), or None."""
    from stories.models import SurvivorStoryPage, consent_problem

    story = source.get_source_instance()
    if not isinstance(story, SurvivorStoryPage):
        return None
    if not is_story_reviewer(user):
        return _(
            "Only story reviewers publish survivor stories: update the translations without "
            "publishing them, then submit each one for review."
        )
    for translation in source.translations.filter(enabled=True).select_related("target_locale"):
        page = story.get_translation_or_none(translation.target_locale)
        problem = page and consent_problem(page)
        if problem:
            return problem
    return None


def refuse_publishing_without_consent(page, user=None):
    from stories.models import consent_problem

    problem = consent_problem(page)
    if problem is None:
        return
    log(
        instance=page,
        action="stories.publish_refused",
        user=user,
        data={"reason": str(problem)},
    )
    raise StoryConsentError(str(problem))


def keep_draft_without_consent(page):
    """Last line of defence for paths that set `live` without publishing a revision (copying a
    live page, aliases, code): a story without valid consent that is not live yet stays a draft."""
    from stories.models import SurvivorStoryPage, consent_problem

    if not page.live:
        return
    was_live = (
        page.pk is not None and SurvivorStoryPage.objects.filter(pk=page.pk, live=True).exists()
    )
    if was_live or consent_problem(page) is None:
        return
    page.live = False
    page.has_unpublished_changes = True
    page.live_revision = None


def unpublish_stories_without_consent(translation_keys=None):
    """Unpublish every live story and translation whose consent is missing, expired, withdrawn
    or does not cover it, and cancel scheduled publishing of such stories; each event is in the
    audit log. Returns the pages unpublished."""
    from stories.models import SurvivorStoryPage, consent_problem

    stories = SurvivorStoryPage.objects.all()
    if translation_keys is not None:
        stories = stories.filter(translation_key__in=translation_keys)
    unpublished = []
    for story in stories.filter(live=True).select_related("locale"):
        problem = consent_problem(story)
        if problem is None:
            continue
        with transaction.atomic():
            story.unpublish(log_action=False)
            log(
                instance=story,
                action="stories.unpublish.consent",
                data={"reason": str(problem)},
            )
        logger.info("Unpublished survivor story pk=%s: consent no longer valid", story.pk)
        unpublished.append(story)
    scheduled = Revision.page_revisions.filter(
        approved_go_live_at__isnull=False,
        object_id__in=[str(pk) for pk in stories.values_list("pk", flat=True)],
    )
    for revision in scheduled:
        story = revision.as_object()
        problem = consent_problem(story)
        if problem is None:
            continue
        with transaction.atomic():
            revision.approved_go_live_at = None
            revision.save(update_fields=["approved_go_live_at"])
            log(
                instance=story,
                action="stories.unschedule.consent",
                data={"reason": str(problem)},
                revision=revision,
            )
    return unpublished
