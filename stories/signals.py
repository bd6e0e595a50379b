from django.db import transaction

from stories.publishing import unpublish_stories_without_consent


def consent_changed(sender, instance, **kwargs):
    """A withdrawn, shortened or deleted consent takes the story down at once, not at the next
    run of `enforce_story_consent`."""
    if instance.story_id is None:
        return
    translation_key = instance.story.translation_key
    transaction.on_commit(lambda: unpublish_stories_without_consent([translation_key]))
