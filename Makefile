# Two commands do all the set-up on a fresh machine (Python 3.11+, pip and make):
#   make serve   install the runtime dependencies into .venv and start the service on http://127.0.0.1:8000
#   make test    install the development tools too, and run lint, type checks and all tests
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
RUNTIME := $(VENV)/.installed
STAMP := $(VENV)/.installed-dev
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install install-dev serve test lint bench startup docker-check screenshot clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "article-cleaner needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# What serving needs, and nothing else (no test, lint or browser tools).
$(RUNTIME): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	@touch $(RUNTIME)

# The runtime, the Dask engine and the development tools.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP) $(RUNTIME)

install: $(RUNTIME)

install-dev: $(STAMP)

serve: $(RUNTIME)
	$(BIN)/article-cleaner serve --host $(HOST) --port $(PORT)

lint: $(STAMP)
	$(BIN)/ruff check cleaner service tests bench
	$(BIN)/ruff format --check cleaner service tests bench
	$(BIN)/mypy

test: lint
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python bench/performance.py

startup: $(STAMP)
	$(BIN)/python bench/startup.py

# Build the Docker image and clean the seed page through it, as the service and as the batch command,
# then stop what it started (docker/check.sh). Needs a Docker daemon; not part of CI.
docker-check: $(RUNTIME)
	bash docker/check.sh

# docs/playground.png: the playground on fixtures/sofrep-lavrov-kuleba.txt, taken by the browser test
# itself (Debian's /usr/bin/chromium), so the picture shows exactly what the test checks.
screenshot: $(STAMP)
	PLAYGROUND_SCREENSHOT=docs/playground.png $(BIN)/python -m pytest -q \
		tests/service/test_playground_browser.py -k example_page

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache .mypy_cache
