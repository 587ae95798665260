# `make run` and `make test` work on a fresh clone: each installs what is missing first.
SHELL := /bin/bash
PORT ?= 8000
PY := .venv/bin/python
# uv from PATH, else a private copy bootstrapped with the system Python's pip.
UV := $(or $(shell command -v uv 2>/dev/null),.tools/bin/uv)
BROKER_DIRS := var/broker/queue var/broker/processed var/broker/control

.PHONY: install run test lint typecheck chromium check-deploy messages

.tools/bin/uv:
	python3 -m venv .tools
	.tools/bin/pip install --quiet uv

# The translation catalogues are compiled here, not committed: a .mo built from the .po on
# every install cannot go stale or conflict at a merge, and Babel's pure-Python compiler needs
# no system gettext, so a fresh clone's `make run` speaks every language.
install: $(if $(filter .tools/bin/uv,$(UV)),.tools/bin/uv)
	@$(UV) sync --frozen --quiet
	@if compgen -G "locale/*/LC_MESSAGES/django.po" >/dev/null; then \
		.venv/bin/pybabel --quiet compile --domain django --directory locale; fi

run: install
	@mkdir -p $(BROKER_DIRS)
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	@echo "Serving on http://127.0.0.1:$(PORT) with a Celery worker and beat; Ctrl-C stops all."
	@# honcho gives each process its own PORT, so the web port travels under another name.
	BACKSTRONG_PORT=$(PORT) .venv/bin/honcho start -f Procfile.dev

# Debian's Chromium for the browser tests; installed when we are root with apt-get.
chromium:
	@if [ -x /usr/bin/chromium ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "Installing Debian's chromium for the browser tests..."; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null \
			|| echo "Could not install chromium: browser tests will be skipped."; \
	else \
		echo "Chromium is not installed and cannot be installed here: browser tests will be skipped."; \
	fi

lint: install
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .
	.venv/bin/djlint templates --lint

# mypy with django-stubs over every application module; strict on services, selectors and the
# pure modules of clinical rules (pyproject.toml).
typecheck: install
	.venv/bin/mypy

# Production settings with throwaway secrets: `check --deploy` must be clean.
check-deploy: install
	DJANGO_SETTINGS_MODULE=config.settings.production \
	DJANGO_SECRET_KEY="$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(60))')" \
	DJANGO_ALLOWED_HOSTS=backstrong.example.org \
	DATABASE_URL=postgres://postgres@127.0.0.1:5432/backstrong \
	CELERY_BROKER_URL=redis://127.0.0.1:6379/0 \
		$(PY) manage.py check --deploy --fail-level WARNING

# Coverage with branches, printed at the end; CI fails below the floor.
COVERAGE_FLOOR ?= 90

test: install chromium lint typecheck check-deploy
	$(PY) manage.py makemigrations --check --dry-run
	.venv/bin/pytest --cov --cov-report=term --cov-fail-under=$(COVERAGE_FLOOR) $(PYTEST_ARGS)

# Refresh the translation catalogues of the three translated languages from the marked strings.
# No locations, so a moved string does not rewrite every catalogue.
# js: the portal's service worker is a template (templates/portal/sw.js); static/ JS takes its words from the page.
MESSAGES_FLAGS := -l es -l fr -l de --no-location --no-obsolete --extension=html,txt,py,js --ignore=static \
	--ignore=.venv --ignore=.tools --ignore=bench --ignore=tests --ignore=var --ignore=staticfiles --ignore=node_modules
messages: install
	$(PY) manage.py makemessages $(MESSAGES_FLAGS)
