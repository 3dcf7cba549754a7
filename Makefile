# gcm-reviews: `make demo` to try it, `make test` to check it.
SHELL := /bin/bash
PORT ?= 8000
VENV := .venv
PY := $(VENV)/bin/python
LANGUAGES := ar zh_Hans fr ru es

# The first of python3.13, python3.12, python3 that is 3.12 or newer (Django 6.1 needs 3.12).
PYTHON ?= $(shell for p in python3.13 python3.12 python3; do \
	if command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1; \
	then echo $$p; break; fi; done)

.PHONY: demo test lint format messages install check-python clean bench

check-python:
	@if [ -z "$(PYTHON)" ] || ! $(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then \
		echo "gcm-reviews needs Python 3.12 or newer; the Python found is: $$($(or $(PYTHON),python3) --version 2>&1 || echo none)." >&2; \
		echo "Install Python 3.12+ (3.13 recommended) or run: make PYTHON=/path/to/python3.13 ..." >&2; \
		exit 1; \
	fi

$(VENV)/.installed: pyproject.toml | check-python
	@if [ -x $(PY) ] && ! $(PY) -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then \
		echo "Replacing $(VENV), made with a Python older than 3.12"; rm -rf $(VENV); fi
	@[ -x $(PY) ] || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet ".[dev]"
	@touch $@

install: check-python $(VENV)/.installed

demo: install
	env -u DATABASE_URL -u CELERY_BROKER_URL -u GCM_ENV $(PY) manage.py migrate --noinput
	env -u DATABASE_URL -u CELERY_BROKER_URL -u GCM_ENV $(PY) manage.py load_reference
	env -u DATABASE_URL -u CELERY_BROKER_URL -u GCM_ENV $(PY) manage.py load_demo
	@echo "Serving on http://127.0.0.1:$(PORT)/ (Ctrl-C to stop)"
	env -u DATABASE_URL -u CELERY_BROKER_URL -u GCM_ENV $(PY) manage.py runserver 127.0.0.1:$(PORT)

test: install
	$(PY) -m pytest $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

messages: install
	$(PY) manage.py makemessages --no-obsolete --no-location $(addprefix -l ,$(LANGUAGES)) \
		--ignore=.venv --ignore=var --ignore=tests
	$(PY) manage.py compilemessages $(addprefix -l ,$(LANGUAGES)) --ignore=.venv

clean:
	rm -rf $(VENV) var/db.sqlite3 var/static

# Throughput of the key pages against a bare Django view; see docs/benchmarks.md.
bench: install
	$(PY) -m bench.run
