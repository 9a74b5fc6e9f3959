# Two commands do all the set-up on a fresh machine (Python 3.11+, pip and make):
#   make serve   install into .venv and start the service on http://127.0.0.1:8000
#   make test    install into .venv (with the dev tools) and run lint, type checks and all tests
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-dev
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install serve test lint bench screenshot clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "article-cleaner needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP)

serve: $(STAMP)
	$(BIN)/article-cleaner serve --host $(HOST) --port $(PORT)

lint: $(STAMP)
	$(BIN)/ruff check cleaner service tests bench
	$(BIN)/ruff format --check cleaner service tests bench
	$(BIN)/mypy

test: lint
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python bench/performance.py

# docs/playground.png: the playground on fixtures/sofrep-lavrov-kuleba.txt, taken by the browser test
# itself (Debian's /usr/bin/chromium), so the picture shows exactly what the test checks.
screenshot: $(STAMP)
	PLAYGROUND_SCREENSHOT=docs/playground.png $(BIN)/python -m pytest -q \
		tests/service/test_playground_browser.py -k example_page

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache .mypy_cache
