# Two commands for a newcomer: `make run` and `make test`. Only Python 3.11+ and make are needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
SOAK_SECONDS ?= 180
SOAK_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/cms_soak

.PHONY: run test fuzz frontend-check install migrate seed admin lint check bench soak messages clean

$(VENV)/.installed: requirements.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		(echo "Python 3.11 or newer is needed (found: $$($(PYTHON) --version))." >&2; exit 1)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	@touch $@

install: $(VENV)/.installed

migrate: install
	$(BIN)/python manage.py migrate --noinput

seed: migrate
	$(BIN)/python manage.py seed_demo
	$(BIN)/python manage.py setup_roles

# The admin address printed is the one `make run` serves (HOST and PORT), whatever
# WAGTAILADMIN_BASE_URL says; runserver's links use the served address too, unless it is set.
SERVED_URL := http://$(HOST):$(PORT)

admin: install
	$(BIN)/python manage.py ensure_dev_admin --base-url $(SERVED_URL)

# Beside the server, the worker of scheduled publishing and consent enforcement, and the worker
# of background tasks (webhooks, search updates, image renditions); Ctrl-C stops all three.
run: seed admin
	@echo "Serving $(SERVED_URL)/ (admin: $(SERVED_URL)/admin/). Ctrl-C stops."
	@export WAGTAILADMIN_BASE_URL="$${WAGTAILADMIN_BASE_URL:-$(SERVED_URL)}"; \
	$(BIN)/python manage.py run_scheduled_jobs & jobs=$$!; \
	$(BIN)/python manage.py db_worker --no-reload & tasks=$$!; \
	trap 'kill $$jobs $$tasks 2>/dev/null' EXIT; trap 'exit 130' INT TERM; \
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

test: install
	$(BIN)/python -m pytest -n auto $(PYTEST_ARGS)

# Hostile input (tests/fuzz, left out of make test): schemathesis over API v3's OpenAPI document,
# hypothesis over API v2, search and page addresses. FUZZ_EXAMPLES=500 searches further.
fuzz: install
	$(BIN)/python -m pytest -n auto -m fuzz tests/fuzz $(PYTEST_ARGS)

# The reference frontend (frontend-check/, Node 20.19+ and npm): the demo served from a throwaway
# SQLite database, a TypeScript client generated from its OpenAPI document and compiled under
# tsc --strict, the five page kinds rendered in French and Arabic, Redocly's lint. About a minute.
frontend-check: install
	frontend-check/run.sh

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

check: install
	$(BIN)/python manage.py check
	$(BIN)/python manage.py makemigrations --check --dry-run

messages: install
	$(BIN)/python manage.py makemessages --all --ignore=.venv --ignore=tests --ignore=demo --no-obsolete
	$(BIN)/python manage.py compilemessages --ignore=.venv

clean:
	rm -rf $(VENV) staticfiles

# The benchmark: seed_bench (SEED_BENCH_ARGS, e.g. --resources 20000) on the demo, then the site
# under gunicorn (production settings) and wrk, cached and cold, against a bare Django view.
# BENCH_ARGS, e.g. --seconds 10. Prints the table, writes var/bench/latest.json. README: Performance.
bench: install
	@command -v wrk >/dev/null || { echo "make bench needs wrk, Debian's package: apt-get install wrk" >&2; exit 1; }
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py seed_bench $(SEED_BENCH_ARGS)
	$(BIN)/python manage.py bench $(BENCH_ARGS)

# gunicorn (production settings, 16 database connections) under wrk for SOAK_SECONDS: zero 5xx.
soak: install
	DATABASE_URL=$(SOAK_DATABASE_URL) $(BIN)/python manage.py soak --seconds $(SOAK_SECONDS)
