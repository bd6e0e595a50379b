"""The site under gunicorn with production settings, as the soak and the benchmark load it: on a
free loopback port, for the length of a `with` block."""

import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.request import Request, urlopen

from django.conf import settings

# Requests look as they do behind the HTTPS proxy that production expects.
PROXY_HEADER = "X-Forwarded-Proto: https"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def gunicorn_command(port, workers, threads, application="cms.wsgi"):
    """gunicorn as production runs it, threaded, with addresses cut in its logs."""
    return [
        str(Path(sys.executable).with_name("gunicorn")),
        application,
        "--config=gunicorn.conf.py",  # the site's own: loaded once, before the workers fork
        f"--bind=127.0.0.1:{port}",
        f"--workers={workers}",
        f"--threads={threads}",
        "--worker-class=gthread",
        "--log-level=warning",
    ]


def production_environment(**overrides):
    """This process's environment with what production settings insist on."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "DJANGO_SECRET_KEY": os.environ.get("DJANGO_SECRET_KEY") or secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_CONN_MAX_AGE": os.environ.get("DATABASE_CONN_MAX_AGE", "600"),
        **overrides,
    }


class GunicornFailed(Exception):
    pass


class Gunicorn:
    """gunicorn serving `application` on a free port; the address is what `with` gives."""

    def __init__(self, workers, threads, application="cms.wsgi", ready_path="/healthz", **env):
        port = free_port()
        self.command = gunicorn_command(port, workers, threads, application)
        self.address = f"http://127.0.0.1:{port}"
        self.ready_path = ready_path
        self.environment = production_environment(**env)
        self.process = None

    def start(self):
        self.process = subprocess.Popen(  # noqa: S603
            self.command, cwd=settings.BASE_DIR, env=self.environment
        )

    def wait_until_ready(self, timeout=120):
        deadline = time.monotonic() + timeout
        while not self.ready():
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise GunicornFailed(f"gunicorn ({self.command[1]}) did not start: see above.")
            time.sleep(0.2)
        return self.address

    def ready(self):
        headers = dict([PROXY_HEADER.split(": ")])
        try:
            with urlopen(Request(self.address + self.ready_path, headers=headers), timeout=5) as r:  # noqa: S310
                return r.status == 200
        except OSError:
            return False

    def worker_ids(self):
        """The process ids of the workers (the master's children)."""
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(pid) for pid in children.read_text().split()]

    def peak_worker_memory(self):
        """The largest peak resident memory (VmHWM) of a worker so far, in MiB."""
        peaks = [0]
        for pid in self.worker_ids():
            try:
                status = Path(f"/proc/{pid}/status").read_text()
            except FileNotFoundError:  # a worker gone (restarted) since it was listed
                continue
            for line in status.splitlines():
                if line.startswith("VmHWM:"):
                    peaks.append(int(line.split()[1]) / 1024)
        return max(peaks)

    def stop(self):
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGINT)  # gunicorn's quick shutdown: the load is over
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()

    def __enter__(self):
        self.start()
        return self.wait_until_ready()

    def __exit__(self, *exc_info):
        self.stop()
