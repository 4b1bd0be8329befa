# The single entry point, used the same way by people and by CI.
#   make run    set up, build the knowledge DB, train if stale, start the bot
#   make test   set up if needed and run every test, story tests included
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON_VERSION := $(shell cat .python-version)
PYENV_PYTHON := $(HOME)/.pyenv/versions/$(PYTHON_VERSION)/bin/python
VENV := .venv
PY := $(VENV)/bin/python
RASA := $(VENV)/bin/rasa
STAMP := $(VENV)/.installed
KNOWLEDGE_DB := build/knowledge.db
MODEL := models/hp-assistant.tar.gz
KNOWLEDGE_FILES := $(shell find knowledge -name '*.py' -o -name '*.yml' -o -name '*.txt' 2>/dev/null)
BOT_DATA := $(shell find data domain -name '*.yml' 2>/dev/null) config.yml
# only what the trained model contains: editing a channel or the web server retrains nothing
BOT_CODE := $(shell find bot/nlu -name '*.py' 2>/dev/null)
SYSTEM_STAMP := build/.system-deps
export PYTHONPATH := $(CURDIR)
export PYTHONDONTWRITEBYTECODE := 1
export TF_CPP_MIN_LOG_LEVEL := 3
export RASA_TELEMETRY_ENABLED := false
export SQLALCHEMY_SILENCE_UBER_WARNING := 1

.PHONY: help setup knowledge train run run-prod test test-fast test-unit test-stories validate-data responses lint typecheck lock clean eval eval-answers report purge-feedback bench audit

help:
	@echo "make run    - set up, build knowledge, train if needed, start action server :5055 + Rasa :5005"
	@echo "make test   - set up if needed and run every test (pytest + story tests)"
	@echo "make run-prod | eval | eval-answers | bench | audit | report | purge-feedback | knowledge | train | lint | typecheck | lock | clean"

$(STAMP): requirements.lock pyproject.toml .python-version
	@test -x $(PYENV_PYTHON) || { echo "Python $(PYTHON_VERSION) not found at $(PYENV_PYTHON); install it with: pyenv install $(PYTHON_VERSION)"; exit 1; }
	@test -x $(PY) || $(PYENV_PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(PY) -m pip check
	@touch $@

setup: $(STAMP) $(SYSTEM_STAMP) web/node_modules

$(SYSTEM_STAMP): scripts/system_deps.sh
	scripts/system_deps.sh
	@mkdir -p build && touch $@

# the chat component comes from the npm registry at setup, never from a CDN at run time
web/node_modules: web/package.json web/package-lock.json $(SYSTEM_STAMP)
	cd web && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# pip-tools resolves runtime and dev dependencies in one pass: test tools installed afterwards upgrade `packaging` and break `import rasa`.
lock:
	$(VENV)/bin/pip-compile --quiet --extra dev --strip-extras --no-emit-index-url --no-emit-find-links -o requirements.lock pyproject.toml

$(KNOWLEDGE_DB): $(STAMP) $(KNOWLEDGE_FILES)
	$(PY) -m knowledge build --url sqlite:///$(KNOWLEDGE_DB)

knowledge: $(KNOWLEDGE_DB)

# domain/responses.yml: the menus and the bot's identity, from the knowledge base's metadata
responses: $(STAMP)
	$(PY) -m actions.menu

$(MODEL): $(STAMP) $(BOT_DATA) $(BOT_CODE) $(KNOWLEDGE_DB)
	$(RASA) train --domain domain --data data --config config.yml --out models --fixed-model-name hp-assistant --quiet

train: $(MODEL)

run: $(MODEL) web/node_modules
	scripts/run.sh

# PostgreSQL + Redis + 2 Rasa + 2 action servers behind nginx on :8088 (docs/DEPLOY.md)
run-prod: $(MODEL) $(SYSTEM_STAMP) web/node_modules
	scripts/run_prod.sh

validate-data: $(STAMP)
	$(RASA) data validate --domain domain --data data --config config.yml --fail-on-warnings

# pytest exits 5 when it collected no test: make stops on any non-zero exit.
test-unit: $(KNOWLEDGE_DB) $(MODEL) web/node_modules
	$(PY) -m pytest

# The edit loop: no trained model, no PostgreSQL, no browser, no running bot (README gives its time);
# property tests try a quarter of their examples (tests/examples.py). Exit 5 (nothing collected) fails too.
test-fast: $(KNOWLEDGE_DB)
	TEST_TIER=fast $(PY) -m pytest -q -m "not slow and not postgres and not model" --ignore=tests/web

test-stories: $(MODEL)
	scripts/test_stories.sh

lint: $(STAMP)
	$(VENV)/bin/ruff check knowledge bot actions tests scripts deploy

typecheck: $(STAMP)
	$(VENV)/bin/mypy

test: lint typecheck validate-data test-unit test-stories

eval: $(STAMP) $(KNOWLEDGE_DB)
	$(PY) scripts/eval_nlu.py

# answers, not intents: eval/answers/ through the REST channel of a bot it starts (ARGS="--set holdout", "--show 20")
eval-answers: $(MODEL) $(KNOWLEDGE_DB)
	$(PY) scripts/eval_answers.py $(ARGS)

bench: $(MODEL) $(KNOWLEDGE_DB) $(SYSTEM_STAMP)
	$(PY) scripts/bench.py

# pip-audit needs a newer `packaging` than Rasa allows: its own venv
AUDIT_VENV := .venv-audit
$(AUDIT_VENV)/.installed: .python-version
	$(PYENV_PYTHON) -m venv $(AUDIT_VENV)
	$(AUDIT_VENV)/bin/pip install --quiet --disable-pip-version-check "pip-audit>=2.7,<3"
	@touch $@

audit: $(AUDIT_VENV)/.installed
	$(AUDIT_VENV)/bin/pip-audit --strict --requirement requirements.lock --no-deps --disable-pip --progress-spinner off --desc on

report: $(STAMP)
	$(PY) -m knowledge report

# stored questions older than FEEDBACK_RETENTION_DAYS (90); run.sh and run_prod.sh also run it at start
purge-feedback: $(STAMP)
	$(PY) -m knowledge purge-feedback

clean:
	rm -rf build models results .pytest_cache .mypy_cache .ruff_cache
