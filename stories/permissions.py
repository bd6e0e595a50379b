"""Who may publish survivor stories: only story reviewers (the `stories.publish_survivorstory`
permission, or superusers), and only stories with valid consent (stories/publishing.py). Everybody
else submits stories to the story review workflow."""

from django.apps import apps
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.models import PagePermissionTester

from stories.publishing import publish_problem

PUBLISH_PERMISSION = "stories.publish_survivorstory"


def is_story_reviewer(user):
    return user.is_active and (user.is_superuser or user.has_perm(PUBLISH_PERMISSION))


class SurvivorStoryPermissionTester(PagePermissionTester):
    """Wagtail's page permissions, narrowed: publishing a story needs the reviewer permission,
    valid consent and no unchecked machine translation. Unpublishing stays with everyone who may
    publish in the tree, so that any editor can take a story down at once. Deleting a story is
    for those who may add stories, not for translators and reviewers (the rule of
    translation/translators.py, which would otherwise refuse a Delete the admin offers)."""

    def can_publish(self):
        return (
            super().can_publish() and is_story_reviewer(self.user) and self.publish_problem is None
        )

    def can_delete(self, ignore_bulk=False):
        may_add = self.user.is_superuser or "add" in self.permissions
        return may_add and super().can_delete(ignore_bulk=ignore_bulk)

    def can_unschedule(self):
        return super().can_publish()

    def can_set_view_restrictions(self):
        return super().can_publish()

    @cached_property
    def publish_problem(self):
        return publish_problem(self.page)


class StoryIndexPermissionTester(PagePermissionTester):
    """A new story never has consent yet, so no one can create and publish it in one go."""

    def can_publish_subpage(self):
        return False


def translations_publish_problem(user, source):
    """Why `user` may not publish all translations of a survivor story at once (wagtail-localize's
    *Sync translated pages* with *Publish*, which checks no permission), or None."""
    story = source.get_source_instance()
    if not isinstance(story, apps.get_model("stories", "SurvivorStoryPage")):
        return None
    if not is_story_reviewer(user):
        return _(
            "Only story reviewers publish survivor stories: update the translations without "
            "publishing them, then submit each one for review."
        )
    for translation in source.translations.filter(enabled=True).select_related("target_locale"):
        page = story.get_translation_or_none(translation.target_locale)
        problem = page and publish_problem(page)
        if problem:
            return problem
    return None
