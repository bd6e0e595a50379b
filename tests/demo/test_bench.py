"""`manage.py bench` end to end, briefly: the site and the hello view under gunicorn, loaded by
wrk for a second a row, on a copy of a small bench site."""

import io
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from demo.bench.rows import ROW_NAMES, site_rows

# One page and one API answer: every row is asked for by the Django client in the test below.
MEASURED_ROWS = ["campaign", "API v2 list of 20"]

pytestmark = pytest.mark.skipif(
    shutil.which("wrk") is None, reason="the benchmark needs wrk (apt-get install wrk)"
)


def database_url_for_servers(directory):
    """An address of the test database that other processes can open: PostgreSQL's own, or a
    file copy of SQLite's in-memory database."""
    if connection.vendor == "postgresql":
        db = connection.settings_dict
        return f"postgres://{db['USER']}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"
    copy = directory / "bench.sqlite3"
    connection.ensure_connection()
    with sqlite3.connect(copy) as target:
        connection.connection.backup(target)
    return f"sqlite:///{copy}"


def collect_static_quickly(static_root, environment):
    """The manifest production needs, without compressing every file (collectstatic's 40 s):
    the benchmark finds it current and collects nothing."""
    code = (
        "from django.conf import settings; settings.STORAGES = {**settings.STORAGES, "
        "'staticfiles': {'BACKEND': "
        "'django.contrib.staticfiles.storage.ManifestStaticFilesStorage'}}; "
        "import django; django.setup(); from django.core.management import call_command; "
        "call_command('collectstatic', interactive=False, verbosity=0)"
    )
    subprocess.run(
        [sys.executable, "-c", code],
        env={**environment, "STATIC_ROOT": str(static_root)},
        cwd=settings.BASE_DIR,
        check=True,
    )


def bench_environment(tmp_path):
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL"))
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="cms.settings.dev",
        DATABASE_URL=database_url_for_servers(tmp_path),
        MEDIA_ROOT=str(settings.MEDIA_ROOT),
        DOCUMENTS_ROOT=str(settings.DOCUMENTS_ROOT),
        STATIC_ROOT=str(tmp_path / "static"),
    )
    return environment


def seed_small_bench():
    call_command(
        "seed_bench",
        "--no-renditions",
        *("--resources", "3", "--campaigns", "1", "--stories", "1"),
        stdout=io.StringIO(),
    )


@pytest.mark.django_db(transaction=True)
def test_every_row_answers_in_every_language(demo_site, client, settings, tmp_path):
    seed_small_bench()
    # The static row's address is read from collectstatic's manifest.
    (tmp_path / "staticfiles.json").write_text('{"paths": {"css/site.css": "css/site.1.css"}}')
    settings.STATIC_ROOT = tmp_path
    rows = {row.name: row for row in site_rows() if row.name != "static file"}

    assert list(rows) == list(ROW_NAMES[:-1])
    for row in rows.values():
        assert len(set(row.paths)) == len(settings.LANGUAGES), row
        for path in row.paths:
            response = client.get(path)
            assert response.status_code == 200, (row.name, path)
    searches = [client.get(path) for path in rows["search"].paths]
    assert all(re.search(rb'class="search-results">\s*<li', page.content) for page in searches)


@pytest.mark.django_db(transaction=True)
def test_bench_refuses_rows_it_does_not_know(demo_site):
    with pytest.raises(CommandError, match="No row named 'homepage'; the rows are: home, "):
        call_command("bench", "--rows", "homepage,campaign")


@pytest.mark.django_db(transaction=True)
def test_bench_measures_rows_cached_and_cold_against_hello(demo_site, tmp_path):
    seed_small_bench()
    environment = bench_environment(tmp_path)
    collect_static_quickly(tmp_path / "static", environment)
    output = tmp_path / "latest.json"

    run = subprocess.run(
        [sys.executable, "manage.py", "bench", "--seconds", "1", "--warmup", "0", "--workers", "1"]
        + ["--rows", ",".join(MEASURED_ROWS), "--output", str(output)],
        env=environment,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )

    assert run.returncode == 0, run.stdout + run.stderr
    assert "Collecting static files" not in run.stdout
    results = json.loads(output.read_text())
    measured = [(row["row"], row["mode"]) for row in results["rows"]]
    expected = [(name, mode) for name in MEASURED_ROWS for mode in ("cached", "cold")]
    assert measured == expected
    assert len(results["hello_runs"]) == len(MEASURED_ROWS) + 1
    for row in results["rows"] + results["hello_runs"]:
        assert row["requests_per_s"] > 0, row
        assert set(row["statuses"]) == {"200"}, row
        assert row["peak_worker_mb"] > 0, row
    for row in results["rows"]:
        assert row["ratio_to_hello"] == row["requests_per_s"] / row["hello_requests_per_s"]
        assert len(row["paths"]) == len(settings.LANGUAGES)
    assert len(results["targets"]) == 5
    # Rows left out of the run are not counted as targets met.
    assert "- Cold: API details ≥ 10 % of hello: not measured" in run.stdout
    for name in MEASURED_ROWS:
        assert name in run.stdout  # the table
