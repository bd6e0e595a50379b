"""What moves the response cache on (caching/generation.py): every change that can alter a public
response, whichever process makes it.

Rather than a list of what pages show (which would go stale as the site grows), any saved or
deleted object counts, except models whose rows never reach a visitor: drafts and workflow
states, logs, translators' work in progress (published translations arrive as page saves),
sessions and sign-in records, renditions (made for a response, never changing one), queued
tasks. Search index entries do count: the worker updates them after the change it follows. Page
moves update the tree without saving each page, so they count too. A page's draft saved without
publishing still moves the cache on: harmless, only a miss.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django_tasks.base import TaskResultStatus
from django_tasks.signals import task_finished
from wagtail.signals import page_published, page_unpublished, post_page_move

from caching.generation import invalidate

# App labels and "app_label.ModelName"s whose writes leave every public response unchanged.
IGNORED = {
    "admin",
    "axes",
    "contenttypes",
    "django_tasks_database",
    "otp_totp",
    "sessions",
    "wagtail_headless_preview",
    "wagtail_localize",
    "wagtailembeds",
    "wagtailusers",
    "webhooks",
    "auth.User",
    "auth.Permission",
    "wagtailcore.Comment",
    "wagtailcore.CommentReply",
    "wagtailcore.ModelLogEntry",
    "wagtailcore.PageLogEntry",
    "wagtailcore.PageSubscription",
    "wagtailcore.Revision",
    "wagtailcore.TaskState",
    "wagtailcore.WorkflowState",
    "wagtailcore.ReferenceIndex",
    "wagtailimages.Rendition",
    "wagtailadmin.EditingSession",
    "wagtailadmin.FormState",
    "wagtailcore.APIToken",
    "wagtailcore.UploadedFile",
    "stories.ScheduledJobsRun",
    # People signing up: a page shows lists and wordings, never who is on them.
    "newsletter.Subscriber",
    "newsletter.Subscription",
    "newsletter.SignUpStatistic",
}


def changes_responses(model):
    meta = model._meta
    return meta.app_label not in IGNORED and f"{meta.app_label}.{model.__name__}" not in IGNORED


# What Wagtail records about a file when a page first shows it (its size, its hash): nothing
# a response shows changes.
FILE_FACTS = {"file_size", "file_hash"}


def object_changed(sender, raw=False, update_fields=None, **kwargs):
    if raw or not changes_responses(sender):
        return
    if update_fields and set(update_fields) <= FILE_FACTS:
        return
    invalidate()


def page_changed(sender, **kwargs):
    invalidate()


# The background task that indexes a page once it is published: searches answered (and kept)
# between the publish and the task show the index as it was. Its writes send no signal. Pages
# only: an image is indexed again when its file facts are first recorded (FILE_FACTS), which
# changes nothing a search finds, and its other changes were saves that moved the generation.
SEARCH_INDEX_TASK = "modelsearch.tasks.insert_or_update_object_task"


def indexed_a_page(task_result):
    from django.apps import apps
    from wagtail.models import Page

    app_label, model_name = task_result.args[:2]
    return issubclass(apps.get_model(app_label, model_name), Page)


def task_done(sender, task_result, **kwargs):
    if (
        task_result.task.module_path == SEARCH_INDEX_TASK
        and task_result.status == TaskResultStatus.SUCCESSFUL
        and indexed_a_page(task_result)
    ):
        invalidate()


def connect():
    task_finished.connect(task_done, dispatch_uid="response_cache_search_index")
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(object_changed, dispatch_uid=f"response_cache_{signal!r}")
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(page_changed, dispatch_uid=f"response_cache_page_{signal!r}")
