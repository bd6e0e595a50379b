import pytest
from django.core.cache.backends.locmem import LocMemCache, _caches

EDITOR_PASSWORD = "a-long-passphrase"


@pytest.fixture(autouse=True)
def no_failure_counted_yet():
    """Failed attempts are counted in the cache (memory local to the process in tests, and in
    the per-process fallback): each test starts, and leaves the next one, with none counted."""

    def forget():
        for name in list(_caches):
            LocMemCache(name, {}).clear()

    forget()
    yield
    forget()


@pytest.fixture
def editor_password():
    """The password of `superuser` and `editor`."""
    return EDITOR_PASSWORD


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("boss", "boss@example.org", EDITOR_PASSWORD)


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("amina", "amina@example.org", EDITOR_PASSWORD)
