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
SECOND_READING := models/scorecard-second-reading.pkl
JUDGED_INPUTS := bot/roleplay/first_scorings.yml bot/coach/roleplay/second_reading.py \
	scripts/train_second_reading.py $(wildcard tests/data/dev/judged_*/*)
TRAINING_INPUTS := config.yml bot/domain.yml $(shell find bot/data -type f -name '*.yml' 2>/dev/null) \
	bot/nlu/entity_extractor.py bot/coach/dutch_values.py bot/coach/dutch_dates.py bot/nlu/unknown_words_guard.py \
	bot/nlu/intent_classifier.py bot/nlu/tfidf_classifier.py bot/nlu/linear.py build/spacy_nl/incasso_pipeline.json

.PHONY: install train run serve serve-chat shell lint test bench bench-nlu bench-scale bench-scorecard scale-check clean roleplay report

## install: create .venv from the lock file (fast no-op when nothing changed)
install:
	@bash scripts/install.sh

## train: train the model when training data, domain or config changed, and the
## scorecard's second reading when the judged calls or its code changed
train: install
	@$(MAKE) --no-print-directory $(MODEL) $(SECOND_READING)

$(MODEL): $(TRAINING_INPUTS)
	$(RASA) train --config config.yml --domain bot/domain.yml --data bot/data \
		--out models --fixed-model-name incassocoach
	@touch $(MODEL)

$(SECOND_READING): $(JUDGED_INPUTS)
	$(PY) scripts/train_second_reading.py

## run: install, train if needed, start the servers and print the URL of the live pane
run: train
	$(PY) -m bot.cli serve

## shell: as run, with the Dutch terminal session instead of the pane
shell: train
	$(PY) -m bot.cli shell

## serve: Rasa on 127.0.0.1:5005 (pane, REST channel, health; its HTTP API only with
## INCASSO_RASA_API_TOKEN), action server on 127.0.0.1:5055; supervised, stops on Ctrl-C/SIGTERM
serve: train
	$(PY) -m bot.cli serve

## serve-chat: as serve, plus Slack and Teams; secrets from the environment (README, "Slack en Teams")
CHAT_CREDENTIALS ?= credentials-chat.yml
serve-chat: train
	$(PY) -m bot.cli serve --chat-credentials $(CHAT_CREDENTIALS)

## lint: ruff and mypy, as configured in pyproject.toml
lint: install
	$(VENV)/bin/ruff check bot tests scripts
	$(VENV)/bin/mypy

## test: install, train if needed, lint and type-check, run the whole test suite
test: train lint
	$(PY) -m pytest

## roleplay: practice a collection call; the bot plays the debtor (SCENARIO=…, TRAINEE=…)
roleplay: train
	$(PY) -m bot.cli roleplay $(if $(SCENARIO),--scenario "$(SCENARIO)") $(if $(TRAINEE),--trainee "$(TRAINEE)")

## report: a trainee's role-play history and a PNG chart in build/reports/ (TRAINEE=naam)
report: install
	@test -n "$(TRAINEE)" || { echo "Gebruik: make report TRAINEE=naam"; exit 2; }
	$(PY) -m bot.cli report "$(TRAINEE)"

## bench-nlu: debtor NLU of config.yml, the candidates in scripts/nlu_candidates/, a
## separate debtor model and the TF-IDF + LR baseline, side by side on the blind held-out
## files → docs/nlu-comparison.md (the dev sets are training data now)
bench-nlu: install
	$(PY) scripts/compare_nlu.py --candidates counts tfidf debtor diet \
		--files $(wildcard tests/data/blind/*.yml)

## bench: NLU quality, latency, training time and memory, and the scorecard against an
## independent judge → docs/benchmarks.md
bench: train
	$(PY) scripts/bench.py
	$(PY) scripts/bench_scorecard.py

## bench-scorecard: the scorecard against blind, independently judged transcripts
bench-scorecard: train
	$(PY) scripts/bench_scorecard.py

## scale-check: PostgreSQL, Redis, two replicas (Rasa + action server each), concurrent calls
## with one replica killed mid-run; last line `calls N, lines M, answered M, lost 0, duplicates 0`
scale-check: train
	$(PY) scripts/scale_check.py $(if $(CALLS),--calls $(CALLS))

## bench-scale: throughput and p50/p95/p99 at 1, 10, 20, 50 concurrent calls for the embedded
## default and PostgreSQL + Redis with one and two replicas → docs/benchmarks.md
bench-scale: train
	$(PY) scripts/bench_scale.py

clean:
	rm -rf models build/logs .rasa .pytest_cache
