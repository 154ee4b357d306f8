# Everything runs from a project-local virtual environment, created on demand.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: help install test lint typecheck unit site docs demo clean

help:
	@echo "make demo   - run the offline walk-through"
	@echo "make test   - ruff, mypy --strict, the test suite and a strict docs build"
	@echo "make docs   - serve the documentation on http://127.0.0.1:8000"

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,docs]'
	touch $(STAMP)

install: $(STAMP)

lint: $(STAMP)
	$(BIN)/ruff check hcloud_models tests examples doctools
	$(BIN)/ruff format --check hcloud_models tests examples doctools

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/pytest -q

# The documentation is built strictly: a broken link or reference fails the build.
site: $(STAMP)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --quiet --site-dir build/site

docs: $(STAMP)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs serve

test: lint typecheck unit site

demo: $(STAMP)
	$(BIN)/python examples/demo.py

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache build dist
