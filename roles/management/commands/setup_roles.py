"""Create or repair the editorial groups and the survivor story review workflow (roles/groups.py).
Safe to run again."""

from django.core.management.base import BaseCommand
from django.db import transaction

from core.media_collections import ensure_site_media_collection, move_root_media_to_site_media
from roles import groups as roles
from stories.publishing import ensure_consent_forms_collection


class Command(BaseCommand):
    help = (
        "Create or repair the groups Editors, Moderators, Story reviewers, Story custodians and "
        "one 'Translators – <language>' per non-default language, each with exactly its "
        "permissions (roles/groups.py); the 'Site media' and 'Consent forms' collections; and the "
        "'Survivor story review' workflow on every language's story index. Run it again after "
        "adding a language or a story index."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        site_media = ensure_site_media_collection()
        consent_forms = ensure_consent_forms_collection()
        groups = {}
        for role in roles.editorial_roles(site_media, consent_forms) + roles.translator_roles(
            site_media
        ):
            group, created, changes = roles.apply_role(role)
            groups[role.name] = group
            if created:
                status = "created"
            elif changes:
                status = f"repaired ({changes} permissions added or removed)"
            else:
                status = "unchanged"
            self.stdout.write(f"{role.name}: {role.description} [{status}]")
            if role.page_permissions and not role.pages:
                self.stderr.write(
                    f"{role.name}: no pages to work on yet; run this command again once they exist."
                )

        workflow, indexes = roles.ensure_story_workflow(groups[roles.STORY_REVIEWERS])
        self.stdout.write(
            f"Workflow '{workflow.name}': '{roles.STORY_REVIEW_TASK}' by "
            f"{roles.STORY_REVIEWERS}, on {len(indexes)} story indexes "
            f"({', '.join(index.url_path for index in indexes) or 'none yet'})."
        )
        site_workflow = roles.ensure_site_workflow_moderators(groups[roles.MODERATORS])
        if site_workflow:
            self.stdout.write(
                f"Workflow '{site_workflow.name}': approved by {roles.MODERATORS} "
                "(every page but the survivor stories)."
            )

        moved = move_root_media_to_site_media()
        if moved:
            self.stdout.write(
                f"Moved {moved} images and documents from the root collection into "
                f"'{site_media.name}'."
            )
        collections = roles.collections_outside_site_media(site_media, consent_forms)
        if collections:
            self.stderr.write(
                f"Only superusers reach the collections: {', '.join(collections)}: move what "
                f"editors need into '{site_media.name}' (never into '{consent_forms.name}')."
            )
