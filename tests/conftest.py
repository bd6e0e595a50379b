import os
import shutil
import tempfile

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.signals import setting_changed
from django.utils import translation

from tests.site import ensure_demo_site, ensure_test_site, take_migrated_snapshot


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
    """Every test database starts with the bare site of tests/site.py (home page, settings and
    menu in every language), built once; each test adds what it needs with the factories."""
    with django_db_blocker.unblock():
        take_migrated_snapshot()
        ensure_test_site()


@pytest.fixture(scope="module")
def private_database(django_db_setup, django_db_blocker):
    """A private PostgreSQL cluster holding a copy of the test database, for the tests that run
    the site in real processes (tests/servers.py); a test may stop and restart it."""
    from tests.servers import private_copy_of_test_database

    with private_copy_of_test_database(django_db_blocker) as postgres:
        yield postgres


@pytest.fixture(autouse=True)
def default_language_outside_requests():
    """Django's LocaleMiddleware leaves the last request's language active in the thread: each
    test starts (and ends) in the default language, whatever the test before it requested."""
    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def empty_response_cache():
    """The response cache outlives a test's rolled-back database: each test starts with none of
    the answers an earlier test kept."""
    from django.core.cache import cache

    cache.clear()
    yield


@pytest.fixture
def english_home(db):
    from home.models import HomePage

    return HomePage.objects.get(locale__language_code="en", depth=2)


@pytest.fixture
def home_pages(db):
    """The test site's home page in every language, by language code."""
    from home.models import HomePage

    return {page.locale.language_code: page for page in HomePage.objects.select_related("locale")}


@pytest.fixture
def english_resource(english_home):
    """An English resource in its library (/en/resources/laws-across-africa/), published by an
    editor (it has a revision and a publication date)."""
    from tests.factories import ResourceIndexPageFactory, ResourcePageFactory

    library = ResourceIndexPageFactory(parent=english_home, title="Resources", slug="resources")
    resource = ResourcePageFactory(
        parent=library, title="Laws across Africa", slug="laws-across-africa"
    )
    resource.save_revision().publish()
    resource.refresh_from_db()
    return resource


@pytest.fixture
def translated_resource(english_resource):
    """`english_resource`, with its type and its library, translated into every language."""
    from tests.factories import translate

    library = english_resource.get_parent().specific
    for code, _name in settings.LANGUAGES:
        if code != settings.LANGUAGE_CODE:
            for instance in (english_resource.resource_type, library, english_resource):
                translate(instance, code)
    return english_resource


@pytest.fixture(scope="module")
def module_db(django_db_setup, django_db_blocker):
    """For a module-scoped fixture that builds data once for all the tests of a module: a
    transaction around the module, rolled back after its last test (each test still runs in a
    savepoint of its own). Gives `django_db_blocker`, to unblock the database while building.
    Not for modules with transactional tests: they flush the database."""
    from django.db import transaction

    with django_db_blocker.unblock():
        ensure_test_site()  # which a transactional test before may have flushed
        module_transaction = transaction.atomic()
        module_transaction.__enter__()
    yield django_db_blocker
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        module_transaction.__exit__(None, None, None)


@pytest.fixture(scope="module")
def module_site_content(module_db):
    """One page of every type, the library's snippets and the menu, in every language
    (tests/content.py: a `SiteContent` of the English objects), built once for all the tests
    of a module: building it takes several seconds. What a test changes in the database is
    rolled back after it, not what it changes in these Python objects: tests that change
    content read it back from the database."""
    from tests.content import build_site_content

    with module_db.unblock():
        return build_site_content()


@pytest.fixture
def create_token():
    """`create_token(user)`: a new API token of `user`, made with the `api_tokens` command as an
    administrator does, as its plaintext for an Authorization header."""
    import io

    def create(user, name="automation"):
        output = io.StringIO()
        call_command(
            "api_tokens", "create", "--user", user.get_username(), "--name", name, stdout=output
        )
        return output.getvalue().strip()

    return create


@pytest.fixture
def roles(db):
    """The site's groups and their permissions, as `setup_roles` makes them on a new site."""
    import io

    call_command("setup_roles", stdout=io.StringIO(), stderr=io.StringIO())


