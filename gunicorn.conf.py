"""gunicorn's settings for the site, read from the folder it starts in (`gunicorn cms.wsgi`), as
production, the benchmark, the soak and the server tests start it. Workers, threads and the
address are left to the command line.

The site is loaded once, in the master process, before the workers are forked: the workers
share its code and data instead of each loading its own copy. Python's garbage collector would
otherwise touch every shared object in each worker and so copy the pages they lie on; the
objects made at start-up are frozen out of its sight (gc.freeze). At the default scale a worker
then owns about 60 MB instead of 120 (make bench, README: Performance).

A loaded site means a code change needs a restart of gunicorn, not only of its workers
(`kill -HUP` reloads workers from the master's copy of the code).
"""

import gc

preload_app = True
# Addresses cut in gunicorn's own logs (privacy/logging.py).
logger_class = "privacy.logging.GunicornLogger"


def when_ready(server):
    """Once the site is loaded, before the first worker is forked."""
    from django.core.cache import caches
    from django.db import connections

    # Nothing the master opened (a database connection, a cache client) may be shared.
    connections.close_all()
    caches.close_all()
    gc.collect()
    gc.freeze()
