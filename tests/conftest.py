import os
import shutil
import tempfile

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.signals import setting_changed
from django.utils import translation

from tests.seeded import ensure_demo_site


@pytest.fixture(scope="session", autouse=True)
def media_root():
    """Uploaded and generated files go to a folder of their own, removed after the run; document
    files to another one beside it (DOCUMENTS_ROOT, the private storage)."""
    path = tempfile.mkdtemp(prefix="cms-test-media-")
    documents_path = tempfile.mkdtemp(prefix="cms-test-documents-")
    settings.MEDIA_ROOT = path
    settings.DOCUMENTS_ROOT = documents_path
    # The documents storage may already exist (models name it): it forgets its old location.
    setting_changed.send(sender=None, setting="DOCUMENTS_ROOT", value=documents_path, enter=True)
    yield path
    shutil.rmtree(path, ignore_errors=True)
    shutil.rmtree(documents_path, ignore_errors=True)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, media_root):
    """Every test database starts with the demo site in all five languages, built once."""
    with django_db_blocker.unblock():
        call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115


@pytest.fixture(autouse=True)
def default_language_outside_requests():
    """Django's LocaleMiddleware leaves the last request's language active in the thread: each
    test starts (and ends) in the default language, whatever the test before it requested."""
    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture
def english_home(db):
    from home.models import HomePage

    return HomePage.objects.get(locale__language_code="en", depth=2)


@pytest.fixture
def demo_site(transactional_db, media_root):
    """The demo site, committed so that the live server's thread sees it."""
    ensure_demo_site()
