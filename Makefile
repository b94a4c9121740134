# Two commands: `make run` and `make test`. Everything else is a helper.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
HADATH := $(VENV)/bin/hadath
SAMPLES := samples/articles
OUT    := var

.PHONY: run test install bench clean

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	touch $@

install: $(VENV)/.installed

run: install
	mkdir -p $(OUT)
	$(HADATH) extract $(SAMPLES) > $(OUT)/samples.jsonl
	$(PY) -m hadath.summary $(OUT)/samples.jsonl

test: install
	$(PY) -m pytest

bench: install
	$(PY) bench/extract_speed.py

clean:
	rm -rf $(OUT) .pytest_cache
