"""For administrators (superusers): the report of failed background tasks, with a button to
queue one again, and a dashboard warning when tasks fail or no worker takes them."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail.admin.auth import permission_denied
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.views.reports import ReportView

from core import task_queue


class FailedTasksView(ReportView):
    template_name = "core/admin/failed_tasks.html"
    page_title = _("Failed background tasks")
    header_icon = "warning"
    index_url_name = "cms_failed_tasks"
    paginate_by = None

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_superuser:
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return task_queue.failed_tasks() if task_queue.uses_the_queue() else []

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        queued = context["uses_the_queue"] = task_queue.uses_the_queue()
        context["waiting"] = task_queue.tasks_waiting_for_a_worker() if queued else 0
        return context


@require_POST
def retry_task(request, result_id):
    """Queue a failed task once more, as it was first queued (at once)."""
    from django_tasks_db.models import DBTaskResult

    if not request.user.is_superuser:
        return permission_denied(request)
    result = get_object_or_404(DBTaskResult.objects.failed(), pk=result_id)
    try:
        task_queue.enqueue_again(result)
    except ImportError:
        messages.error(request, gettext("This task no longer exists in the site's code."))
    else:
        messages.success(request, gettext("Queued again: %(task)s") % {"task": result.task_name})
    return redirect("cms_failed_tasks")


class SuperuserMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser


class BackgroundTasksPanel(Component):
    """Tasks given up after their last attempt, and tasks no worker has started for a while."""

    name = "background_tasks"
    order = 40
    template_name = "core/admin/background_tasks_panel.html"

    def __init__(self, given_up, waiting):
        self.given_up = given_up
        self.waiting = waiting

    def get_context_data(self, parent_context=None):
        return {
            "given_up": self.given_up,
            "waiting": self.waiting,
            "minutes": int(task_queue.WORKER_LATE_AFTER.total_seconds() // 60),
        }


def background_tasks_panel(user):
    if not user.is_superuser or not task_queue.uses_the_queue():
        return None
    given_up = task_queue.given_up(task_queue.failed_tasks())
    waiting = task_queue.tasks_waiting_for_a_worker()
    if given_up or waiting:
        return BackgroundTasksPanel(given_up, waiting)
    return None
