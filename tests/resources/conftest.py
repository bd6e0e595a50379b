import pytest


@pytest.fixture
def library(home_pages):
    from tests.resources.library_data import build_library

    return build_library(home_pages)
