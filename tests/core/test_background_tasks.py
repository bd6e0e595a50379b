"""The background worker: uploads and publishing queue the renditions the site shows, the worker
makes them, and visitors then decode no image; a failed task is tried again, then shown to
administrators, who can queue it once more; `manage.py db_worker` works tasks in its own process.

These tests use the real queue (django-tasks-db, as in production) and run the worker in the test
process, transactionally: the worker takes and finishes tasks in transactions of its own."""

import io
import shutil
import signal
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.tasks import update_reference_index_task

from core.media_collections import ensure_site_media_collection
from core.renditions import site_filter_specs
from home.models import HomePage
from tests.conftest import run_python_process
from tests.factories import (
    CampaignIndexPageFactory,
    CampaignPageFactory,
    ImageFactory,
    ResourceIndexPageFactory,
    ResourcePageFactory,
)
from tests.site import ensure_test_site

Rendition = get_image_model().get_rendition_model()
SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)


@pytest.fixture
def task_queue(transactional_db, settings):
    """The database queue in place of the test settings' immediate tasks, on the test site."""
    ensure_test_site()
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def run_worker():
    """`manage.py db_worker --batch`: every task that is due, then exit (the signal handlers it
    installs are put back afterwards)."""
    handlers = {number: signal.getsignal(number) for number in SIGNALS}
    try:
        call_command(
            "db_worker", batch=True, reload=False, startup_delay=False, interval=0, verbosity=0
        )
    finally:
        for number, handler in handlers.items():
            signal.signal(number, handler)


def photo(width=1600, height=900, name="march.png"):
    output = io.BytesIO()
    PILImage.new("RGB", (width, height), (160, 60, 40)).save(output, "PNG")
    return SimpleUploadedFile(name, output.getvalue(), "image/png")


def specs_of(image):
    return set(Rendition.objects.filter(image=image).values_list("filter_spec", flat=True))


def test_an_image_uploaded_in_the_admin_gets_every_rendition_from_the_worker(
    task_queue, admin_client
):
    response = admin_client.post(
        reverse("wagtailimages:add"),
        {"title": "March", "collection": ensure_site_media_collection().pk, "file": photo()},
    )
    assert response.status_code == 302
    image = get_image_model().objects.get(title="March")

    assert specs_of(image) == set()  # not made in the editor's request
    assert DBTaskResult.objects.filter(task_path="core.tasks.make_renditions").exists()

    run_worker()

    assert specs_of(image) == set(site_filter_specs())
    assert not DBTaskResult.objects.exclude(status=TaskResultStatus.SUCCESSFUL).exists()


def published_pages():
    """A campaign and a resource with their images, each published by an editor."""
    home = HomePage.objects.get(locale__language_code="en", depth=2)
    hero, cover, figure = (ImageFactory(title=title) for title in ("Hero", "Cover", "Figure"))
    campaigns = CampaignIndexPageFactory(parent=home, slug="campaigns")
    campaign = CampaignPageFactory(
        parent=campaigns,
        slug="day",
        hero_image=hero,
        body=[("image", {"image": figure, "caption": "At the march"})],
    )
    library = ResourceIndexPageFactory(parent=home, slug="resources")
    resource = ResourcePageFactory(parent=library, slug="laws", cover_image=cover)
    for page in (campaigns, campaign, library, resource):
        page.save_revision().publish()
    return campaigns, campaign, library, resource


def test_visitors_find_the_renditions_made_and_decode_no_image(task_queue, client):
    campaigns, campaign, library, resource = published_pages()
    run_worker()
    made = Rendition.objects.count()

    addresses = [page.url for page in (campaigns, campaign, library, resource)]
    addresses += [
        f"/api/v2/pages/{resource.pk}/",
        "/api/v2/pages/?type=resources.ResourcePage&fields=*",
        f"/api/v3/pages/{resource.pk}/",
    ]
    for address in addresses:
        response = client.get(address)
        assert response.status_code == 200, address

    assert Rendition.objects.count() == made


def test_a_published_page_shows_webp_with_a_jpeg_fallback_in_several_widths(task_queue, client):
    _campaigns, campaign, _library, _resource = published_pages()
    run_worker()

    html = client.get(campaign.url).content.decode()

    header = html[html.index("<picture") : html.index("</picture>")]
    assert header.count('type="image/webp"') == 1
    assert header.count(".webp ") == 3  # 640, 1280 and 1920 pixels wide
    assert header.count(".jpg ") == 3
    assert 'sizes="100vw"' in header
    assert ".format-jpeg." in header[header.index("<img") :]


