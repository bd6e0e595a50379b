"""The benchmark (`make bench`): its content at scale (`seed_bench`) and the measurement of the
site under gunicorn against a bare Django view (`bench`)."""
