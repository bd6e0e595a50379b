"""Wagtail's `publish_scheduled`, which first takes down stories without valid consent and
cancels their scheduled publishing, so that one story cannot stop the other pages' schedules."""

from wagtail.management.commands.publish_scheduled import Command as WagtailPublishScheduled

from stories.publishing import unpublish_stories_without_consent


class Command(WagtailPublishScheduled):
    def handle(self, *args, **options):
        if not options.get("dryrun"):
            unpublish_stories_without_consent()
        return super().handle(*args, **options)
