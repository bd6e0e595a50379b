from wagtail.admin.panels import Panel

from stories.permissions import is_story_reviewer
from stories.publishing import consent_problem


class ConsentStatusPanel(Panel):
    """Tells everyone editing a story whether it may be published, and why not, without showing
    the consent record itself (dates, scope and notes are for story custodians only)."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "stories/admin/consent_status_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            context["problem"] = consent_problem(page) if page.pk else None
            context["is_new"] = page.pk is None
            context["can_review"] = is_story_reviewer(self.request.user)
            context["is_custodian"] = self.request.user.has_perm("stories.change_consentrecord")
            return context
