"""Every gunicorn worker holds what the site imports when it starts: what only a rare page needs
is imported by that page, so that workers stay small (`make bench` reports their peak)."""

import subprocess
import sys

from django.conf import settings

# Modules a worker would hold for nothing: qrcode draws two-factor enrolment codes (some 2 MB).
RARELY_NEEDED = ["qrcode"]

STARTED_WORKER = """
import sys
import django
django.setup()
import cms.wsgi
from django.urls import resolve
resolve("/en/")
print(" ".join(name for name in sys.argv[1:] if name in sys.modules))
"""


def test_a_started_worker_has_not_imported_what_only_rare_pages_need():
    imported = subprocess.run(
        [sys.executable, "-c", STARTED_WORKER, *RARELY_NEEDED],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
        env={"DJANGO_SETTINGS_MODULE": "cms.settings.test", "PATH": "/usr/bin:/bin"},
    ).stdout.split()
    assert imported == []


def test_the_enrolment_page_still_draws_its_qr_code():
    from accounts.two_factor import qr_code_svg

    assert qr_code_svg("otpauth://totp/test?secret=ABC").startswith("<svg")