@pytest.fixture
def people(roles, django_user_model):
    """A superuser (under "superuser") and one member of each group people work in, by the
    group's name: editors, moderators, story reviewers, story custodians, supporter managers,
    and the French and Spanish translators."""
    from django.contrib.auth.models import Group

    from roles import groups

    names = [
        groups.EDITORS,
        groups.MODERATORS,
        groups.STORY_REVIEWERS,
        groups.STORY_CUSTODIANS,
        groups.SUPPORTER_MANAGERS,
        "Translators – French",
        "Translators – Spanish",
    ]
    members = {
        "superuser": django_user_model.objects.create_superuser("root", "root@example.org", "x")
    }
    for number, name in enumerate(names):
        user = django_user_model.objects.create_user(f"member-{number}", password="x")
        user.groups.add(Group.objects.get(name=name))
        members[name] = user
    return members


@pytest.fixture
def logged_in():
    """`logged_in(user)`: a new test client, signed in as `user`."""
    from django.test import Client

    def client_of(user):
        client = Client()
        client.force_login(user)
        return client

    return client_of


@pytest.fixture
def new_story(db):
    """`new_story(language_code="en", **fields)`: a draft story with valid consent under the
    story index of that language (which the test provides); `consent=False`: without consent,
    `live=True`: published."""
    from stories.models import StoryIndexPage
    from tests.factories import SurvivorStoryPageFactory

    def make(code="en", **fields):
        index = StoryIndexPage.objects.get(locale__language_code=code)
        fields.setdefault("live", False)
        return SurvivorStoryPageFactory(parent=index, locale=index.locale, **fields)

    return make


@pytest.fixture
def page_form():
    """`page_form(page, title, **extra)`: the admin's edit form of a campaign or a story as the
    browser posts it, with a new title (and `extra` fields, such as the button pressed)."""
    from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

    from home.models import CampaignPage
    from stories.models import SurvivorStoryPage

    def form(page, title, **extra):
        fields = {"title": title, "slug": page.slug}
        if isinstance(page, CampaignPage):
            fields |= {
                "intro": page.intro,
                "hashtag": page.hashtag,
                "awareness_date_0": "30",
                "awareness_date_1": "7",
                "body": streamfield([]),
                "calls_to_action": streamfield([]),
                "related_pages": streamfield([]),
            }
        else:
            fields |= {
                "pseudonym": page.pseudonym,
                "content_warning": page.content_warning,
                "quote": page.quote,
                "body": rich_text(page.body),
                "support": streamfield([]),
            }
        data = nested_form_data(fields | extra)
        if isinstance(page, SurvivorStoryPage):
            data["content_warning_topics"] = page.content_warning_topics
        return data

    return form


@pytest.fixture
def demo_site(transactional_db, media_root):
    """The demo site in place of the test site, committed so that a live server's thread sees
    it: for the browser journeys, which walk through the demo as a person would."""
    ensure_demo_site()


@pytest.fixture(scope="module")
def seeded_demo(django_db_setup, django_db_blocker):
    """The demo site in place of the test site for one module (the demo's own tests), then the
    test site back for the modules that follow."""
    with django_db_blocker.unblock():
        ensure_demo_site()
    yield
    with django_db_blocker.unblock():
        ensure_test_site()


def run_python_process(code, module, **env):
    """Run `code` in a new Python process with the given settings module and environment."""
    import subprocess
    import sys

    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL"))
    }
    environment.update(env, DJANGO_SETTINGS_MODULE=module)
    return subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        env=environment,
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
        check=False,
    )


@pytest.fixture
def run_python():
    """`run_python(code, settings_module, **environment)`: a new Python process, for settings
    that take effect only when Django starts (production refusing to start unsafely...)."""
    return run_python_process


# Modules whose tests read the code, the catalogues or collected files, never the database.
DATABASE_FREE_MODULES = (
    "tests/test_architecture.py",
    "tests/cms/test_static_files.py",
    "tests/translation/test_admin_strings.py",
    "tests/performance/test_worker_memory.py",
)


def pytest_collection_modifyitems(items):
    """Marks what answers the same on every database: a test whose Python processes start with
    their own settings (run_python leaves DATABASE_URL out), or of a module that reads no rows."""
    for item in items:
        path = item.nodeid.split("::")[0]
        if "run_python" in getattr(item, "fixturenames", ()) or path in DATABASE_FREE_MODULES:
            item.add_marker(pytest.mark.same_on_every_database)
