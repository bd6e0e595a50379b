"""The task queue seen from the site: failed tasks tried again, what administrators are told.

A task that raises is queued again after each delay of TASKS_RETRY_DELAYS (cms/settings/tasks.py),
then given up: it stays on the "Failed background tasks" report, where an administrator can queue
it once more. Webhook deliveries never raise: they keep their own schedule of attempts
(webhooks/delivery.py), which the worker runs at the times it sets."""

import datetime
import json
import logging
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks.signals import task_finished

logger = logging.getLogger(__name__)

# A task ready this long without being started means no worker is taking tasks.
WORKER_LATE_AFTER = datetime.timedelta(minutes=5)
REPORT_DAYS = 30


def arguments_key(args_kwargs):
    return json.dumps(args_kwargs, sort_keys=True)


def attempts_in_a_row(db_result):
    """How many times in a row this task with these arguments failed, the last attempt included."""
    from django_tasks_db.models import DBTaskResult

    statuses = (
        DBTaskResult.objects.filter(
            task_path=db_result.task_path,
            args_kwargs=db_result.args_kwargs,
            backend_name=db_result.backend_name,
            enqueued_at__lte=db_result.enqueued_at,
        )
        .exclude(status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING])
        .order_by("-enqueued_at")
        .values_list("status", flat=True)[: len(settings.TASKS_RETRY_DELAYS) + 2]
    )
    attempts = 0
    for status in statuses:
        if status != TaskResultStatus.FAILED:
            break
        attempts += 1
    return attempts


def enqueue_again(db_result, run_after=None):
    task = db_result.task.using(run_after=run_after)
    return task.enqueue(*db_result.args_kwargs["args"], **db_result.args_kwargs["kwargs"])


def retry_failed_task(sender, task_result, **kwargs):
    """Queue a failed task again after its delay, unless it has had all its attempts."""
    db_result = getattr(task_result, "db_result", None)
    if task_result.status != TaskResultStatus.FAILED or db_result is None:
        return  # succeeded, or not a queued task (the immediate backend logs the error)
    delays = settings.TASKS_RETRY_DELAYS
    attempts = attempts_in_a_row(db_result)
    if attempts > len(delays):
        logger.error("Task %s failed %d times: given up", db_result.task_path, attempts)
        return
    run_after = timezone.now() + datetime.timedelta(seconds=delays[attempts - 1])
    try:
        enqueue_again(db_result, run_after=run_after)
    except Exception:
        logger.exception("Could not queue task %s again", db_result.task_path)


def connect_signals():
    task_finished.connect(retry_failed_task, dispatch_uid="core_retry_failed_task")


@dataclass
class FailedTask:
    """The last attempt of a task (with its arguments) that failed, and what happens next."""

    result: object  # a DBTaskResult
    attempts: int
    next_attempt_at: datetime.datetime | None

    @property
    def error(self):
        lines = self.result.traceback.strip().splitlines()
        return lines[-1] if lines else self.result.exception_class_path


def failed_tasks(now=None):
    """Tasks whose last attempt in the last REPORT_DAYS failed, newest first, each once."""
    from django_tasks_db.models import DBTaskResult, get_date_max

    since = (now or timezone.now()) - datetime.timedelta(days=REPORT_DAYS)
    failed = list(DBTaskResult.objects.failed().filter(finished_at__gte=since)[:500])
    if not failed:
        return []
    later = DBTaskResult.objects.filter(
        task_path__in={result.task_path for result in failed},
        enqueued_at__gte=min(result.enqueued_at for result in failed),
    ).order_by("enqueued_at")
    newest = {}
    for result in later:
        newest[(result.task_path, arguments_key(result.args_kwargs))] = result
    reported = {}
    for result in sorted(failed, key=lambda result: result.enqueued_at, reverse=True):
        key = (result.task_path, arguments_key(result.args_kwargs))
        last = newest.get(key, result)
        if key in reported or last.status == TaskResultStatus.SUCCESSFUL:
            continue
        next_attempt_at = None
        if last.status in (TaskResultStatus.READY, TaskResultStatus.RUNNING):
            deferred = last.run_after != get_date_max()
            next_attempt_at = last.run_after if deferred else last.enqueued_at
        reported[key] = FailedTask(result, attempts_in_a_row(result), next_attempt_at)
    return list(reported.values())


def given_up(tasks):
    return [task for task in tasks if task.next_attempt_at is None]


def tasks_waiting_for_a_worker(now=None):
    """How many tasks have been due for WORKER_LATE_AFTER without a worker starting them."""
    from django_tasks_db.models import DBTaskResult, get_date_max

    late = (now or timezone.now()) - WORKER_LATE_AFTER
    due_long_ago = Q(run_after=get_date_max(), enqueued_at__lt=late) | Q(run_after__lt=late)
    return DBTaskResult.objects.filter(due_long_ago, status=TaskResultStatus.READY).count()


def uses_the_queue():
    from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends
    from django_tasks_db import DatabaseBackend

    return isinstance(task_backends[DEFAULT_TASK_BACKEND_ALIAS], DatabaseBackend)
