# riskdocs: `make` sets up .venv and renders samples/ into out/; `make test` tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
RISKDOCS := $(BIN)/riskdocs

.DEFAULT_GOAL := all
.PHONY: all venv pdf-tools render pdf previews bench test validate schemas templates lint clean help

all: render ## Set up .venv and render samples/ into out/ (the default)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

venv: $(STAMP) ## Create .venv with riskdocs and the development tools

pdf-tools: ## Install LibreOffice, CJK fonts and poppler (apt-get; for PDF output)
	scripts/install-pdf-tools

render: $(STAMP) ## Render every form under samples/ into out/
	$(RISKDOCS) render samples -o out

pdf: $(STAMP) ## Render samples/ with a PDF of each form and one PDF of them all
	$(RISKDOCS) render samples -o out --combine out/samples.pdf

PREVIEW_UNIT := out/2020-专家管理科
PREVIEWS := 附件一-冯玉岗 附件二-专家管理科 附件三-专家管理科 附件四-专家管理科

previews: pdf ## Make docs/*.png, a picture of each of the four sample forms
	mkdir -p docs
	for stem in $(PREVIEWS); do \
		pdftoppm -png -r 80 -singlefile "$(PREVIEW_UNIT)/$$stem.pdf" "docs/$$stem"; \
	done

bench: $(STAMP) ## Measure batch rendering and PDF conversion against their targets
	$(BIN)/python benchmarks/render_batch.py
	$(BIN)/python benchmarks/pdf_batch.py

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
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | expand -t 12
