from django.db import transaction

from stories.publishing import unpublish_stories_without_consent


def consent_changed(sender, instance, raw=False, **kwargs):
    """A withdrawn, shortened or deleted consent takes the story down at once, not at the next
    run of `enforce_story_consent`. Not for records loaded as they were stored (`loaddata`, a
    backup's restore): their story may not be loaded yet."""
    if raw or instance.story_id is None:
        return
    translation_key = instance.story.translation_key
    transaction.on_commit(lambda: unpublish_stories_without_consent([translation_key]))
