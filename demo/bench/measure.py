"""One benchmark run: the bare Django view, the site with its response cache and the site without
(RESPONSE_CACHE=off), each under the same gunicorn command on loopback, all running at once and
measured in turn by wrk. Each row is asked for once an address (every answer must be 2xx), warmed
up, then measured; the hello view before and after each row (`Benchmark.run`)."""

import tempfile
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack, contextmanager
from urllib.error import HTTPError
from urllib.request import Request, urlopen

from demo import wrk
from demo.bench.report import CACHED, COLD, measured
from demo.bench.rows import HELLO
from demo.gunicorn import PROXY_HEADER, Gunicorn

# What a browser sends: the site's answers are compressed for it (and kept compressed).
BROWSER_HEADERS = ("Accept-Encoding: gzip, deflate, br",)


@contextmanager
def servers(workers, threads):
    """{"hello": …, CACHED: …, COLD: …}, started together, stopped at the end."""
    with ExitStack() as stack:
        cache_dir = stack.enter_context(tempfile.TemporaryDirectory(prefix="cms-bench-cache-"))
        running = {
            "hello": Gunicorn(workers, threads, "demo.bench.hello:application", ready_path="/"),
            CACHED: Gunicorn(workers, threads, CACHE_DIR=cache_dir, RESPONSE_CACHE="on"),
            COLD: Gunicorn(workers, threads, CACHE_DIR=cache_dir, RESPONSE_CACHE="off"),
        }
        for server in running.values():
            stack.callback(server.stop)
            server.start()
        for server in running.values():
            server.wait_until_ready()
        yield running


def status_of(address, path):
    headers = dict(header.split(": ") for header in (PROXY_HEADER, *BROWSER_HEADERS))
    try:
        with urlopen(Request(address + path, headers=headers), timeout=120) as response:  # noqa: S310
            return response.status
    except HTTPError as error:
        return error.code


def failed_paths(address, paths):
    """The paths that do not answer 2xx, each with its status; asked all at once (a cold
    library page in five languages takes many seconds one after the other)."""
    with ThreadPoolExecutor(max_workers=len(paths)) as pool:
        statuses = list(pool.map(lambda path: status_of(address, path), paths))
    return [
        f"{path} answered {status}"
        for path, status in zip(paths, statuses, strict=True)
        if not 200 <= status < 300
    ]


class Benchmark:
    def __init__(self, seconds, warmup, connections, progress):
        self.seconds = seconds
        self.warmup = warmup
        self.connections = connections
        self.wrk_threads = min(2, connections)
        self.progress = progress

    def load(self, server, paths, seconds):
        return wrk.load(
            server.address, paths, seconds, self.connections, self.wrk_threads, BROWSER_HEADERS
        )

    def measure(self, server, row, mode, warmup=True, seconds=None):
        # A row's first run asks each address once, alone: a failing one is named.
        failed = failed_paths(server.address, row.paths) if warmup else []
        statuses = {}
        if warmup and self.warmup:
            statuses = self.load(server, row.paths, self.warmup)["statuses"]
        figures = self.load(server, row.paths, seconds or self.seconds)
        for code, count in statuses.items():  # what went wrong while warming up counts too
            if not 200 <= code < 300:
                figures["statuses"][code] = figures["statuses"].get(code, 0) + count
        measurement = measured(row, mode, figures, server.peak_worker_memory(), failed)
        self.progress(
            f"{row.name} ({mode}): {measurement.requests_per_s:.0f} req/s, "
            f"p50 {measurement.p50_ms} ms, p99 {measurement.p99_ms} ms"
        )
        return measurement

    def run(self, running, rows):
        """The hello view's runs, and the site's: each row's pair (cached, cold) between two runs
        of the hello view, whose mean its ratios are taken to (the machine may be busier at one
        moment than another: on a shared machine it is)."""
        hello = [self.measure(running["hello"], HELLO, "-")]
        site = []
        for row in rows:
            pair = [self.measure(running[mode], row, mode) for mode in (CACHED, COLD)]
            # Warm already, and as steady as a server can be: a shorter run tells as much.
            again = self.measure(running["hello"], HELLO, "-", False, max(1, self.seconds // 2))
            hello.append(again)
            reference = (hello[-2].requests_per_s + hello[-1].requests_per_s) / 2
            for measurement in pair:
                measurement.hello_requests_per_s = round(reference, 1)
            site += pair
        return hello, site
