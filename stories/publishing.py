"""The consent rules of survivor stories, on every path that can put one on the site.

- Nobody publishes a story, or a translation of it, without valid consent (`consent_problem`),
  nor a translation that still has machine-translated texts no person has checked
  (`machine_text_problem`: a story's words are the survivor's, and a wrong translation can hurt
  them). Both make `publish_problem`:
  the admin hides *Publish*, the review task offers no *Approve*, bulk publishing, the
  translation editor and API v3 refuse (the permission checks of stories/permissions.py),
  scheduled and programmatic publishing raise `StoryConsentError`, and a copy or any other save
  that would make a story live keeps it a draft.
- `unpublish_stories_without_consent` takes down what lost its consent (run by the
  `enforce_story_consent` command every few minutes, and at once when a custodian saves a record).

stories/models.py calls these rules, so they find the story models through the app registry.
"""

import logging

from django.apps import apps
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.log_actions import log
from wagtail.models import Collection, CollectionViewRestriction, Revision

from core.machine_text import unchecked_machine_texts

logger = logging.getLogger(__name__)

CONSENT_FORMS_COLLECTION = "Consent forms"
STORY_CUSTODIANS_GROUP = "Story custodians"


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


def consent_problem(page, on=None):
    """Why `page` (a survivor story in any language) may not be on the site, or None."""
    record = (
        apps.get_model("stories", "ConsentRecord")
        .objects.filter(story__translation_key=page.translation_key)
        .select_related("story")
        .first()
    )
    if record is None:
        return _("No consent has been recorded for this story.")
    return record.problem_for(page, on=on)


def machine_text_problem(page):
    """Why `page` (a story translation) may not be published because of its machine-translated
    texts, or None."""
    count = unchecked_machine_texts(page).count() if page.pk else 0
    if not count:
        return None
    return ngettext(
        "This story translation still has %(count)s machine-translated text that no person has "
        "checked. A story's words are the survivor's and a wrong translation can hurt them: a "
        "translator edits or confirms it before the story is published.",
        "This story translation still has %(count)s machine-translated texts that no person has "
        "checked. A story's words are the survivor's and a wrong translation can hurt them: a "
        "translator edits or confirms each one before the story is published.",
        count,
    ) % {"count": count}


def publish_problem(page):
    """Why `page` (a survivor story in any language) may not be published now, or None."""
    return consent_problem(page) or machine_text_problem(page)


def refuse_publishing_without_consent(page, user=None):
    """Raise StoryConsentError (and record it in the audit log) when `page` may not be
    published: no valid consent, or machine texts no person has checked."""
    problem = consent_problem(page)
    action = "stories.publish_refused"
    if problem is None:
        problem = machine_text_problem(page)
        action = "stories.publish_refused.machine_text"
    if problem is None:
        return
    log(instance=page, action=action, user=user, data={"reason": str(problem)})
    raise StoryConsentError(str(problem))


def keep_draft_without_consent(page):
    """Last line of defence for paths that set `live` without publishing a revision (copying a
    live page, aliases, code): a story without valid consent that is not live yet stays a draft."""
    SurvivorStoryPage = apps.get_model("stories", "SurvivorStoryPage")
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
    SurvivorStoryPage = apps.get_model("stories", "SurvivorStoryPage")
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
