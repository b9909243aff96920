# Inzet — the two commands a newcomer needs: `make run` and `make test`.
.DEFAULT_GOAL := help
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
# `make run` is a local demo: debug on, SQLite unless DATABASE_URL says otherwise.
RUN_ENV := DEBUG=$${DEBUG:-true}

.PHONY: help run serve install lock upgrade migrate demo test test-fast lint format messages assets bench relevance screenshots clean

help:
	@echo "make run    - install, migrate, load demo data and serve on http://$(HOST):$(PORT)"
	@echo "make test   - the whole test suite (DATABASE_URL selects PostgreSQL, default SQLite)"
	@echo "make lint   - ruff and Django's system checks"
	@echo "make screenshots - phone and desktop screenshots of every page per persona into var/screenshots/"
	@echo "make upgrade - refresh requirements.lock to the newest allowed releases (make lock: after editing pyproject)"
	@echo "make messages - update and compile the nl/en translation catalogues"

# Installs exactly what requirements.lock names (versions and hashes): an upstream release never changes a build.
$(VENV)/.installed: requirements.lock pyproject.toml
	@PYTHON=$$(scripts/find-python) || exit 1; \
	  test -x $(PY) || "$$PYTHON" -m venv $(VENV)
	$(PY) -m pip install --quiet --require-hashes --only-binary :all: -r requirements.lock
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	@touch $@

install: $(VENV)/.installed

# After changing the dependencies in pyproject.toml: resolve them into requirements.lock, keeping every other pin.
LOCK := $(VENV)/bin/uv pip compile pyproject.toml --extra dev --universal --python-version 3.12 \
	--generate-hashes --custom-compile-command "make lock" --output-file requirements.lock --quiet
lock: install
	$(LOCK)

# A deliberate upgrade: every dependency to its newest allowed release; review the diff, run make test, commit.
upgrade: install
	$(LOCK) --upgrade
	@git diff --stat requirements.lock

migrate: install
	@mkdir -p var
	$(RUN_ENV) $(PY) manage.py migrate --noinput

demo: migrate
	$(RUN_ENV) $(PY) manage.py load_demo

# Runs the task worker (emails, reminders) beside the development server; Ctrl-C stops both.
run: demo
	@$(RUN_ENV) $(PY) manage.py demo_logins
	@trap 'kill 0' EXIT INT TERM; \
	  $(RUN_ENV) $(PY) manage.py db_worker --interval 1 & \
	  $(RUN_ENV) $(PY) manage.py runserver $(HOST):$(PORT)

# Two workers (the machine has two cores); browser tests included. DATABASE_URL=postgres://... for PostgreSQL.
test: install
	$(PY) -m pytest -n 2 $(PYTEST_ARGS)

# Full-page PNGs of every page each persona opens, at phone (390 × 844) and desktop (1280 × 800) width, into
# var/screenshots/<persona>/ for review (git-ignored). The same sweep as in make test, which writes none.
SCREENSHOTS_DIR ?= var/screenshots
screenshots: install
	@mkdir -p $(SCREENSHOTS_DIR)
	SCREENSHOTS_DIR=$(abspath $(SCREENSHOTS_DIR)) $(PY) -m pytest -q inzet/tests/e2e/test_every_page_fits_a_phone.py $(PYTEST_ARGS)
	@echo "screenshots in $(SCREENSHOTS_DIR)/"

lint: install
	$(VENV)/bin/ruff check inzet bench
	$(VENV)/bin/ruff format --check inzet bench
	DEBUG=true $(PY) manage.py check
	DEBUG=true $(PY) manage.py makemigrations --check --dry-run

format: install
	$(VENV)/bin/ruff check --fix inzet bench
	$(VENV)/bin/ruff format inzet bench

# Needs GNU gettext (apt-get install gettext). The compiled .mo files are committed, so running needs nothing.
messages: install
	cd inzet && DEBUG=true ../$(PY) ../manage.py makemessages -l nl -l en --no-obsolete --ignore "locale/*"
	cd inzet && DEBUG=true ../$(PY) ../manage.py compilemessages

# National-scale benchmark on PostgreSQL (see bench/README.md): builds the seeded data set once, then measures
# search and matching into bench/results/. Small run: make bench BENCH_ORGANISATIONS=2000 BENCH_VACANCIES=5000
# BENCH_PROFILES=20000; rebuild: BENCH_FRESH=1. Production-like settings: DEBUG off, manifest static files.
bench: install
	@export BENCH_DATABASE_URL="$${BENCH_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/inzet_bench}"; \
	  export DATABASE_URL="$$BENCH_DATABASE_URL" DJANGO_SETTINGS_MODULE=inzet.settings DEBUG=false \
	    SECRET_KEY=inzet-benchmark-only-not-a-secret ALLOWED_HOSTS=testserver,127.0.0.1,localhost; \
	  $(PY) -m bench.generate && \
	  $(PY) manage.py collectstatic --noinput --verbosity 0 && \
	  $(PY) -m bench.measure

clean:
	rm -rf $(VENV) var