def test_a_failed_task_is_tried_again_then_reported_to_administrators(
    task_queue, settings, admin_client, django_user_model
):
    settings.TASKS_RETRY_DELAYS = (0,)  # one more attempt, at once
    # The object was deleted before the worker came to index its references.
    update_reference_index_task.enqueue("wagtailimages", "image", "999999")

    run_worker()

    attempts = DBTaskResult.objects.filter(task_path="wagtail.tasks.update_reference_index_task")
    assert [result.status for result in attempts] == [TaskResultStatus.FAILED] * 2
    dashboard = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "1 background task failed and was given up." in dashboard
    report = admin_client.get(reverse("cms_failed_tasks")).content.decode()
    assert "wagtail.tasks.update_reference_index_task" in report
    assert "DoesNotExist: Image matching query does not exist." in report
    assert "Given up: queue again" in report

    failed = attempts.order_by("-enqueued_at").first()
    admin_client.post(reverse("cms_retry_task", args=[failed.pk]))

    assert attempts.filter(status=TaskResultStatus.READY).count() == 1
    editor = django_user_model.objects.create_user("editor", password="x", is_staff=True)
    admin_client.force_login(editor)
    assert admin_client.get(reverse("cms_failed_tasks")).status_code == 302  # refused


def test_the_dashboard_warns_when_no_worker_takes_the_tasks(task_queue, admin_client):
    from django.utils import timezone

    ImageFactory(title="Waiting")  # its renditions are queued (and Wagtail's reference index)
    DBTaskResult.objects.exclude(task_path="core.tasks.make_renditions").delete()
    DBTaskResult.objects.update(enqueued_at=timezone.now() - timezone.timedelta(minutes=6))

    dashboard = admin_client.get(reverse("wagtailadmin_home")).content.decode()

    assert "1 task has waited more than 5 minutes for the background worker" in dashboard
    assert "python manage.py db_worker" in dashboard


def test_the_worker_command_works_a_task_queued_by_another_process(tmp_path):
    environment = {"DATABASE_URL": f"sqlite:///{tmp_path / 'queue.sqlite3'}"}
    environment["TASKS_BACKEND"] = "database"
    manage = [sys.executable, "manage.py"]
    migrate = run_manage(manage + ["migrate", "django_tasks_database"], environment)
    assert migrate.returncode == 0, migrate.stderr
    old_file = tmp_path / "replaced.jpg"
    old_file.write_bytes(b"an image's file, to delete once its row is gone")
    enqueue = run_python_process(
        "from django.core.files.storage import FileSystemStorage; "
        "from wagtail.tasks import delete_file_from_storage_task as task; "
        f"task.enqueue(FileSystemStorage(location={str(tmp_path)!r}).deconstruct(), "
        "'replaced.jpg')",
        "cms.settings.test",
        **environment,
    )
    assert enqueue.returncode == 0, enqueue.stderr
    assert old_file.exists()

    worker = run_manage(manage + ["db_worker", "--batch", "--no-startup-delay"], environment)

    assert worker.returncode == 0, worker.stderr
    assert not old_file.exists()
    assert "state=SUCCESSFUL" in worker.stdout


def run_manage(command, environment):
    import os

    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.update(environment, DJANGO_SETTINGS_MODULE="cms.settings.test")
    return subprocess.run(
        command, env=env, cwd=settings.BASE_DIR, capture_output=True, text=True, timeout=300
    )


def test_make_run_starts_the_task_worker_beside_the_server_and_stops_it_with_it():
    commands = subprocess.run(
        [shutil.which("make"), "-n", "run"],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
    ).stdout

    worker = commands.index("manage.py db_worker --no-reload &")
    assert "kill $jobs $tasks" in commands[worker:]
    assert worker < commands.index("manage.py runserver")


def test_the_site_queues_tasks_in_its_database_unless_told_to_run_them_at_once():
    for environment, backend in (
        ({}, "django_tasks_db.DatabaseBackend"),
        ({"TASKS_BACKEND": "immediate"}, "django_tasks.backends.immediate.ImmediateBackend"),
    ):
        result = run_python_process(
            "from django.conf import settings; print(settings.TASKS['default']['BACKEND'])",
            "cms.settings.dev",
            **environment,
        )
        assert result.stdout.strip() == backend, result.stderr
    refused = run_python_process("", "cms.settings.dev", TASKS_BACKEND="celery")
    assert "TASKS_BACKEND='celery' is not a task backend" in refused.stderr
