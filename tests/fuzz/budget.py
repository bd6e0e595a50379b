"""How much fuzzing a run does. CI's budget by default; `FUZZ_EXAMPLES=500 make fuzz` searches
further (a deeper run, e.g. before a release). Generation is derandomized from a fixed seed, so
that a run repeats the same requests and a failure found in CI reproduces locally."""

import os

from hypothesis import HealthCheck, settings

SEED = 9
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "15"))

# For the hypothesis sweeps of tests/fuzz: the same requests on every run, no example database.
SWEEP = settings(
    max_examples=EXAMPLES * 4,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
