# Incassocoach. Everything runs from .venv, which `make install` builds from
# requirements.lock (see scripts/install.sh). Rasa telemetry is off in every command.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
RASA := $(PY) -m rasa
export RASA_TELEMETRY_ENABLED := false
export TF_CPP_MIN_LOG_LEVEL := 2
export SQLALCHEMY_SILENCE_UBER_WARNING := 1
export PYTHONPATH := $(CURDIR)

MODEL := models/incassocoach.tar.gz
TRAINING_INPUTS := config.yml bot/domain.yml $(shell find bot/data -type f -name '*.yml' 2>/dev/null) \
	bot/nlu/entity_extractor.py bot/nlu/unknown_words_guard.py build/spacy_nl/incasso_pipeline.json

.PHONY: install train run serve shell test bench clean

## install: create .venv from the lock file (fast no-op when nothing changed)
install:
	@bash scripts/install.sh

## train: train the model when training data, domain or config changed
train: install
	@$(MAKE) --no-print-directory $(MODEL)

$(MODEL): $(TRAINING_INPUTS)
	$(RASA) train --config config.yml --domain bot/domain.yml --data bot/data \
		--out models --fixed-model-name incassocoach
	@touch $(MODEL)

## run: install, train if needed, start the servers and open the Dutch terminal session
run: train
	$(PY) -m bot.cli shell

shell: run

## serve: Rasa on 127.0.0.1:5005 (REST channel + API), action server on 127.0.0.1:5055
serve: train
	$(PY) -m bot.cli serve

## test: install, train if needed, run the whole test suite
test: train
	$(PY) -m pytest

## bench: NLU quality, latency, training time and memory → docs/benchmarks.md
bench: train
	$(PY) scripts/bench.py

clean:
	rm -rf models build/logs .rasa .pytest_cache
