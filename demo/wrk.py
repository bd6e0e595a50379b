"""Load a server with wrk (Debian's package) over a list of addresses, and read its figures:
requests, duration, latency percentiles and the count of each status (demo/wrk.lua)."""

import json
import shutil
import subprocess
import tempfile
from pathlib import Path

from demo.gunicorn import PROXY_HEADER

WRK_SCRIPT = Path(__file__).with_name("wrk.lua")
INSTALL_HINT = "wrk is needed: on Debian or Ubuntu, `apt-get install wrk`."


class WrkMissing(Exception):
    pass


def wrk_binary():
    wrk = shutil.which("wrk")
    if wrk is None:
        raise WrkMissing(INSTALL_HINT)
    return wrk


def wrk_command(address, script, seconds, connections, threads, headers):
    command = [wrk_binary(), f"-t{threads}", f"-c{connections}", f"-d{seconds}s"]
    command.append("--timeout=30s")
    for header in [PROXY_HEADER, *headers]:
        command += ["-H", header]
    return [*command, "-s", script, address]


def load(address, paths, seconds, connections, threads, headers=()):
    """wrk's figures after `seconds` of `connections` cycling through `paths` (ASCII: encode
    them with iri_to_uri) at `address`."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua") as script:
        script.write(f"paths = {{{', '.join(json.dumps(path) for path in paths)}}}\n")
        script.write(WRK_SCRIPT.read_text())
        script.flush()
        command = wrk_command(address, script.name, seconds, connections, threads, headers)
        run = subprocess.run(command, capture_output=True, text=True, check=True)  # noqa: S603
    return parse_figures(run.stdout)


def parse_figures(output):
    figures = {"statuses": {}}
    for line in output.splitlines():
        name, *values = line.split()
        if name == "status":
            figures["statuses"][int(values[0])] = int(values[1])
        elif len(values) == 1 and name in {"requests", "socket_errors"}:
            figures[name] = int(values[0])
        elif len(values) == 1 and (name == "seconds" or name.startswith("latency_")):
            figures[name] = float(values[0])
    return figures
