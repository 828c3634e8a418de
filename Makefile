# riskdocs: `make` sets up .venv and renders samples/ into out/; `make test` tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
RISKDOCS := $(BIN)/riskdocs

.DEFAULT_GOAL := all
.PHONY: all venv render test validate schemas templates lint clean help

all: render ## Set up .venv and render samples/ into out/ (the default)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

venv: $(STAMP) ## Create .venv with riskdocs and the development tools

render: $(STAMP) ## Render every form under samples/ into out/
	$(RISKDOCS) render samples -o out

# One form at a time, rebuilt only when its data or campaign changes.
out/%.docx: samples/%.yaml $(STAMP)
	$(RISKDOCS) render '$<' -o '$@'

test: $(STAMP) ## Run the tests
	$(BIN)/python -m pytest -q

validate: $(STAMP) ## Check every form under samples/ without writing
	$(RISKDOCS) validate samples

schemas: $(STAMP) ## Write the JSON Schemas of the forms into schemas/
	$(RISKDOCS) schema -o schemas

templates: $(STAMP) ## Rebuild templates/*.docx from riskdocs/design
	$(BIN)/python -m riskdocs.design templates

lint: $(STAMP) ## Run ruff (check and format) and mypy
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

clean: ## Remove out/ and the caches (keeps .venv)
	rm -rf out build dist .pytest_cache .mypy_cache .ruff_cache
	find . -name __pycache__ -type d -prune -not -path './$(VENV)/*' -exec rm -rf {} +

help: ## List the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | expand -t 12
