# Two commands: `make run` and `make test`. Everything else is a helper.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
HADATH := $(VENV)/bin/hadath
SAMPLES := samples/articles
OUT    := var
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: run test install bench clean

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	touch $@

# The tests also train a tiny network: PyTorch and gensim (the [train] extra).
$(VENV)/.installed-train: $(VENV)/.installed
	$(PY) -m pip install -q -e '.[test,train]'
	touch $@

install: $(VENV)/.installed

# Ingest the bundled sample articles (again: already stored ones are skipped) and serve
# the dashboard until Ctrl-C.
run: install
	mkdir -p $(OUT)
	-$(HADATH) ingest $(SAMPLES) --db $(OUT)/hadath.duckdb
	@echo "Dashboard: http://$(HOST):$(PORT)/  (Ctrl-C to stop)"
	$(HADATH) serve --db $(OUT)/hadath.duckdb --host $(HOST) --port $(PORT)

test: $(VENV)/.installed-train
	$(PY) -m pytest

bench: install
	$(PY) bench/extract_speed.py

clean:
	rm -rf $(OUT) .pytest_cache
