# Everything runs from a project-local virtual environment, created on demand.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
BENCH_STAMP := $(VENV)/.bench-installed
# Prism (pinned in tests/prism/package-lock.json) for the conformance tests.
PRISM_DIR := tests/prism
PRISM := $(PRISM_DIR)/node_modules/.bin/prism

.PHONY: help install prism test lint typecheck unit site docs demo bench clean

help:
	@echo "make demo   - run the offline walk-through"
	@echo "make test   - ruff, mypy --strict, the test suite and a strict docs build"
	@echo "make docs   - serve the documentation on http://127.0.0.1:8000"
	@echo "make bench  - benchmarks next to the official hcloud package and raw httpx"

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,docs]'
	touch $(STAMP)

install: $(STAMP)

$(BENCH_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	touch $(BENCH_STAMP)

# Without npm the conformance tests skip (they fail instead under CI=true).
$(PRISM): $(PRISM_DIR)/package.json $(PRISM_DIR)/package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		cd $(PRISM_DIR) && npm ci --no-audit --no-fund --loglevel=error && touch node_modules/.bin/prism; \
	else \
		echo "npm not found: the Prism conformance tests will be skipped"; \
	fi

prism: $(PRISM)

lint: $(STAMP)
	$(BIN)/ruff check hcloud_models tests examples doctools benchmarks
	$(BIN)/ruff format --check hcloud_models tests examples doctools benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP) prism
	$(BIN)/pytest -q

# The documentation is built strictly: a broken link or reference fails the build.
site: $(STAMP)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --quiet --site-dir build/site

docs: $(STAMP)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs serve

test: lint typecheck unit site

demo: $(STAMP)
	$(BIN)/python examples/demo.py

# Measurements, not tests: prints medians and ratios next to each target (docs/performance.md).
bench: $(BENCH_STAMP)
	$(BIN)/python -m benchmarks $(BENCH_ARGS)

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache build dist $(PRISM_DIR)/node_modules
