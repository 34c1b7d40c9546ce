# NRP: the two commands of the README are `make demo` and `make test`. Both install what they need.
SHELL := /bin/bash
PYTHON ?= python3
# uv from PATH, else a private copy installed with pip into .tools/ (works on a machine with only Python).
UV := $(shell command -v uv 2>/dev/null || echo .tools/bin/uv)
RUN := $(UV) run --frozen
HOST ?= 127.0.0.1
PORT ?= 8000
SIZE ?= small

.PHONY: migrate seed totp reminders mediation-tick workflow-timers stats-snapshot access-digest retention-dry-run manage typecheck
.PHONY: demo test install lint pytest coverage browser-deps db-stop clean-db translations benchmarks load load-restart schemathesis

$(UV):
	@echo "uv not found: installing it into .tools/ with pip"
	$(PYTHON) -m venv .tools && .tools/bin/pip install --quiet uv

install: $(UV)
	$(UV) sync --frozen
	$(RUN) python manage.py compile_translations

translations: install

demo: install
	$(RUN) python manage.py migrate --noinput
	$(RUN) python manage.py seed_demo --size $(SIZE)
	@echo "NRP běží na http://$(HOST):$(PORT)/  (Ctrl+C ukončí)"
	$(RUN) python manage.py runserver $(HOST):$(PORT)

lint: install
	$(RUN) ruff check .
	$(RUN) ruff format --check .
	DATABASE_URL=$${DATABASE_URL:-postgresql://typecheck@localhost/typecheck} $(RUN) mypy

browser-deps:
	@bash scripts/ensure_chromium.sh

# The suite runs on every core (pytest-xdist, a test database per worker); WORKERS=0 runs it in one process.
# pytest's exit 5 ("no tests collected") is not a failure of the suite itself.
WORKERS ?= auto
pytest:
	$(RUN) pytest -n $(WORKERS) $(PYTEST_ARGS); s=$$?; if [ $$s -eq 5 ]; then exit 0; else exit $$s; fi

# Line coverage of the application code (not a gate; the figure is kept in benchmarks/RESULTS.md).
coverage: install
	$(RUN) pytest -n $(WORKERS) -q --cov=nrp --cov=workflows --cov=matching --cov-report=term $(PYTEST_ARGS)

test: install lint browser-deps pytest

# The thorough API fuzzing run (the suite runs the same tests bounded): schemathesis over every operation for every
# role, valid and invalid data, then the stateful phase (links between operations) for an officer and an applicant.
SCHEMATHESIS_EXAMPLES ?= 100
SCHEMATHESIS_SCENARIOS ?= 100
SCHEMATHESIS_STEPS ?= 20
schemathesis: install
	NRP_SCHEMATHESIS_EXAMPLES=$(SCHEMATHESIS_EXAMPLES) NRP_SCHEMATHESIS_STATEFUL_EXAMPLES=$(SCHEMATHESIS_SCENARIOS) \
	NRP_SCHEMATHESIS_STATEFUL_STEPS=$(SCHEMATHESIS_STEPS) NRP_SCHEMATHESIS_REPORT=1 \
	$(RUN) pytest -n 0 -m slow -s -q tests/api/test_schemathesis.py tests/api/test_schemathesis_stateful.py

# Commands the README and seed_demo print, as make targets: they work where uv was installed into .tools/
# and without an activated virtualenv. `make manage CMD="showmigrations"` runs any other manage.py command.
migrate: $(UV)
	$(RUN) python manage.py migrate --noinput

seed: $(UV)
	$(RUN) python manage.py seed_demo --size $(SIZE)

# The current six-digit code of the demo staff accounts (they all share the published demo key).
totp: $(UV)
	@$(RUN) python manage.py demo_totp_code

reminders: $(UV)
	$(RUN) python manage.py send_journey_reminders

mediation-tick: $(UV)
	$(RUN) python manage.py mediation_tick

workflow-timers: $(UV)
	$(RUN) python manage.py workflow_timers

stats-snapshot: $(UV)
	$(RUN) python manage.py stats_snapshot

access-digest: $(UV)
	$(RUN) python manage.py weekly_access_digest

retention-dry-run: $(UV)
	$(RUN) python manage.py apply_retention --dry-run

manage: $(UV)
	$(RUN) python manage.py $(CMD)

# mypy with django-stubs (configured in pyproject.toml); not yet part of `make lint`: see the open issue.
typecheck: install
	DATABASE_URL=$${DATABASE_URL:-postgresql://typecheck@localhost/typecheck} $(RUN) mypy

# The engine and end-to-end benchmarks, then the load test (gunicorn + locust, about 2 minutes of both cores).
benchmarks: install
	$(RUN) python benchmarks/run.py
	$(RUN) python benchmarks/load/run.py

# Load test (benchmarks/load/): gunicorn with 3 workers on loopback, 20 locust users of five roles, the trivial
# views then the page mix, p50/p95/requests per second and the targets of issue 12. The first run seeds the
# database nrp_load (seed_demo --size $(LOAD_SIZE)); LOAD_DATABASE_URL points it at another seeded database.
LOAD_SIZE ?= medium
load: install
	LOAD_SIZE=$(LOAD_SIZE) $(RUN) python benchmarks/load/run.py

# The same users writing messages while an embedded PostgreSQL (in a temporary folder) is restarted mid-run:
# counts failed requests, checks every write answered 201 is stored and that the app recovers by itself.
load-restart: install
	$(RUN) python benchmarks/load/run.py --restart

# Stops the embedded server even when a demo or a test run still uses it (and says so), or says why not.
db-stop:
	@$(PYTHON) scripts/db_stop.py

clean-db: db-stop
	rm -rf .pgdata
