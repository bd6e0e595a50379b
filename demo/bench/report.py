"""The benchmark's results: one measurement a row and mode, the ratio of each to the bare Django
view measured in the same run, the targets of issue 12 and whether each is met, as a table and
as JSON."""

import json
import statistics
from dataclasses import asdict, dataclass, field

CACHED, COLD = "cached", "cold"
MEMORY_LIMIT_MB = 150
P99_OVER_P50 = 4


@dataclass
class Measurement:
    row: str
    group: str
    mode: str  # cached, cold, or "-" for rows the response cache does not serve
    requests_per_s: float
    p50_ms: float | None  # None: no answer came back within the row's seconds
    p99_ms: float | None
    peak_worker_mb: float
    statuses: dict
    socket_errors: int
    paths: list
    # Addresses that did not answer 2xx when first asked, with what they answered.
    failed_paths: list = field(default_factory=list)
    # The hello view's requests/s around this row (the mean of its runs before and after).
    hello_requests_per_s: float | None = None
    ratio_to_hello: float | None = None

    @property
    def unexpected_statuses(self):
        return {code: n for code, n in self.statuses.items() if not 200 <= code < 300}


def measured(row, mode, figures, peak_worker_mb, failed_paths):
    answered = figures["requests"] > 0
    return Measurement(
        row=row.name,
        group=row.group,
        mode=mode,
        requests_per_s=figures["requests"] / figures["seconds"] if answered else 0,
        p50_ms=figures["latency_p50_ms"] if answered else None,
        p99_ms=figures["latency_p99_ms"] if answered else None,
        peak_worker_mb=round(peak_worker_mb, 1),
        statuses=figures["statuses"],
        socket_errors=figures["socket_errors"],
        paths=list(row.paths),
        failed_paths=failed_paths,
    )


@dataclass
class Target:
    description: str
    # None: no row of the target was measured (`--rows` left them out).
    met: bool | None
    misses: list = field(default_factory=list)


def ratio_target(description, measurements, minimum):
    if not measurements:
        return Target(description, None)
    misses = [
        f"{m.row} ({m.mode}): {m.ratio_to_hello:.1%}"
        for m in measurements
        if m.ratio_to_hello < minimum
    ]
    return Target(description, not misses, misses)


def targets(measurements):
    site = [m for m in measurements if m.group in ("page", "api")]
    cached = [m for m in site if m.mode == CACHED]
    cold = {m.row: m for m in site if m.mode == COLD}
    cold_lists = [cold[name] for name in ("campaign", "API v2 list of 20") if name in cold]
    cold_details = [m for name, m in cold.items() if name.startswith("API") and "detail" in name]
    tails = [
        f"{m.row} ({m.mode}): p99 {m.p99_ms:.1f} ms, p50 {m.p50_ms:.1f} ms"
        for m in measurements
        if m.p50_ms is not None and m.p99_ms >= P99_OVER_P50 * m.p50_ms
    ]
    heavy = [
        f"{m.row} ({m.mode}): {m.peak_worker_mb:.0f} MB"
        for m in measurements
        if m.peak_worker_mb >= MEMORY_LIMIT_MB
    ]
    return [
        ratio_target("Cached: every page and API row ≥ 70 % of hello", cached, 0.70),
        ratio_target("Cold: campaign and API v2 list of 20 ≥ 5 % of hello", cold_lists, 0.05),
        ratio_target("Cold: API details ≥ 10 % of hello", cold_details, 0.10),
        Target(f"p99 < {P99_OVER_P50} × p50 on every row", not tails, tails),
        Target(f"Peak memory < {MEMORY_LIMIT_MB} MB per worker", not heavy, heavy),
    ]


class Report:
    def __init__(self, hello_runs, measurements, settings):
        for measurement in measurements:
            measurement.ratio_to_hello = (
                measurement.requests_per_s / measurement.hello_requests_per_s
            )
        self.hello_runs = hello_runs
        self.measurements = measurements
        self.settings = settings
        self.targets = targets(measurements)

    def hello_summary(self):
        """The hello view's runs as one row: their mean, median latencies, largest worker."""
        runs = self.hello_runs
        summary = Measurement(
            row=f"hello (×{len(runs)})",
            group="hello",
            mode="-",
            requests_per_s=statistics.mean(run.requests_per_s for run in runs),
            p50_ms=statistics.median(run.p50_ms or 0 for run in runs),
            p99_ms=statistics.median(run.p99_ms or 0 for run in runs),
            peak_worker_mb=max(run.peak_worker_mb for run in runs),
            statuses={},
            socket_errors=0,
            paths=runs[0].paths,
        )
        summary.ratio_to_hello = 1
        return summary

    def table(self):
        header = f"{'row':<22}{'mode':<8}{'req/s':>8}{'p50 ms':>9}{'p99 ms':>9}"
        header += f"{'vs hello':>10}{'MB/worker':>11}"
        lines = [header, "-" * len(header)]
        for m in [self.hello_summary(), *self.measurements]:
            p50, p99 = (f"{ms:.1f}" if ms is not None else "-" for ms in (m.p50_ms, m.p99_ms))
            lines.append(
                f"{m.row:<22}{m.mode:<8}{m.requests_per_s:>8.0f}{p50:>9}{p99:>9}"
                f"{m.ratio_to_hello:>10.0%}{m.peak_worker_mb:>11.0f}"
            )
        speeds = [run.requests_per_s for run in self.hello_runs]
        lines.append(
            f"hello ran {len(speeds)} times, {min(speeds):.0f} to {max(speeds):.0f} req/s: each "
            "row is compared with the mean of the runs just before and after it."
        )
        return "\n".join(lines)

    def target_lines(self):
        for target in self.targets:
            if target.met is None:
                yield f"- {target.description}: not measured"
                continue
            verdict = "met" if target.met else "MISSED: " + "; ".join(target.misses)
            yield f"{'✓' if target.met else '✗'} {target.description}: {verdict}"

    def failures(self):
        """Rows that answered anything but 2xx, or lost connections."""
        return [
            f"{m.row} ({m.mode}): statuses {m.unexpected_statuses}, "
            f"{m.socket_errors} socket errors, {', '.join(m.failed_paths) or 'every address 2xx'}"
            for m in [*self.hello_runs, *self.measurements]
            if m.unexpected_statuses or m.socket_errors or m.failed_paths
        ]

    def as_json(self):
        return json.dumps(
            {
                "settings": self.settings,
                "hello_runs": [asdict(m) for m in self.hello_runs],
                "rows": [asdict(m) for m in self.measurements],
                "targets": [asdict(target) for target in self.targets],
            },
            indent=2,
            ensure_ascii=False,
        )
