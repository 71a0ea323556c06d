# The habits, each one line to call. `make report` and `make test` set up the environment first.
# uv installs exactly what uv.lock pins; it is itself pinned and lives in .tools/ so that `uv sync`
# (which removes whatever the lock does not list) never removes it from .venv.
UV_VERSION := 0.13.9
PYTHON ?= python3
UV := .tools/bin/uv
export UV_PROJECT_ENVIRONMENT := .venv
# Compile bytecode at install time: with PYTHONDONTWRITEBYTECODE set, imports would otherwise
# recompile every module on every run (about twice as slow).
SYNC := $(UV) sync --frozen --compile-bytecode --quiet

.PHONY: setup report test lint format bench clean

setup: .venv/.synced

$(UV):
	$(PYTHON) -m venv .tools
	.tools/bin/python -m pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)"

.venv/.synced: pyproject.toml uv.lock | $(UV)
	$(SYNC)
	touch $@

report: setup
	.venv/bin/research report

test: setup
	.venv/bin/python -m pytest

lint: setup
	.venv/bin/ruff check src tests benchmarks
	.venv/bin/ruff format --check src tests benchmarks
	.venv/bin/mypy

format: setup
	.venv/bin/ruff format src tests benchmarks
	.venv/bin/ruff check --fix src tests benchmarks

bench: setup
	.venv/bin/python benchmarks/run.py

clean:
	rm -rf .venv .tools .pytest_cache .mypy_cache .ruff_cache
