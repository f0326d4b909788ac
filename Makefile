# Data Day. `make run`: the app on SQLite with demo data at http://127.0.0.1:5000.
# `make test`: lint, content check, and every test on SQLite and on PostgreSQL.
# `make check`: a quick look while you work (lint, types of the Flask-free layers, unit tests), under a minute.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
ASSETS := build/assets
export FLASK_APP := webapp

.PHONY: run test check install-run install-test assets system-deps run-system-deps

$(VENV)/.installed-run: pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed-run
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

# GOV.UK Frontend and Pyodide come from the npm registry at build time and are served by the app: no CDN.
$(ASSETS)/.built: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	rm -rf $(ASSETS) && mkdir -p $(ASSETS)
	cp node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.{css,js} $(ASSETS)/
	cp -R node_modules/govuk-frontend/dist/govuk/assets/. $(ASSETS)/
	touch $@

assets: $(ASSETS)/.built

# The real OpenID provider (npm oidc-provider) the single sign-on tests start: tests/peers/oidc.
OIDC_PEER := tests/peers/oidc
$(OIDC_PEER)/node_modules/.installed: $(OIDC_PEER)/package.json $(OIDC_PEER)/package-lock.json
	npm ci --prefix $(OIDC_PEER) --no-audit --no-fund --loglevel=error
	touch $@

# The real learning record store (PyPI ralph-malph) the xAPI tests start, in its own venv: its pins clash with ours.
LRS_PEER := tests/peers/lrs
$(LRS_PEER)/.venv/.installed: $(LRS_PEER)/requirements.txt
	rm -rf $(LRS_PEER)/.venv && $(PYTHON) -m venv $(LRS_PEER)/.venv
	$(LRS_PEER)/.venv/bin/pip install --quiet -r $(LRS_PEER)/requirements.txt
	touch $@

system-deps:
	bash scripts/install-system-deps.sh

run-system-deps:
	bash scripts/install-system-deps.sh run

run: $(VENV)/.installed-run assets run-system-deps
	$(BIN)/flask db upgrade
	$(BIN)/flask content sync
	$(BIN)/flask lite build
	$(BIN)/flask demo seed
	$(BIN)/flask run --host 127.0.0.1 --port 5000

check: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/pytest -q tests/unit

test: $(VENV)/.installed-test assets system-deps $(OIDC_PEER)/node_modules/.installed $(LRS_PEER)/.venv/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/flask content check
	$(BIN)/pytest
	# Again on PostgreSQL: everything that reads or writes the database. The notebook site's build and the
	# browser's pages do not depend on which database serves them (their queries run in the integration tests),
	# so once is enough: the suite stays well under 10 minutes.
	TEST_DATABASE=postgresql $(BIN)/pytest --ignore=tests/lite --ignore=tests/browser
