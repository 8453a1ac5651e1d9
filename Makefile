# defcoop: every command creates .venv and installs the pinned requirements when needed.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
CORPUS ?= seeds
OUT    ?= data/processed

.PHONY: install build test unit nbval lab report bench e2e eval-real mutation clean

install: $(STAMP)

$(STAMP): requirements.txt pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check pip==26.3
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $(STAMP)

build: $(STAMP)
	$(BIN)/python -m defcoop build --corpus $(CORPUS) --out $(OUT)

test: unit nbval

unit: $(STAMP)
	$(BIN)/python -m pytest -q --doctest-modules tests lib/defcoop benchmarks/stages.py

nbval: $(STAMP)
	$(BIN)/python -m pytest -q --nbval --nbval-current-env notebooks

lab: $(STAMP) build
	$(BIN)/jupyter lab notebooks/

e2e: $(STAMP)
	DEFCOOP_E2E=1 $(BIN)/python -m pytest -q tests/e2e

report: $(STAMP)
	$(BIN)/python -m defcoop report --notebooks notebooks --out reports

# Generated corpora of 1k, 10k and 100k articles (benchmarks/corpora/, cached), full build on
# each, then the CPU cost of each stage per article, then the incremental loop (one article
# added to the 10k corpus, a rule edited, a first load); results in benchmarks/results.md.
# Takes several minutes, mostly the 100k run.
bench: $(STAMP)
	$(BIN)/python benchmarks/run.py
	$(BIN)/python benchmarks/stages.py
	$(BIN)/python benchmarks/incremental.py --write

# The real-article development set (eval/real): check the git-ignored text cache against the
# manifest, build it, and score it against eval/real/gold.yaml with every miss by class.
# Not part of `make test`: CI has no cache (eval/real/README.md says how to re-fetch it).
# BATCH=N scores one batch only. SKIP_UNUSABLE=1 leaves out (and names) articles whose cached text
# cannot be re-fetched as it was (the stored page changed) instead of stopping.
REAL := eval/real
eval-real: $(STAMP)
	$(BIN)/python -m defcoop devset --set $(REAL) --out $(REAL)/.cache/corpus $(if $(SKIP_UNUSABLE),--skip-unusable)
	$(BIN)/python -m defcoop build --corpus $(REAL)/.cache/corpus --out data/interim/real-tables --quiet
	$(BIN)/python -m defcoop evaluate --gold $(REAL)/gold.yaml --tables data/interim/real-tables \
		--manifest $(REAL)/manifest.yaml $(if $(BATCH),--batch $(BATCH)) $(if $(SKIP_UNUSABLE),--built-only) --verbose

# Mutation testing of the extraction modules (mutmut in a throwaway copy of the project; about half
# an hour on two cores). MODULES=clean,dates picks modules; the scores go into tests/README.md.
mutation: $(STAMP)
	$(BIN)/python tests/mutation.py $(if $(MODULES),--modules $(MODULES)) --write

clean:
	rm -rf $(VENV) data/interim reports/*.html reports/figures
